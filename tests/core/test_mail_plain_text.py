"""Every e-mail's subject and body are plain text: quotes, apostrophes, ampersands and angle
brackets in titles and names reach the reader as typed, never as HTML entities."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from initiatives import services
from initiatives.models import Frequency
from initiatives.notifications.delivery import send_weekly_digests
from initiatives.services import comments, following
from initiatives.tasks import overdue_reminders
from tillit.accounts import services as account_services
from tillit.accounts.models import Organisation, Role

from ..factories import ExperienceReportFactory, InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = "«Ord» \"sitat\" & 'apostrof' <b>fet</b>"
ENTITIES = ["&quot;", "&#x27;", "&#39;", "&amp;", "&lt;", "&gt;"]
TEMPLATES = {
    "accounts/email/invitation",
    "accounts/email/join_request_created",
    "accounts/email/join_request_decided",
    "accounts/email/leader_appointed",
    "initiatives/email/submitted",
    "initiatives/email/published",
    "initiatives/email/returned",
    "initiatives/email/unpublished",
    "initiatives/email/edited",
    "initiatives/email/notify_tiltak_publisert",
    "initiatives/email/notify_erfaring_publisert",
    "initiatives/email/notify_kommentar_eget",
    "initiatives/email/notify_kommentar_fulgt",
    "initiatives/email/notify_svar",
    "initiatives/email/notify_forfalt",
    "initiatives/email/digest",
    "initiatives/email/built_upon",
    "initiatives/email/followup",
    "trials/email/moved",
    "trials/email/assessed",
    "trials/email/reminder",
}


def test_the_list_below_covers_every_e_mail_template():
    root = Path(settings.BASE_DIR) / "templates"
    found = {
        str(path.relative_to(root)).removesuffix("_subject.txt")
        for path in root.glob("*/email/*_subject.txt")
    }
    assert found == TEMPLATES


def _assert_plain(messages, *, in_subject=True):
    assert messages
    for message in messages:
        for part in (message.subject, message.body):
            assert not [entity for entity in ENTITIES if entity in part], part
        assert HOSTILE in (message.subject if in_subject else message.body), message.subject


@pytest.fixture
def hostile_bergen(bergen):
    bergen.name = f"Bergen {HOSTILE}"
    bergen.save(update_fields=["name"])
    return bergen


def test_membership_e_mails_are_plain_text(
    people, hostile_bergen, django_capture_on_commit_callbacks
):
    applicant = UserFactory(name=f"Kari {HOSTILE}")
    with django_capture_on_commit_callbacks(execute=True):
        account_services.invitation_create(
            organisation=hostile_bergen,
            email="ny@example.no",
            roles=[Role.ANSATT],
            union_name="",
            by=people["leder"],
        )
    _assert_plain(mail.outbox)  # invitation
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        request = account_services.join_request_create(
            user=applicant, organisation=hostile_bergen, roles=[Role.ANSATT], message=HOSTILE
        )
    _assert_plain(mail.outbox)  # join_request_created
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.join_request_decide(join_request=request, by=people["leder"], approve=True)
    _assert_plain(mail.outbox)  # join_request_decided
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.leader_appoint(
            organisation=hostile_bergen, email=applicant.email, by=people["redaktor"]
        )
    _assert_plain(mail.outbox)  # leader_appointed


def test_workflow_e_mails_are_plain_text(people, bergen, django_capture_on_commit_callbacks):
    initiative = InitiativeFactory(
        organisation=bergen, created_by=people["ansatt"], title=f"Tiltak {HOSTILE}"
    )
    steps = [
        lambda: services.initiative_submit(initiative=initiative, by=people["ansatt"]),
        lambda: services.initiative_return(initiative=initiative, by=people["leder"], note=HOSTILE),
        lambda: services.initiative_submit(initiative=initiative, by=people["ansatt"]),
        lambda: services.initiative_publish(initiative=initiative, by=people["leder"]),
        lambda: services.initiative_update(
            initiative=initiative,
            by=people["ansatt"],
            data=_input(initiative),
            expected_version=initiative.version,
        ),
        lambda: services.initiative_unpublish(
            initiative=initiative, by=people["redaktor"], reason=HOSTILE
        ),
    ]
    for step in steps:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            step()
        initiative.refresh_from_db()
        _assert_plain(mail.outbox)


def test_the_built_upon_e_mail_is_plain_text(people, bergen, django_capture_on_commit_callbacks):
    trondheim = Organisation.objects.get(municipality_id="5001")
    trondheim.name = f"Trondheim {HOSTILE}"
    trondheim.save(update_fields=["name"])
    source = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title=f"Tiltak {HOSTILE}"
    )
    adopted = InitiativeFactory(
        organisation=trondheim, workflow_status="publisert", title=f"Prøvd {HOSTILE}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.relation_create(
            initiative=adopted, other=source, kind="bygger_pa", by=people["leder_annen"]
        )
    assert [m.to for m in mail.outbox] == [[people["leder"].email]]
    _assert_plain(mail.outbox)
    assert f"Trondheim {HOSTILE}" in mail.outbox[0].body


def _input(initiative):
    from initiatives.services.records import InitiativeInput

    return InitiativeInput(
        values={"title": initiative.title, "summary": f"Nytt sammendrag {HOSTILE}"},
        focus_areas=list(initiative.focus_areas.all()),
    )


def test_notification_e_mails_and_the_digest_are_plain_text(people, bergen, run_tasks):
    title = f"Tiltak {HOSTILE}"
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="til_godkjenning",
        created_by=people["ansatt"],
        title=title,
        areas=["faglig-frihet"],
    )
    area = measure.focus_areas.get()
    watcher = UserFactory()
    following.follow_set(by=watcher, target=area, frequency=Frequency.IMMEDIATE)
    services.initiative_publish(initiative=measure, by=people["leder"])
    measure.refresh_from_db()
    run_tasks()
    _assert_plain([m for m in mail.outbox if watcher.email in m.to])  # notify_tiltak_publisert

    mail.outbox.clear()
    report = ExperienceReportFactory(
        initiative=measure, workflow_status="til_godkjenning", title=f"Rapport {HOSTILE}"
    )
    services.experience_publish(report=report, by=people["leder"])
    run_tasks()
    _assert_plain([m for m in mail.outbox if watcher.email in m.to])  # notify_erfaring_publisert

    following.follow_set(by=people["leder"], target=measure, frequency=Frequency.IMMEDIATE)
    following.follow_set(by=people["departement"], target=measure, frequency=Frequency.WEEKLY)
    mail.outbox.clear()
    root = comments.comment_create(target=measure, by=people["tillitsvalgt"], body=HOSTILE)
    run_tasks()
    _assert_plain([m for m in mail.outbox if people["ansatt"].email in m.to])  # kommentar_eget
    _assert_plain([m for m in mail.outbox if people["leder"].email in m.to])  # kommentar_fulgt
    assert all(HOSTILE in m.body for m in mail.outbox)

    mail.outbox.clear()
    comments.comment_create(parent=root, by=people["ansatt"], body="Svar")
    run_tasks()
    _assert_plain([m for m in mail.outbox if people["tillitsvalgt"].email in m.to])  # notify_svar

    mail.outbox.clear()
    assert send_weekly_digests() == 1
    _assert_plain(mail.outbox, in_subject=False)  # digest: the titles are in the body

    mail.outbox.clear()
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        lifecycle_status="pagar",
        start_date=date(2024, 1, 1),
        end_date=timezone.localdate() - timedelta(days=1),
        created_by=people["ansatt"],
        title=f"Forfalt {HOSTILE}",
    )
    overdue_reminders.enqueue()
    run_tasks()
    _assert_plain(mail.outbox)  # notify_forfalt


def test_the_follow_up_e_mail_is_plain_text(people, bergen):
    from initiatives.followup.asking import ask_due

    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title=f"Tiltak {HOSTILE}",
        start_date=date(2024, 1, 1),
        end_date=timezone.localdate() - timedelta(days=200),
    )
    assert ask_due() == 1
    assert [m.to for m in mail.outbox] == [[people["leder"].email]]
    _assert_plain(mail.outbox)
    assert f"Tiltak {HOSTILE}" in mail.outbox[0].body
