import pytest
from django.utils import translation

from tillit.accounts.models import JoinRequest, Membership, Organisation, Role

from ..factories import JoinRequestFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_join_request_form_shows_errors_keeps_input_and_saves_nothing(client, people, bergen):
    client.force_login(people["outsider"])
    response = client.post(
        f"/organisasjoner/{bergen.pk}/bli-medlem/",
        {"roles": ["tillitsvalgt"], "union_name": "", "message": "Jeg er verneombud i Åsane"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert 'aria-invalid="true"' in html or "id_union_name_error" in html
    assert "Jeg er verneombud i Åsane" in html
    assert not JoinRequest.objects.exists()


def test_join_request_form_posts_and_leader_approves_through_the_pages(client, people, bergen):
    client.force_login(people["outsider"])
    response = client.post(
        f"/organisasjoner/{bergen.pk}/bli-medlem/", {"roles": ["ansatt"], "message": ""}
    )
    assert response.status_code == 302
    request = JoinRequest.objects.get()

    client.force_login(people["leder"])
    page = client.get(f"/organisasjoner/{bergen.pk}/medlemmer/").content.decode()
    assert people["outsider"].display_name in page
    response = client.post(
        f"/organisasjoner/{bergen.pk}/foresporsler/{request.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=people["outsider"], organisation=bergen).exists()


@pytest.mark.parametrize("role", ["ansatt", "tillitsvalgt", "leder_annen", "outsider"])
def test_posting_a_decision_outside_your_scope_is_404_and_changes_nothing(
    client, people, bergen, role
):
    request = JoinRequestFactory(user=UserFactory(), organisation=bergen)
    client.force_login(people[role])
    response = client.post(
        f"/organisasjoner/{bergen.pk}/foresporsler/{request.pk}/", {"decision": "approve"}
    )
    assert response.status_code == 404
    request.refresh_from_db()
    assert request.status == JoinRequest.Status.PENDING


def test_last_leader_stepping_down_gets_a_message_not_a_500(client, people, bergen):
    membership = Membership.objects.get(user=people["leder"], organisation=bergen)
    client.force_login(people["leder"])
    response = client.post(
        f"/organisasjoner/{bergen.pk}/medlemmer/{membership.pk}/", {"roles": ["ansatt"]}
    )
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    membership.refresh_from_db()
    assert membership.roles == [Role.LEDER]


def test_organisation_form_rejects_a_bad_organisation_number(client, people):
    client.force_login(people["redaktor"])
    with translation.override("nb"):
        response = client.post(
            "/organisasjoner/ny/",
            {"name": "Testdirektoratet", "kind": "statlig", "organisation_number": "974760674"},
        )
    assert response.status_code == 200
    assert "Testdirektoratet" in response.content.decode()
    assert not Organisation.objects.filter(name="Testdirektoratet").exists()


def test_editor_registers_an_agency_under_a_ministry(client, people, ministry):
    client.force_login(people["redaktor"])
    response = client.post(
        "/organisasjoner/ny/",
        {
            "name": "Testdirektoratet",
            "kind": "statlig",
            "organisation_number": "974760673",
            "parent_ministry": ministry.pk,
        },
    )
    assert response.status_code == 302
    agency = Organisation.objects.get(name="Testdirektoratet")
    assert agency.parent_ministry == ministry
    assert agency.name in client.get(ministry.get_absolute_url()).content.decode()


def test_organisation_number_is_accepted_as_the_register_shows_it(client, people):
    client.force_login(people["redaktor"])
    form = client.get("/organisasjoner/ny/").content.decode()
    assert 'maxlength="9"' not in form  # the browser would cut "974 760 673" short
    response = client.post(
        "/organisasjoner/ny/",
        {"name": "Testdirektoratet", "kind": "statlig", "organisation_number": " 974 760 673 "},
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name="Testdirektoratet").organisation_number == "974760673"


@pytest.mark.parametrize(
    "query",
    [
        "?q=%00%ff",
        "?kind=finnes-ikke",
        "?fylke=abc",
        "?side=-1",
        "?side=99999",
        "?q=" + "x" * 5000,
        "?fylke=03&fylke=46",
    ],
)
def test_malformed_list_queries_never_fail(client, query):
    assert client.get("/organisasjoner/" + query).status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"roles": "sjef"},
        {"roles": ["ansatt", "ansatt"]},
        {"roles": ["ansatt"], "message": "x" * 5000},
        {"roles": ["ansatt"], "union_name": "\x00"},
    ],
)
def test_malformed_join_requests_are_refused_with_a_message(client, people, bergen, payload):
    client.force_login(people["outsider"])
    response = client.post(f"/organisasjoner/{bergen.pk}/bli-medlem/", payload)
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_organisation_list_query_budget(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get("/organisasjoner/")
    assert response.status_code == 200


def test_members_page_query_budget(client, people, bergen, django_assert_max_num_queries):
    for _ in range(15):
        JoinRequestFactory(user=UserFactory(), organisation=bergen)
    client.force_login(people["leder"])
    with django_assert_max_num_queries(14):
        response = client.get(f"/organisasjoner/{bergen.pk}/medlemmer/")
    assert response.status_code == 200


def test_my_work_query_budget(client, people, bergen, django_assert_max_num_queries):
    for _ in range(10):
        JoinRequestFactory(user=UserFactory(), organisation=bergen)
    client.force_login(people["leder"])
    # a leader's page also reads overdue measures, figures, invitations, ended measures,
    # replies and trial applications, and stores the visit: the same for 1 request or 10
    with django_assert_max_num_queries(16):
        response = client.get("/mitt/")
    assert response.status_code == 200
    assert response.content.decode().count("/foresporsler/") == 10


def test_organisation_page_lists_measures_each_visitor_may_see(
    client, people, bergen, django_assert_max_num_queries
):
    from ..factories import InitiativeFactory

    InitiativeFactory(organisation=bergen, title="Offentlig tiltak", workflow_status="publisert")
    InitiativeFactory(organisation=bergen, title="Hemmelig utkast")
    with django_assert_max_num_queries(6):
        public = client.get(f"/organisasjoner/{bergen.pk}/").content.decode()
    assert "Offentlig tiltak" in public and "Hemmelig utkast" not in public
    client.force_login(people["ansatt"])
    member = client.get(f"/organisasjoner/{bergen.pk}/").content.decode()
    assert "Offentlig tiltak" in member and "Hemmelig utkast" in member


def test_a_request_to_an_organisation_without_a_leader_goes_to_the_editors(
    client, people, mailoutbox, django_capture_on_commit_callbacks
):
    """The page says who will handle it, and the portal's editors get the e-mail."""
    from ..factories import OrganisationFactory

    leaderless = OrganisationFactory(name="Lederløs etat")
    client.force_login(people["outsider"])
    form_page = client.get(f"/organisasjoner/{leaderless.pk}/bli-medlem/").content.decode()
    assert "portalens redaktører avgjør" in form_page
    assert "Melding til portalens redaktører" in form_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisasjoner/{leaderless.pk}/bli-medlem/", {"roles": ["ansatt"]}, follow=True
        )
    page = response.content.decode()
    assert "Lederløs etat har ingen leder i Tillitsportalen ennå" in page
    assert "redaktører" in page and "lederne i" not in page
    assert [message.to for message in mailoutbox] == [[people["redaktor"].email]]
    assert "Lederløs etat har ingen leder i Tillitsportalen ennå" in mailoutbox[0].body


def test_a_request_to_an_organisation_with_a_leader_goes_to_its_leaders(
    client, people, bergen, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(people["outsider"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/organisasjoner/{bergen.pk}/bli-medlem/", {"roles": ["ansatt"]}, follow=True
        )
    assert (
        "Vi har sendt forespørselen din til lederne i Bergen kommune." in response.content.decode()
    )
    assert [message.to for message in mailoutbox] == [[people["leder"].email]]
    assert "redaktør" not in mailoutbox[0].body
