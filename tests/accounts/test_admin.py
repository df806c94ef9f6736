"""The Django admin changes no membership or role behind the audit trail: memberships are
read-only there, with links to the portal's pages, and admin access changes are audited."""

import pytest

from tillit.accounts.models import Membership, Organisation, Role
from tillit.core.models import AuditEvent

from ..factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, people):
    editor = people["redaktor"]
    editor.is_staff = editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    return client


def _change_form(user, membership, **changes) -> dict:
    """The user's change form as the admin posts it, with a membership row in the inline."""
    data = {
        "email": user.email,
        "name": user.name,
        "is_active": "on",
        "date_joined_0": "2026-01-05",
        "date_joined_1": "10:00:00",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "1",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-id": str(membership.pk),
        "memberships-0-user": str(user.pk),
        "memberships-0-organisation": str(membership.organisation_id),
        "memberships-0-roles": ",".join(membership.roles),
        "memberships-0-union_name": membership.union_name,
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_memberships_are_read_only_in_the_admin_with_a_link_to_the_portal(
    admin_client, people, bergen
):
    ansatt = people["ansatt"]
    membership = Membership.objects.get(user=ansatt, organisation=bergen)
    url = f"/admin/accounts/user/{ansatt.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert 'name="memberships-0-roles"' not in page
    assert f'href="/organisasjoner/{bergen.pk}/medlemmer/{membership.pk}/"' in page

    # A forged post of the inline gives no one a role.
    response = admin_client.post(
        url, _change_form(ansatt, membership, **{"memberships-0-roles": "ansatt,leder"})
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.roles == [Role.ANSATT]
    assert not AuditEvent.objects.filter(action__startswith="membership.").exists()

    organisation_page = admin_client.get(f"/admin/accounts/organisation/{bergen.pk}/change/")
    assert f'href="/organisasjoner/{bergen.pk}/medlemmer/"' in organisation_page.content.decode()


def test_admin_access_given_in_the_admin_is_in_the_audit_trail(admin_client, people, bergen):
    ansatt = people["ansatt"]
    membership = Membership.objects.get(user=ansatt, organisation=bergen)
    response = admin_client.post(
        f"/admin/accounts/user/{ansatt.pk}/change/",
        _change_form(ansatt, membership, is_staff="on", is_superuser="on"),
        REMOTE_ADDR="192.0.2.4",
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="user.access_changed")
    assert event.actor_id == people["redaktor"].pk and event.object_id == str(ansatt.pk)
    assert event.details["fields"] == {"is_staff": [False, True], "is_superuser": [False, True]}
    assert event.ip_address == "192.0.2.4"


def test_accounts_are_not_deleted_in_the_admin_which_points_to_the_portals_way(
    admin_client, people, bergen
):
    """Deleting a user here would drop their memberships with no audit entry."""
    ansatt = people["ansatt"]
    url = f"/admin/accounts/user/{ansatt.pk}/"
    page = admin_client.get(url + "change/").content.decode()
    assert 'href="/konto/mine-data/slett/"' in page
    assert url + "delete/" not in page
    assert admin_client.post(url + "delete/", {"post": "yes"}).status_code == 403
    admin_client.post(
        "/admin/accounts/user/", {"action": "delete_selected", "_selected_action": [ansatt.pk]}
    )
    admin_client.post(
        "/admin/accounts/user/",
        {"action": "delete_selected", "_selected_action": [ansatt.pk], "post": "yes"},
    )
    assert Membership.objects.filter(user=ansatt, organisation=bergen).exists()


def test_an_organisation_with_members_is_not_deleted_in_the_admin(admin_client, people, bergen):
    members = Membership.objects.filter(organisation=bergen).count()
    url = f"/admin/accounts/organisation/{bergen.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    admin_client.post(
        "/admin/accounts/organisation/",
        {"action": "delete_selected", "_selected_action": [bergen.pk], "post": "yes"},
    )
    assert Membership.objects.filter(organisation=bergen).count() == members > 0
    # One without members goes as before.
    empty = OrganisationFactory()
    response = admin_client.post(
        f"/admin/accounts/organisation/{empty.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=empty.pk).exists()


def test_groups_and_permissions_cannot_be_given_in_the_admin(admin_client, people, bergen):
    """Roles live in memberships; the user form has no groups or permissions to change
    behind the audit trail, even when posted."""
    from django.contrib.auth.models import Group, Permission

    ansatt = people["ansatt"]
    membership = Membership.objects.get(user=ansatt, organisation=bergen)
    group = Group.objects.create(name="Forfalsket")
    permission = Permission.objects.get(codename="delete_user")
    response = admin_client.post(
        f"/admin/accounts/user/{ansatt.pk}/change/",
        _change_form(ansatt, membership, groups=str(group.pk), user_permissions=str(permission.pk)),
    )
    assert response.status_code == 302
    assert not ansatt.groups.exists() and not ansatt.user_permissions.exists()
