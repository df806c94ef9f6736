"""Connections people enter between measures ("bygger på", same network or programme): the
services and their policy, the connections page, both measures' pages, and what leaks not."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives import services
from initiatives.models import InitiativeRelation, RelationKind, WorkflowStatus
from tillit.accounts.models import Organisation
from tillit.core.models import AuditEvent
from tillit.policy import Action, can

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db
BUILDS_ON, NETWORK = RelationKind.BYGGER_PA, RelationKind.SAMME_NETTVERK
PUBLISHED = WorkflowStatus.PUBLISERT


@pytest.fixture
def trondheim(db):
    return Organisation.objects.get(municipality_id="5001")


@pytest.fixture
def ours(bergen):
    return InitiativeFactory(organisation=bergen, workflow_status=PUBLISHED, title="Vår tillit")


@pytest.fixture
def theirs(trondheim):
    return InitiativeFactory(organisation=trondheim, workflow_status=PUBLISHED, title="Deres")


def test_editors_of_a_measure_connect_it_to_one_they_can_see(people, ours, theirs):
    relation = services.relation_create(
        initiative=ours, other=theirs, kind=NETWORK, network_name=" Runde 1 ", by=people["ansatt"]
    )
    assert (relation.kind, relation.network_name, relation.created_by) == (
        NETWORK,
        "Runde 1",
        people["ansatt"],
    )
    assert AuditEvent.objects.get(action="initiative.related").details == {
        "other": theirs.pk,
        "kind": NETWORK,
    }
    # a network is one pair whichever side names it
    with pytest.raises(ValidationError):
        services.relation_create(
            initiative=theirs, other=ours, kind=NETWORK, by=people["leder_annen"]
        )
    # builds-on keeps no network name
    built = services.relation_create(
        initiative=ours, other=theirs, kind=BUILDS_ON, network_name="x", by=people["leder"]
    )
    assert built.network_name == ""
    with pytest.raises(ValidationError):
        services.relation_create(initiative=ours, other=theirs, kind=BUILDS_ON, by=people["leder"])


def test_no_connection_to_itself_or_to_a_measure_out_of_sight(people, ours, trondheim):
    hidden = InitiativeFactory(organisation=trondheim)  # Trondheim's draft
    for other in (ours, hidden):
        with pytest.raises(ValidationError):
            services.relation_create(
                initiative=ours, other=other, kind=BUILDS_ON, by=people["ansatt"]
            )
    assert not InitiativeRelation.objects.exists()


@pytest.mark.parametrize(
    "role", ["tillitsvalgt", "departement", "leder_annen", "outsider", "redaktor"]
)
def test_only_those_who_may_edit_the_measure_connect_it(people, ours, theirs, role):
    with pytest.raises(PermissionDenied):
        services.relation_create(initiative=ours, other=theirs, kind=BUILDS_ON, by=people[role])


def test_either_side_removes_a_connection_others_do_not(people, ours, theirs):
    def connect():
        return services.relation_create(
            initiative=ours, other=theirs, kind=BUILDS_ON, by=people["ansatt"]
        )

    relation = connect()
    for role in ("tillitsvalgt", "outsider", "departement"):
        with pytest.raises(PermissionDenied):
            services.relation_delete(relation=relation, by=people[role])
    services.relation_delete(relation=relation, by=people["leder_annen"])  # the other side
    assert not InitiativeRelation.objects.exists()
    services.relation_delete(relation=connect(), by=people["ansatt"])
    assert AuditEvent.objects.filter(action="initiative.unrelated").count() == 2


def test_connecting_a_published_measure_tells_the_other_leaders_once(
    people, ours, theirs, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.relation_create(
            initiative=theirs, other=ours, kind=BUILDS_ON, by=people["leder_annen"]
        )
    assert [m.to for m in mailoutbox] == [[people["leder"].email]]
    with django_capture_on_commit_callbacks(execute=True):  # a network is no news to mail
        services.relation_create(
            initiative=theirs, other=ours, kind=NETWORK, by=people["leder_annen"]
        )
    assert len(mailoutbox) == 1


def test_the_connections_page_adds_and_removes(client, people, ours, theirs):
    client.force_login(people["ansatt"])
    url = f"/tiltak/{ours.pk}/sammenhenger/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"kind": BUILDS_ON, "other": "ikke et tiltak"})
    assert response.status_code == 200
    assert "ikke et tiltak" in response.content.decode()  # the typing is kept
    assert response.context["form"].errors["other"]

    address = f"https://tillit.example/tiltak/{theirs.pk}/deres/"
    response = client.post(url, {"kind": BUILDS_ON, "other": address})
    assert response.status_code == 302 and response.url == url
    relation = InitiativeRelation.objects.get()
    assert (relation.initiative, relation.other) == (ours, theirs)
    page = client.get(url).content.decode()
    assert theirs.title in page and f"{url}{relation.pk}/slett/" in page

    response = client.post(f"{url}{relation.pk}/slett/")
    assert response.status_code == 302 and not InitiativeRelation.objects.exists()


def test_the_connections_page_outside_scope_answers_404(client, people, ours, theirs):
    relation = InitiativeRelation.objects.create(initiative=theirs, other=ours, kind=BUILDS_ON)
    for role in ("outsider", "tillitsvalgt", "departement"):
        client.force_login(people[role])
        assert client.get(f"/tiltak/{ours.pk}/sammenhenger/").status_code == 404
        assert (
            client.post(f"/tiltak/{ours.pk}/sammenhenger/{relation.pk}/slett/").status_code == 404
        )
    assert InitiativeRelation.objects.exists()
    # a relation of another measure is not found under this one
    other = InitiativeFactory(organisation=ours.organisation)
    client.force_login(people["ansatt"])
    assert client.post(f"/tiltak/{other.pk}/sammenhenger/{relation.pk}/slett/").status_code == 404


def test_both_pages_show_the_connection_and_a_draft_never_leaks(
    client, people, ours, theirs, trondheim
):
    InitiativeRelation.objects.create(initiative=theirs, other=ours, kind=BUILDS_ON)
    InitiativeRelation.objects.create(
        initiative=ours, other=theirs, kind=NETWORK, network_name="Runde 1"
    )
    secret = InitiativeFactory(organisation=trondheim, title="Hemmelig utkast")
    InitiativeRelation.objects.create(initiative=secret, other=ours, kind=BUILDS_ON)

    ours_page = client.get(ours.get_absolute_url()).content.decode()
    assert "Prøvd videre av 1 tiltak" in ours_page and theirs.get_absolute_url() in ours_page
    assert "Runde 1" in ours_page and "Hemmelig utkast" not in ours_page
    theirs_page = client.get(theirs.get_absolute_url()).content.decode()
    assert "Bygger på" in theirs_page and ours.get_absolute_url() in theirs_page
    assert "Runde 1" in theirs_page

    client.force_login(people["ansatt"])  # Bergen sees no Trondheim draft either
    assert "Hemmelig utkast" not in client.get(ours.get_absolute_url()).content.decode()
    client.force_login(people["leder_annen"])  # Trondheim does
    page = client.get(ours.get_absolute_url()).content.decode()
    assert "Hemmelig utkast" in page and "Prøvd videre av 2 tiltak" in page


def test_the_measure_page_reads_connections_in_a_fixed_number_of_queries(
    client, people, ours, trondheim, django_assert_max_num_queries
):
    client.force_login(people["ansatt"])
    first = InitiativeFactory(organisation=trondheim, workflow_status=PUBLISHED)
    InitiativeRelation.objects.create(initiative=first, other=ours, kind=BUILDS_ON)
    client.get(ours.get_absolute_url())  # caches warmed
    with CaptureQueriesContext(connection) as one:
        client.get(ours.get_absolute_url())
    for index in range(6):
        other = InitiativeFactory(organisation=trondheim, workflow_status=PUBLISHED)
        kind = NETWORK if index % 2 else BUILDS_ON
        InitiativeRelation.objects.create(initiative=other, other=ours, kind=kind)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(ours.get_absolute_url())
    assert len(response.context["connections"].all()) == 7


@pytest.mark.parametrize(
    ("role", "adopt", "relate", "remove"),
    [
        ("anonymous", False, False, False),
        ("outsider", False, False, False),
        ("ansatt", False, True, True),
        ("leder", False, True, True),
        ("tillitsvalgt", False, False, False),
        ("departement", False, False, False),
        ("redaktor", True, False, False),  # writes for the portal's own organisation
        ("leder_annen", True, False, True),  # the other side of the connection
    ],
)
def test_the_policy_rules(people, ours, theirs, role, adopt, relate, remove):
    user = people[role] or AnonymousUser()
    relation = InitiativeRelation.objects.create(initiative=ours, other=theirs, kind=BUILDS_ON)
    assert can(user, Action.INITIATIVE_ADOPT, ours) is adopt
    assert can(user, Action.INITIATIVE_RELATE, ours) is relate
    assert can(user, Action.RELATION_DELETE, relation) is remove
    draft = InitiativeFactory(organisation=ours.organisation)
    assert not can(user, Action.INITIATIVE_ADOPT, draft)
