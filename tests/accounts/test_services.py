import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from tillit.accounts import services
from tillit.accounts.models import Invitation, JoinRequest, Membership, Role
from tillit.core.models import AuditEvent

from ..factories import JoinRequestFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_join_request_approved_by_leader_creates_membership_and_audit(
    people, bergen, django_capture_on_commit_callbacks
):
    applicant = people["outsider"]
    with django_capture_on_commit_callbacks(execute=True):
        request = services.join_request_create(
            user=applicant, organisation=bergen, roles=[Role.ANSATT], message="Hjemmetjenesten"
        )
    assert [m.to for m in mail.outbox] == [[people["leder"].email]]

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decide(join_request=request, by=people["leder"], approve=True)

    membership = Membership.objects.get(user=applicant, organisation=bergen)
    assert membership.roles == [Role.ANSATT]
    assert mail.outbox[-1].to == [applicant.email]
    actions = list(
        AuditEvent.objects.filter(organisation_id=bergen.pk).values_list("action", flat=True)
    )
    assert {"join_request.created", "join_request.approved", "membership.created"} <= set(actions)
    approved = AuditEvent.objects.get(action="join_request.approved")
    assert approved.actor_id == people["leder"].pk
    assert approved.actor_name == people["leder"].display_name


def test_declined_request_creates_no_membership(people, bergen):
    request = JoinRequestFactory(user=people["outsider"], organisation=bergen)
    services.join_request_decide(
        join_request=request, by=people["leder"], approve=False, note="Nei"
    )
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.DECLINED
    assert not Membership.objects.filter(user=people["outsider"], organisation=bergen).exists()


@pytest.mark.parametrize("decider", ["ansatt", "tillitsvalgt", "leder_annen", "outsider"])
def test_only_leaders_of_that_organisation_or_editors_decide(people, bergen, decider):
    request = JoinRequestFactory(user=UserFactory(), organisation=bergen)
    with pytest.raises(PermissionDenied):
        services.join_request_decide(join_request=request, by=people[decider], approve=True)
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING


def test_editor_may_decide_anywhere(people, bergen):
    request = JoinRequestFactory(user=UserFactory(), organisation=bergen)
    services.join_request_decide(join_request=request, by=people["redaktor"], approve=True)
    assert Membership.objects.filter(user=request.user, organisation=bergen).exists()


def test_member_cannot_ask_to_join_again(people, bergen):
    with pytest.raises(PermissionDenied):
        services.join_request_create(user=people["ansatt"], organisation=bergen, roles=["ansatt"])


def test_union_rep_must_name_the_union(people, bergen):
    with pytest.raises(ValidationError) as error:
        services.join_request_create(
            user=people["outsider"], organisation=bergen, roles=[Role.TILLITSVALGT]
        )
    assert "union_name" in error.value.message_dict
    assert not JoinRequest.objects.exists()


def test_ministry_role_only_in_a_ministry(people, bergen):
    with pytest.raises(ValidationError):
        services.join_request_create(
            user=people["outsider"], organisation=bergen, roles=[Role.DEPARTEMENT]
        )


def test_leader_changes_roles_and_it_is_audited(people, bergen):
    membership = Membership.objects.get(user=people["ansatt"], organisation=bergen)
    services.membership_change(
        membership=membership,
        roles=[Role.ANSATT, Role.TILLITSVALGT],
        union_name="Delta",
        by=people["leder"],
    )
    membership.refresh_from_db()
    assert membership.roles == [Role.ANSATT, Role.TILLITSVALGT]
    event = AuditEvent.objects.get(action="membership.roles_changed")
    assert event.details["old_roles"] == ["ansatt"]
    assert event.details["new_roles"] == ["ansatt", "tillitsvalgt"]


def test_last_leader_cannot_step_down_or_be_removed(people, bergen):
    membership = Membership.objects.get(user=people["leder"], organisation=bergen)
    with pytest.raises(ValidationError):
        services.membership_change(
            membership=membership, roles=[Role.ANSATT], union_name="", by=people["leder"]
        )
    with pytest.raises(ValidationError):
        services.membership_remove(membership=membership, by=people["redaktor"])
    membership.refresh_from_db()
    assert membership.roles == [Role.LEDER]


def test_leader_removes_a_member(people, bergen):
    membership = Membership.objects.get(user=people["ansatt"], organisation=bergen)
    services.membership_remove(membership=membership, by=people["leder"])
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.filter(action="membership.removed").count() == 1


def test_invitation_is_mailed_and_accepted_with_the_invited_address(
    people, bergen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            organisation=bergen,
            email="Ny.Ansatt@Bergen.kommune.no",
            roles=[Role.ANSATT],
            union_name="",
            by=people["leder"],
        )
    assert mail.outbox[0].to == ["ny.ansatt@bergen.kommune.no"]
    assert invitation.token in mail.outbox[0].body

    stranger = UserFactory(email="annen@example.no")
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation=invitation, user=stranger)

    invited = UserFactory(email="ny.ansatt@bergen.kommune.no")
    membership = services.invitation_accept(invitation=invitation, user=invited)
    assert membership.organisation == bergen
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation=invitation, user=invited)


def test_editor_appoints_first_leader_of_known_user_or_invites(people, bergen):
    trondheim_user = UserFactory(email="leder@trondheim.kommune.no")
    from tillit.accounts.models import Organisation

    organisation = Organisation.objects.get(municipality_id="1804")
    result = services.leader_appoint(
        organisation=organisation, email="LEDER@trondheim.kommune.no", by=people["redaktor"]
    )
    assert isinstance(result, Membership)
    assert result.user == trondheim_user and result.roles == [Role.LEDER]

    invited = services.leader_appoint(
        organisation=organisation, email="ny@bodo.kommune.no", by=people["redaktor"]
    )
    assert isinstance(invited, Invitation) and invited.roles == [Role.LEDER]

    with pytest.raises(PermissionDenied):
        services.leader_appoint(organisation=organisation, email="x@y.no", by=people["leder"])


def test_failing_mail_server_keeps_the_request(
    people, bergen, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(user=people["outsider"], organisation=bergen, roles=["ansatt"])
    assert JoinRequest.objects.filter(user=people["outsider"]).exists()
