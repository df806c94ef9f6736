"""Following and e-mail: owners and followers are told after commit by the task queue,
weekly followers get one summary, every e-mail unsubscribes in one click, a failing mail
server loses nothing, overdue measures are remembered once, and the scheduler enqueues."""

from datetime import date, datetime, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from initiatives import services
from initiatives.models import Comment, FocusArea, Follow, Frequency, Notification
from initiatives.notifications import recipients
from initiatives.notifications.unsubscribe import unsubscribe_token
from initiatives.services import comments, following
from tillit.core import scheduler
from tillit.core.models import ScheduledRun

from ..factories import InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure(bergen, people):
    return InitiativeFactory(
        organisation=bergen, workflow_status="publisert", created_by=people["ansatt"]
    )


def _to(address):
    return [m for m in mail.outbox if address in m.to]


def test_the_owner_is_mailed_after_commit_with_a_one_click_unsubscribe(
    client, people, measure, run_tasks
):
    comments.comment_create(target=measure, by=people["tillitsvalgt"], body="Godt *tiltak*")
    assert mail.outbox == []  # queued, not sent inside the request
    assert DBTaskResult.objects.count() == 1
    assert run_tasks() == ["SUCCESSFUL"]
    [message] = _to(people["ansatt"].email)
    assert measure.title in message.subject
    assert "Godt *tiltak*" in message.body
    assert "tillitsvalgt (Fagforbundet), Bergen kommune" in message.body
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    path = link.split("testserver", 1)[-1] if "testserver" in link else "/" + link.split("/", 3)[3]
    assert client.get(path).status_code == 200  # opening the link changes nothing
    assert following.preferences_of(people["ansatt"]).comments_on_own
    assert client.post(path).status_code == 200  # the one click (RFC 8058)
    assert not following.preferences_of(people["ansatt"]).comments_on_own

    comments.comment_create(target=measure, by=people["leder"], body="Enig")
    run_tasks()
    assert len(_to(people["ansatt"].email)) == 1


def test_the_author_of_a_comment_is_told_of_replies_but_never_of_their_own(
    people, measure, run_tasks
):
    root = comments.comment_create(target=measure, by=people["tillitsvalgt"], body="Spørsmål")
    run_tasks()
    mail.outbox.clear()
    comments.comment_create(parent=root, by=people["ansatt"], body="Svar fra eieren")
    run_tasks()
    assert [m.to for m in mail.outbox] == [[people["tillitsvalgt"].email]]
    assert "Svar fra eieren" in mail.outbox[0].body


def test_followers_get_comments_at_once_or_weekly_and_non_members_never(people, measure, run_tasks):
    following.follow_set(by=people["leder"], target=measure, frequency=Frequency.IMMEDIATE)
    following.follow_set(by=people["departement"], target=measure, frequency=Frequency.WEEKLY)
    following.follow_set(by=people["outsider"], target=measure, frequency=Frequency.IMMEDIATE)
    comments.comment_create(target=measure, by=people["tillitsvalgt"], body="Til følgerne")
    run_tasks()
    assert len(_to(people["leder"].email)) == 1
    assert _to(people["departement"].email) == []
    assert _to(people["outsider"].email) == []
    assert not Notification.objects.filter(recipient=people["outsider"]).exists()

    follow = Follow.objects.get(user=people["departement"])
    assert notify_digest() == 1
    [digest] = _to(people["departement"].email)
    assert measure.title in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    unsubscribe = unsubscribe_token(people["departement"], follow=follow)
    assert unsubscribe in digest.body
    assert notify_digest() == 0  # nothing twice


def notify_digest() -> int:
    from initiatives.notifications.delivery import send_weekly_digests

    return send_weekly_digests()


def test_a_deleted_or_hidden_comment_is_left_out_of_the_digest(people, measure, run_tasks):
    following.follow_set(by=people["leder"], target=measure, frequency=Frequency.WEEKLY)
    comment = comments.comment_create(target=measure, by=people["tillitsvalgt"], body="Oops")
    run_tasks()
    comments.comment_delete(comment=comment, by=people["tillitsvalgt"])
    assert notify_digest() == 0
    assert _to(people["leder"].email) == []
    assert not Notification.objects.filter(sent_at=None).exists()


def test_following_a_focus_area_or_county_brings_new_measures_and_reports(
    people, bergen, run_tasks
):
    area = FocusArea.objects.get(number=2)
    watcher, county_watcher = UserFactory(), UserFactory()
    following.follow_set(by=watcher, target=area, frequency=Frequency.IMMEDIATE)
    following.follow_set(by=county_watcher, target=bergen.municipality.county)
    pending = InitiativeFactory(
        organisation=bergen, workflow_status="til_godkjenning", areas=[area.slug]
    )
    services.initiative_publish(initiative=pending, by=people["leder"])
    run_tasks()
    [message] = _to(watcher.email)
    assert pending.title in message.subject
    assert Notification.objects.get(recipient=county_watcher).immediate is False

    from ..factories import ExperienceReportFactory

    report = ExperienceReportFactory(initiative=pending, workflow_status="til_godkjenning")
    services.experience_publish(report=report, by=people["leder"])
    run_tasks()
    assert report.title in _to(watcher.email)[-1].subject


def test_a_failing_mail_server_keeps_the_comment_and_retries(people, measure, run_tasks, settings):
    settings.EMAIL_BACKEND = "tests.initiatives.failing_mail.FailingBackend"
    comment = comments.comment_create(target=measure, by=people["tillitsvalgt"], body="Står")
    run_tasks()
    assert Comment.objects.filter(pk=comment.pk).exists()
    waiting = Notification.objects.get(recipient=people["ansatt"])
    assert waiting.sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from initiatives.tasks import deliver_notifications

    deliver_notifications.enqueue()
    run_tasks()
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert len(_to(people["ansatt"].email)) == 1


def test_owners_are_reminded_once_when_the_end_date_has_passed(people, bergen, run_tasks):
    overdue = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        lifecycle_status="pagar",
        start_date=date(2024, 1, 1),
        end_date=timezone.localdate() - timedelta(days=1),
        created_by=people["ansatt"],
    )
    InitiativeFactory(
        organisation=bergen,
        lifecycle_status="avsluttet",
        start_date=date(2024, 1, 1),
        end_date=date(2024, 6, 1),
        created_by=people["ansatt"],
    )
    from initiatives.tasks import overdue_reminders

    overdue_reminders.enqueue()
    overdue_reminders.enqueue()
    assert run_tasks() == ["SUCCESSFUL", "SUCCESSFUL"]
    [message] = mail.outbox
    assert message.to == [people["ansatt"].email]
    assert overdue.title in message.subject
    assert recipients.queue_overdue_reminders() == 0


def test_unsubscribe_tokens_are_signed_and_work_without_signing_in(client, people, measure):
    follow = following.follow_set(by=people["leder"], target=measure)
    token = unsubscribe_token(people["leder"], follow=follow)
    assert client.post(f"/avmeld/{token[:-2]}xx/").status_code == 400
    assert Follow.objects.filter(pk=follow.pk).exists()
    response = client.post(f"/avmeld/{token}/")
    assert response.status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert client.post(f"/avmeld/{token}/").status_code == 200  # twice does no harm


def test_follow_pages_save_and_change(client, people, measure):
    client.force_login(people["departement"])
    response = client.post(f"/tiltak/{measure.pk}/folg/", {"frequency": "straks"})
    assert response.status_code == 302
    follow = Follow.objects.get(user=people["departement"])
    assert follow.frequency == "straks"
    client.post(f"/mitt/varsler/{follow.pk}/", {"frequency": "ukentlig"})
    follow.refresh_from_db()
    assert follow.frequency == "ukentlig"
    response = client.post("/mitt/varsler/fylke/", {"fylke-county": "99", "fylke-frequency": "x"})
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    client.post("/mitt/varsler/fylke/", {"fylke-county": "46", "fylke-frequency": "ukentlig"})
    page = client.get("/mitt/").content.decode()
    assert measure.title in page and "Vestland" in page
    client.post(f"/mitt/varsler/{follow.pk}/slutt/")
    assert Follow.objects.filter(user=people["departement"]).count() == 1
    client.post("/mitt/varsler/innstillinger/", {"overdue_reminders": "on"})
    preferences = following.preferences_of(people["departement"])
    assert preferences.overdue_reminders and not preferences.comments_on_own


def test_the_scheduler_enqueues_each_due_run_once():
    oslo = timezone.get_default_timezone()
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=oslo)
    assert scheduler.enqueue_due(monday_8) == []  # first sight: wait for the next due time
    assert ScheduledRun.objects.count() == len(settings.SCHEDULED_TASKS)
    assert scheduler.enqueue_due(monday_8 + timedelta(minutes=10)) == []
    due = scheduler.enqueue_due(monday_8 + timedelta(minutes=16))
    assert due == ["retry-notifications"]
    tuesday = scheduler.enqueue_due(monday_8 + timedelta(hours=23))
    assert set(tuesday) == {
        "overdue-reminders",
        "retry-notifications",
        "purge-expired",
        "trial-deadline-reminders",
        "search-reindex",
        "search-vocabulary",
        "translate-texts",
    }
    next_monday = scheduler.enqueue_due(monday_8 + timedelta(days=7))
    assert "weekly-digest" in next_monday
    assert scheduler.enqueue_due(monday_8 + timedelta(days=7)) == []
    names = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert "initiatives.tasks.weekly_digest" in names


def test_jobs_know_when_they_were_last_due():
    oslo = timezone.get_default_timezone()
    wednesday = datetime(2026, 11, 25, 9, 40, tzinfo=oslo)
    weekly = scheduler.Job("w", "x", weekday=0, hour=7)
    assert weekly.last_due(wednesday) == datetime(2026, 11, 23, 7, 0, tzinfo=oslo)
    daily = scheduler.Job("d", "x", hour=10)
    assert daily.last_due(wednesday) == datetime(2026, 11, 24, 10, 0, tzinfo=oslo)
    every = scheduler.Job("e", "x", minutes=15)
    assert every.last_due(wednesday) == datetime(2026, 11, 25, 9, 30, tzinfo=oslo)
