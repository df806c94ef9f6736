"""Item 10 of issue 18: a form posted twice makes one measure, and a leader whose decision
comes after another leader's is told so."""

import re

import pytest
from django.contrib.messages import get_messages

from initiatives import services
from initiatives.models import Initiative, InitiativeChange

from ..factories import InitiativeFactory
from .test_views import _full_form

pytestmark = pytest.mark.django_db


def _token(client) -> str:
    html = client.get("/tiltak/ny/").content.decode()
    return re.search(r'name="form_token" value="([0-9a-f-]{36})"', html).group(1)


def test_posting_the_create_form_twice_registers_one_measure(client, people, bergen):
    client.force_login(people["ansatt"])
    data = _full_form(bergen, form_token=_token(client))
    first = client.post("/tiltak/ny/", data)
    second = client.post("/tiltak/ny/", data)
    initiative = Initiative.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == initiative.get_absolute_url()
    assert initiative.changes.filter(action="submitted").count() == 1


def test_each_opened_form_registers_its_own_measure(client, people, bergen):
    """The second form repeats the first's title: it is warned of the first, and saved when
    sent again with the warning seen."""
    client.force_login(people["ansatt"])
    client.post("/tiltak/ny/", _full_form(bergen, form_token=_token(client), action="save"))
    first = Initiative.objects.get()
    second_form = _full_form(bergen, form_token=_token(client), action="save")
    warned = client.post("/tiltak/ny/", second_form)
    assert warned.status_code == 200 and first.get_absolute_url() in warned.content.decode()
    saved = client.post("/tiltak/ny/", {**second_form, "duplicates_seen": str(first.pk)})
    assert saved.status_code == 302
    assert Initiative.objects.count() == 2


def test_an_invalid_post_does_not_use_up_the_token(client, people, bergen):
    client.force_login(people["ansatt"])
    token = _token(client)
    response = client.post("/tiltak/ny/", _full_form(bergen, form_token=token, title=""))
    assert response.status_code == 200 and f'value="{token}"' in response.content.decode()
    assert client.post("/tiltak/ny/", _full_form(bergen, form_token=token)).status_code == 302
    assert Initiative.objects.count() == 1


def test_another_users_token_never_hands_over_their_measure(client, people, bergen):
    client.force_login(people["ansatt"])
    data = _full_form(bergen, form_token=_token(client))
    client.post("/tiltak/ny/", data)
    client.force_login(people["leder"])
    response = client.post("/tiltak/ny/", data)
    assert response.status_code == 200 and "ds-error-summary" in response.content.decode()
    assert Initiative.objects.count() == 1


def test_publish_after_another_leaders_send_back_says_it_was_decided(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    client.force_login(people["leder"])
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert f'action="/tiltak/{initiative.pk}/godkjenning/"' in page
    # Meanwhile another leader sends it back.
    other = services.initiative_return(initiative=initiative, by=people["leder"], note="Mål?")
    assert other.workflow_status == "utkast"

    response = client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "publish"})
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert "allerede" in message and "utkast" in message
    initiative.refresh_from_db()
    assert initiative.workflow_status == "utkast"
    assert not InitiativeChange.objects.filter(initiative=initiative, action="published").exists()


def test_a_decision_racing_inside_the_service_is_too_late(people, bergen):
    """Both leaders passed the view's check; the second to lock the row finds it decided."""
    seen_by_first = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    seen_by_second = Initiative.objects.get(pk=seen_by_first.pk)
    services.initiative_return(initiative=seen_by_first, by=people["leder"], note="Mål?")
    with pytest.raises(services.DecisionTooLate):
        services.initiative_publish(initiative=seen_by_second, by=people["leder"])
    seen_by_first.refresh_from_db()
    assert seen_by_first.workflow_status == "utkast"


def test_others_still_get_404_on_a_decided_measure(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    client.force_login(people["ansatt"])
    response = client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "publish"})
    assert response.status_code == 404


@pytest.fixture
def committed_reference_data(transactional_db):
    """Tests in real transactions start after others emptied every table: put the
    migrations' reference data back when it is gone (as the browser tests do)."""
    import importlib

    from django.apps import apps

    from tillit.accounts.models import Organisation

    if not Organisation.objects.exists():
        for module in (
            "tillit.accounts.migrations.0002_reference_data",
            "initiatives.migrations.0002_focus_areas",
        ):
            importlib.import_module(module).load(apps, None)


def test_two_simultaneous_posts_of_one_form_register_one_measure(committed_reference_data):
    """Both posts run at once in their own connections: the second waits for the first's
    token and answers with the measure the first made."""
    import threading

    from django.db import connection
    from django.test import Client

    from tillit.accounts.models import Organisation

    from ..factories import MembershipFactory

    bergen = Organisation.objects.get(municipality_id="4601")
    author = MembershipFactory(organisation=bergen, roles=["ansatt"]).user
    clients = [Client(), Client()]  # one browser tab, its form posted twice
    for client in clients:
        client.force_login(author)
    data = _full_form(bergen, form_token=_token(clients[0]))
    start, answers = threading.Barrier(2), []

    def post(client):
        try:
            start.wait()
            answers.append(client.post("/tiltak/ny/", data))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=[client]) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    initiative = Initiative.objects.get()
    assert [answer.status_code for answer in answers] == [302, 302]
    assert {answer["Location"] for answer in answers} == {initiative.get_absolute_url()}
