"""My data (/konto/mine-data/): the export holds everything tied to the user and nothing of
anyone else's; deleting an account keeps what belongs to others and forgets the person."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone, translation

from initiatives.models import (
    Attachment,
    Comment,
    CommentFlag,
    Follow,
    FollowUp,
    Initiative,
    InitiativeChange,
    MailPreferences,
    ModerationAction,
    Notification,
    YearbookPick,
)
from initiatives.services.comments import comment_create, comment_flag, comment_hide
from initiatives.services.following import follow_set, preferences_save
from initiatives.services.history import record_change, snapshot
from reporting.models import ImportBatch
from tillit.accounts.models import Invitation, JoinRequest, Membership, Role, User
from tillit.accounts.privacy.registry import NOT_EXPORTED, sections
from tillit.core.audit import audit_record
from tillit.core.models import AuditEvent
from tillit.policy import forget_cached_roles

from ..factories import PASSWORD, ExperienceReportFactory, InitiativeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def made_up_action_codes(settings):
    """These tests tell events apart by made-up action codes (test.*), which have no label."""
    settings.AUDIT_REQUIRE_LABELS = False


def _user_relations() -> set[str]:
    """Every forward relation to the user model in every installed model, auto-created
    (many-to-many) tables included: ``app_label.Model.field``."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is user_model
    }


def test_every_relation_to_the_user_is_exported_or_explained():
    relations = _user_relations()
    covered = {name for item in sections() for name in item.covers}
    assert "initiatives.Comment.author" in relations  # the scan finds the relations at all
    missing = relations - covered - set(NOT_EXPORTED)
    assert not missing, f"relations to the user that the export forgets: {sorted(missing)}"
    stale = (covered | set(NOT_EXPORTED)) - relations
    assert not stale, f"the export names relations that do not exist: {sorted(stale)}"


def test_the_export_lists_the_platform_s_sections_around_the_apps_sections():
    # the apps register theirs in ready(); the trails and optional apps come last
    assert [item.key for item in sections()] == [
        "profile",
        "memberships",
        "join_requests",
        "invitations",
        "measures",
        "experience_reports",
        "translations",
        "attachments",
        "comments",
        "comment_reports",
        "moderation",
        "follows",
        "mail_preferences",
        "notifications",
        "yearbook_picks",
        "followup_answers",
        "trial_applications",
        "imports",
        "admin_log",
        "audit_trail",
        "two_factor",
        "sessions",
        "single_sign_on",
    ]


@pytest.fixture
def everything(people, bergen, operator):
    """The ``ansatt`` user with one of each kind of data, and another user with their own."""
    user = people["ansatt"]
    other = people["tillitsvalgt"]
    leader = people["leder"]
    editor = people["redaktor"]
    Membership.objects.filter(user=user).update(roles=[Role.ANSATT, Role.LEDER])
    EmailAddress.objects.create(user=user, email="gammel.adresse@example.no", verified=False)
    measure = InitiativeFactory(
        organisation=bergen,
        created_by=user,
        title="Tillit i barnehagen",
        workflow_status="publisert",
        published_at=timezone.now(),
        union_assessed_by=user,
    )
    before = snapshot(measure)
    measure.summary = "Ny oppsummering skrevet av den ansatte."
    measure.save()
    record_change(initiative=measure, by=user, action="edited", before=before)
    others_measure = InitiativeFactory(
        organisation=bergen, created_by=other, workflow_status="publisert", title="Annens tiltak"
    )
    report = ExperienceReportFactory(initiative=measure, created_by=user, title="Vår erfaring")
    comment = comment_create(target=measure, by=user, body="Min kommentar om barnehagen.")
    others_comment = comment_create(target=measure, by=other, body="Den andres hemmelighet.")
    comment_flag(comment=others_comment, by=user, reason="spam", note="Reklame, tror jeg")
    Membership.objects.create(user=user, organisation=operator, roles=[Role.ANSATT])
    forget_cached_roles(user)
    comment_hide(comment=others_comment, by=user, reason="Hører ikke hjemme her")
    follow_set(by=user, target=others_measure)
    preferences_save(by=user, comments_on_own=False, overdue_reminders=True)
    Notification.objects.create(
        recipient=user, event="svar", initiative=measure, comment=comment, immediate=True
    )
    YearbookPick.objects.create(year=2025, initiative=measure, picked_by=user)
    FollowUp.objects.create(
        initiative=measure,
        round=6,
        ended_on=timezone.localdate(),
        due_on=timezone.localdate(),
        answer="stanset",
        reason="Ingen tid igjen",
        answered_at=timezone.now(),
        answered_by=user,
    )
    ImportBatch.objects.create(organisation=bergen, created_by=user, file_name="mine-tiltak.csv")
    Authenticator.objects.create(user=user, type=Authenticator.Type.RECOVERY_CODES, data={})
    UserSession.objects.create(
        user=user, ip="192.0.2.7", session_key="s" * 32, user_agent="Firefox", data={}
    )
    SocialAccount.objects.create(user=user, provider="idporten", uid="sub-123", extra_data={})
    Attachment.objects.create(
        initiative=measure,
        file=ContentFile(b"%PDF-1.4 test", name="plan.pdf"),
        original_name="plan.pdf",
        content_type="application/pdf",
        size=13,
        uploaded_by=user,
    )
    JoinRequest.objects.create(
        user=user, organisation=operator, roles=[Role.ANSATT], message="Slipp meg inn"
    )
    applicant = UserFactory(name="Søker Søkersen")
    JoinRequest.objects.create(
        user=applicant,
        organisation=bergen,
        roles=[Role.ANSATT],
        status="approved",
        decided_by=user,
        decided_at=timezone.now(),
    )
    Invitation.objects.create(
        organisation=bergen, email="venn@example.no", roles=[Role.ANSATT], invited_by=user
    )
    Invitation.objects.create(
        organisation=bergen,
        email=user.email.upper(),
        roles=[Role.ANSATT],
        invited_by=leader,
        accepted_at=timezone.now(),
    )
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[bergen],
        action_flag=ADDITION,
        change_message="Lagt til",
    )
    audit_record(actor=user, action="test.done_by_me", obj=measure)
    audit_record(actor=other, action="test.done_by_other", obj=measure)
    audit_record(actor=editor, action="test.done_by_editor", obj=measure)
    return {
        "user": user,
        "other": other,
        "measure": measure,
        "report": report,
        "comment": comment,
        "others_comment": others_comment,
        "applicant": applicant,
    }


def test_the_export_has_every_kind_of_data_and_nothing_of_others(client, everything):
    user, other = everything["user"], everything["other"]
    client.force_login(user)
    response = client.get("/konto/mine-data/eksport.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="tillitsportalen-')
    text = response.content.decode()
    data = json.loads(text)

    assert data["profile"]["email"] == user.email
    assert {a["email"] for a in data["profile"]["email_addresses"]} == {
        user.email,
        "gammel.adresse@example.no",
    }
    assert {m["organisation_id"] for m in data["memberships"]} == set(
        user.memberships.values_list("organisation_id", flat=True)
    )
    assert len(data["memberships"]) == 2
    assert data["join_requests"]["made"][0]["message"] == "Slipp meg inn"
    assert len(data["join_requests"]["decided"]) == 1
    assert len(data["invitations"]["sent"]) == 1
    assert data["invitations"]["received"][0]["accepted_at"]
    measure = everything["measure"]
    assert [m["title"] for m in data["measures"]["registered"]] == [measure.title]
    assert [m["id"] for m in data["measures"]["assessed_as_union_representative"]] == [measure.pk]
    assert data["measures"]["changes"][0]["fields"]["summary"][1].startswith("Ny oppsummering")
    assert data["experience_reports"][0]["title"] == "Vår erfaring"
    assert data["attachments"][0]["original_name"] == "plan.pdf"
    assert data["comments"][0]["body"] == "Min kommentar om barnehagen."
    assert data["comment_reports"][0]["note"] == "Reklame, tror jeg"
    assert data["moderation"][0]["reason"] == "Hører ikke hjemme her"
    assert len(data["follows"]) == 1
    assert data["mail_preferences"] == {"comments_on_own": False, "overdue_reminders": True}
    assert data["notifications"][0]["event"] == "svar"
    assert data["yearbook_picks"][0]["year"] == 2025
    assert data["followup_answers"][0]["reason"] == "Ingen tid igjen"
    assert data["imports"][0]["file_name"] == "mine-tiltak.csv"
    assert data["admin_log"][0]["change_message"] == "Lagt til"
    actions = {event["action"] for event in data["audit_trail"]}
    assert "test.done_by_me" in actions and "comment.hidden" in actions
    assert "test.done_by_other" not in actions
    # every section is present and non-empty: a new section must get data in the fixture
    for item in sections():
        assert data[item.key], f"the fixture has no {item.key}"

    # nothing of anyone else
    for foreign in (
        other.email,
        other.name,
        everything["applicant"].name,
        everything["applicant"].email,
        "venn@example.no",
        "Den andres hemmelighet",
        "Annens tiltak",
        "test.done_by_editor",
    ):
        assert foreign not in text, foreign
    assert "password" not in text.replace('"has_password"', "")


def test_anonymous_users_are_sent_to_sign_in(client):
    for path in ("/konto/mine-data/", "/konto/mine-data/eksport.json", "/konto/mine-data/slett/"):
        response = client.get(path)
        assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_the_page_counts_what_is_held(client, everything):
    client.force_login(everything["user"])
    response = client.get("/konto/mine-data/")
    with translation.override("en"):
        counts = {str(label): count for label, count in response.context["summary"]}
    assert counts["Measures you registered, changed or assessed"] == 3
    assert counts["Requests to join"] == 2 and counts["Comments"] == 1
    page = response.content.decode()
    assert "/konto/mine-data/eksport.json" in page
    assert "/konto/mine-data/slett/" in page


def _second_client(user):
    from django.test import Client

    other = Client()
    assert other.post("/konto/login/", {"login": user.email, "password": PASSWORD}).status_code
    assert other.get("/mitt/").status_code == 200
    return other


def test_deleting_the_account_keeps_what_others_need_and_forgets_the_person(
    client, everything, people
):
    user, measure = everything["user"], everything["measure"]
    user_id, name = user.pk, user.display_name
    laptop = _second_client(user)
    audit_record(actor=user, action="test.with_ip", obj=user)
    client.force_login(user)

    response = client.post("/konto/mine-data/slett/", {"password": PASSWORD})

    assert response.status_code == 302 and response["Location"] == "/"
    assert not User.objects.filter(pk=user_id).exists()
    # comments stay, attributed to a deleted user, on the measure's page
    comment = Comment.objects.get(pk=everything["comment"].pk)
    assert comment.author_id is None
    reader = people["leder"]
    client.force_login(reader)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Min kommentar om barnehagen." in page
    article = page.split(f'id="kommentar-{comment.pk}"', 1)[1].split("</article>", 1)[0]
    assert f'<strong id="kommentar-{comment.pk}-author">slettet bruker</strong>' in article
    assert name not in article
    # measures stay with the organisation, without their creator
    measure.refresh_from_db()
    assert measure.created_by_id is None and measure.organisation.name == "Bergen kommune"
    assert Initiative.objects.filter(pk=measure.pk).exists()
    everything["report"].refresh_from_db()
    assert everything["report"].created_by_id is None
    # the person's own things are gone
    assert not Membership.objects.filter(user_id=user_id).exists()
    assert not Follow.objects.filter(user_id=user_id).exists()
    assert not Notification.objects.filter(recipient_id=user_id).exists()
    assert not MailPreferences.objects.filter(user_id=user_id).exists()
    assert not CommentFlag.objects.filter(reporter_id=user_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    assert not Invitation.objects.filter(email__iexact=user.email).exists()
    # the trail keeps the name, not the id (nor the address)
    assert not AuditEvent.objects.filter(actor_id=user_id).exists()
    assert not InitiativeChange.objects.filter(actor_id=user_id).exists()
    mine = AuditEvent.objects.filter(actor_name=name)
    assert mine.filter(action="test.done_by_me").exists()
    assert not mine.exclude(ip_address=None).exists()
    assert not AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user_id))
    assert InitiativeChange.objects.filter(actor_name=name, initiative=measure).exists()
    assert ModerationAction.objects.get().moderator_name == name
    deleted = AuditEvent.objects.get(action="account.deleted")
    assert deleted.actor_id is None and deleted.actor_name == name
    assert deleted.ip_address is None and deleted.object_id == ""
    assert deleted.details == {"comments": 1, "measures": 1}
    # signed out everywhere
    assert laptop.get("/mitt/").status_code == 302
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_id)
    ]
    # other people's data is untouched
    assert Comment.objects.get(pk=everything["others_comment"].pk).author == everything["other"]


def test_a_wrong_password_deletes_nothing(client, everything):
    user = everything["user"]
    client.force_login(user)
    response = client.post("/konto/mine-data/slett/", {"password": "feil-passord"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "ds-error-summary" in page
    assert "The password is not correct. Nothing was deleted." in page or "ikke riktig" in page
    assert User.objects.filter(pk=user.pk).exists()
    assert Membership.objects.filter(user=user).count() == 2
    assert not AuditEvent.objects.filter(action="account.deleted").exists()
    assert client.get("/mitt/").status_code == 200


def test_an_account_without_a_password_confirms_with_its_address(client, people):
    user = people["ansatt"]
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    assert client.post("/konto/mine-data/slett/", {"password": PASSWORD}).status_code == 200
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/konto/mine-data/slett/", {"password": user.email.upper()})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()


def test_the_last_editor_cannot_delete_their_account(client, people):
    editor = people["redaktor"]
    client.force_login(editor)
    page = client.get("/konto/mine-data/slett/").content.decode()
    assert "last editor" in page or "siste redaktør" in page
    response = client.post("/konto/mine-data/slett/", {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(pk=editor.pk).exists()


def test_an_editor_may_go_when_another_remains(client, people, operator):
    Membership.objects.create(user=people["outsider"], organisation=operator, roles=[Role.ANSATT])
    client.force_login(people["redaktor"])
    response = client.post("/konto/mine-data/slett/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=people["redaktor"].pk).exists()


def test_an_organisations_last_leader_may_delete_their_account(client, people, bergen):
    client.force_login(people["leder"])
    assert client.post("/konto/mine-data/slett/", {"password": PASSWORD}).status_code == 302
    assert not Membership.objects.filter(organisation=bergen, roles__contains=[Role.LEDER])


def test_ordinary_changes_to_the_audit_trail_are_still_refused(people):
    event = audit_record(actor=people["ansatt"], action="test.event")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(actor_id=None)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.actor_id == people["ansatt"].pk


def test_maintenance_only_forgets_and_ends_with_its_block(people):
    from tillit.core.audit import audit_maintenance

    event = audit_record(actor=people["ansatt"], action="test.event")
    with (
        pytest.raises(DatabaseError, match="append-only"),
        audit_maintenance(),
    ):
        AuditEvent.objects.filter(pk=event.pk).update(actor_name="Forfalsket")
    with audit_maintenance():
        AuditEvent.objects.filter(pk=event.pk).update(actor_id=None)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.refresh_from_db()
    assert event.actor_id is None and event.actor_name == people["ansatt"].display_name
