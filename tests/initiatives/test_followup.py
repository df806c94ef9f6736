"""Follow-up after the end: the daily job that asks, the answering service and its rule."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from initiatives.followup.asking import ask_due
from initiatives.followup.ended import ended_on, months_after
from initiatives.models import FollowUp
from initiatives.services.followup import AlreadyAnswered, followup_answer
from tillit.accounts.models import Role
from tillit.core.models import AuditEvent
from tillit.policy import Action, can

from ..factories import InitiativeFactory, MembershipFactory
from .followup_world import due_question, ended_measure

pytestmark = pytest.mark.django_db


def test_months_after_keeps_the_day_or_takes_the_months_last():
    assert months_after(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert months_after(date(2026, 3, 15), 12) == date(2027, 3, 15)
    assert months_after(date(2026, 3, 15), -7) == date(2025, 8, 15)


def test_a_month_or_year_end_date_ends_with_its_period(bergen):
    measure = InitiativeFactory(
        organisation=bergen, end_date=date(2025, 3, 1), end_precision="month"
    )
    assert ended_on(measure, date(2026, 1, 1)) == date(2025, 3, 31)
    measure.end_precision = "year"
    assert ended_on(measure, date(2026, 1, 1)) == date(2025, 12, 31)


def test_the_job_asks_the_owners_leaders_once(people, bergen, mailoutbox):
    measure = ended_measure(bergen, months_ago=7)
    second_leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
    assert ask_due() == 1
    question = FollowUp.objects.get(initiative=measure)
    assert question.round == 6 and question.ended_on == measure.end_date
    assert question.sent_at is not None
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        [people["leder"].email, second_leader.email]
    )
    body = mailoutbox[0].body
    assert measure.title in mailoutbox[0].subject
    assert body.count("/oppfolging/") == 4  # one link per answer
    assert people["ansatt"].email not in [m.to[0] for m in mailoutbox]

    assert ask_due() == 0  # idempotent: nothing is sent twice
    assert len(mailoutbox) == 2
    assert FollowUp.objects.count() == 1


def test_the_twelve_month_round_follows_the_six_month_one(people, bergen, mailoutbox):
    measure = ended_measure(bergen, months_ago=7)
    ask_due()
    later = months_after(measure.end_date, 12)
    assert ask_due(later - timedelta(days=1)) == 0
    assert ask_due(later) == 1
    assert ask_due(later) == 0
    rounds = list(FollowUp.objects.filter(initiative=measure).values_list("round", "due_on"))
    assert rounds == [(6, months_after(measure.end_date, 6)), (12, later)]
    assert len(mailoutbox) == 2
    assert "12" in mailoutbox[1].body


def test_a_measure_that_ended_long_ago_is_asked_only_its_latest_round(people, bergen, mailoutbox):
    ended_measure(bergen, months_ago=19)  # too long ago to ask at all
    measure = ended_measure(bergen, months_ago=15)
    assert ask_due() == 1
    assert list(FollowUp.objects.filter(initiative=measure).values_list("round", flat=True)) == [12]
    assert len(mailoutbox) == 1


def test_only_ended_published_measures_are_asked(people, bergen, mailoutbox):
    ended_measure(bergen, workflow_status="utkast")
    ended_measure(bergen, workflow_status="til_godkjenning")
    ended_measure(bergen, lifecycle_status="avbrutt")  # discontinued: nothing to ask
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        end_date=timezone.localdate() + timedelta(days=30),
    )
    assert ask_due() == 0
    assert not FollowUp.objects.exists()
    assert mailoutbox == []


def test_completed_without_an_end_date_counts_from_the_day_first_seen(people, bergen, mailoutbox):
    measure = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", lifecycle_status="avsluttet"
    )
    today = timezone.localdate()
    assert ask_due(today) == 0
    question = FollowUp.objects.get(initiative=measure)
    assert (question.ended_on, question.due_on, question.sent_at) == (
        today,
        months_after(today, 6),
        None,
    )
    assert ask_due(today + timedelta(days=10)) == 0
    assert FollowUp.objects.get().ended_on == today  # recorded once, not moved on
    assert ask_due(months_after(today, 6)) == 1
    assert len(mailoutbox) == 1


def test_without_leaders_the_question_waits_for_one(bergen, mailoutbox):
    measure = ended_measure(bergen)
    assert ask_due() == 0
    assert FollowUp.objects.get(initiative=measure).sent_at is None
    MembershipFactory(organisation=bergen, roles=[Role.LEDER])
    assert ask_due() == 1
    assert len(mailoutbox) == 1


def test_a_leader_answers_once(people, bergen):
    question = due_question(bergen)
    answered = followup_answer(followup=question, answer="i_bruk", by=people["leder"])
    assert answered.answer == "i_bruk" and answered.answered_by == people["leder"]
    assert AuditEvent.objects.filter(action="initiative.followup_answered").count() == 1
    with pytest.raises(AlreadyAnswered):
        followup_answer(followup=question, answer="stanset", by=people["leder"])
    question.refresh_from_db()
    assert question.answer == "i_bruk"


def test_a_reason_is_kept_only_for_stopped(people, bergen):
    first, second = due_question(bergen), due_question(bergen)
    followup_answer(followup=first, answer="stanset", reason=" For dyrt ", by=people["leder"])
    followup_answer(followup=second, answer="permanent", reason="Hva", by=people["leder"])
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.reason, second.reason) == ("For dyrt", "")


@pytest.mark.parametrize("role", ["ansatt", "tillitsvalgt", "leder_annen", "departement"])
def test_only_leaders_of_the_owner_may_answer(people, bergen, role):
    question = due_question(bergen)
    assert not can(people[role], Action.FOLLOWUP_ANSWER, question)
    with pytest.raises(PermissionDenied):
        followup_answer(followup=question, answer="i_bruk", by=people[role])
    assert can(people["leder"], Action.FOLLOWUP_ANSWER, question)


def test_a_question_not_yet_due_or_of_an_unpublished_measure_is_not_answered(people, bergen):
    question = due_question(bergen)
    question.due_on = timezone.localdate() + timedelta(days=1)
    assert not can(people["leder"], Action.FOLLOWUP_ANSWER, question)
    other = due_question(bergen, workflow_status="arkivert")
    assert not can(people["leder"], Action.FOLLOWUP_ANSWER, other)


def test_an_unknown_answer_is_refused(people, bergen):
    from django.core.exceptions import ValidationError

    question = due_question(bergen)
    with pytest.raises(ValidationError):
        followup_answer(followup=question, answer="kanskje", by=people["leder"])
    question.refresh_from_db()
    assert not question.is_answered


def _answered(question, answer):
    question.answer, question.answered_at = answer, timezone.now()
    question.save()
    return question


def test_the_statistics_count_the_answers_per_round(client, people, bergen):
    _answered(due_question(bergen), "i_bruk")
    _answered(due_question(bergen), "stanset")
    due_question(bergen)  # asked, not answered
    due_question(bergen, sent=False)  # not asked yet: not counted
    _answered(due_question(bergen, workflow_status="arkivert"), "i_bruk")  # not published
    _answered(due_question(bergen, round_=12), "permanent")
    client.cookies["django_language"] = "en"
    response = client.get("/statistikk/")
    lasting = response.context["lasting"]
    assert [str(label) for label in lasting["rounds"]] == [
        "6 months after the end",
        "12 months after the end",
    ]
    assert {str(label): counts for label, counts in lasting["rows"]} == {
        "Measures asked": [3, 1],
        "still in use": [1, 0],
        "made permanent": [0, 1],
        "spread to other units or organisations": [0, 0],
        "stopped": [1, 0],
        "Not answered": [1, 0],
    }
    assert "count only the answers given" in response.content.decode()


def test_a_failing_mail_server_leaves_the_question_to_the_next_run(
    people, bergen, settings, mailoutbox
):
    measure = ended_measure(bergen)
    settings.EMAIL_BACKEND = "tests.initiatives.failing_mail.FailingBackend"
    assert ask_due() == 0
    assert FollowUp.objects.get(initiative=measure).sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert ask_due() == 1
    assert len(mailoutbox) == 1


def test_the_audit_trail_tells_a_linked_answer_from_the_work_page(people, bergen):
    by_link, on_page = due_question(bergen), due_question(bergen)
    followup_answer(followup=by_link, answer="i_bruk", by=people["leder"], nonce=by_link.nonce)
    followup_answer(followup=on_page, answer="i_bruk", by=people["leder"])
    events = AuditEvent.objects.filter(action="initiative.followup_answered").order_by("pk")
    assert [e.details["by_link"] for e in events] == [True, False]
    assert {e.actor_id for e in events} == {people["leder"].pk}
