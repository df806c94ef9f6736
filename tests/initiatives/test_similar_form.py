"""The measure form's check (issue 22): similar published measures once title and summary are
filled in (htmx, and without script the "similar" button, which keeps what was typed and saves
nothing), and the warning of a likely duplicate in the same organisation on create, edit and
import: shown once, then the save goes through."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from initiatives.models import FocusArea, Initiative, WorkflowStatus
from initiatives.vocabulary import refresh
from reporting.models import ImportBatch

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

TITLE = "Samordnet statlig tilsyn med helse- og omsorgstjenesten"
SUMMARY = (
    "Kommunen prøver sammen med statsforvalteren ut en ordning der tilsyn med helse- og "
    "omsorgstjenestene samles i ett felles tilsynsbesøk i året."
)


@pytest.fixture(autouse=True)
def english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def elsewhere():
    """The same measure, published by another organisation."""
    measure = InitiativeFactory(
        organisation=OrganisationFactory(),
        workflow_status=WorkflowStatus.PUBLISERT,
        title="Samordnet tilsyn med omsorgstjenestene",
        summary="Statsforvalteren og kommunen samler tilsynene med helse- og "
        "omsorgstjenesten i ett årlig tilsynsbesøk.",
        description="",
        areas=["tilsyn-og-kontroll"],
    )
    refresh()
    return measure


def _form(bergen, **overrides):
    area = FocusArea.objects.get(slug="tilsyn-og-kontroll")
    return {
        "organisation": bergen.pk,
        "title": TITLE,
        "summary": SUMMARY,
        "description": "Ett besøk i året i stedet for mange.",
        "kind": "forsok",
        "sector": "helse_omsorg",
        "focus_areas": [area.pk],
        "lifecycle_status": "planlagt",
        "action": "save",
        **overrides,
    }


def test_the_button_without_script_shows_similar_measures_and_keeps_the_input(
    client, people, bergen, elsewhere
):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", _form(bergen, action="similar", start_date="2025"))
    assert response.status_code == 200
    html = response.content.decode()
    assert elsewhere.get_absolute_url() in html
    assert f'value="{TITLE}"' in html and "Ett besøk i året i stedet for mange." in html
    assert 'value="forsok" selected' in html and 'value="2025"' in html
    assert "ds-error-summary" not in html
    assert not Initiative.objects.filter(organisation=bergen).exists()


def test_the_htmx_check_lists_similar_measures_once_title_and_summary_are_there(
    client, people, bergen, elsewhere
):
    client.force_login(people["ansatt"])
    only_title = client.get("/tiltak/ny/lignende/", {"title": TITLE}, HTTP_HX_REQUEST="true")
    assert only_title.status_code == 200
    assert elsewhere.get_absolute_url() not in only_title.content.decode()
    both = client.get(
        "/tiltak/ny/lignende/",
        {"title": TITLE, "summary": SUMMARY, "organisation": bergen.pk},
        HTTP_HX_REQUEST="true",
    )
    html = both.content.decode()
    assert elsewhere.get_absolute_url() in html and "<html" not in html


def test_creating_a_likely_duplicate_warns_once_then_saves(client, people, bergen):
    existing = InitiativeFactory(organisation=bergen, title=TITLE)
    client.force_login(people["ansatt"])
    first = client.post("/tiltak/ny/", _form(bergen, title=TITLE.lower() + " "))
    assert first.status_code == 200
    html = first.content.decode()
    assert existing.get_absolute_url() in html and 'name="duplicates_seen"' in html
    assert Initiative.objects.filter(organisation=bergen).count() == 1
    again = client.post(
        "/tiltak/ny/", _form(bergen, title=TITLE.lower(), duplicates_seen=str(existing.pk))
    )
    assert again.status_code == 302
    assert Initiative.objects.filter(organisation=bergen).count() == 2


def test_the_same_title_in_another_organisation_is_no_duplicate(client, people, bergen):
    InitiativeFactory(organisation=OrganisationFactory(), title=TITLE)
    client.force_login(people["ansatt"])
    assert client.post("/tiltak/ny/", _form(bergen)).status_code == 302


def test_editing_a_title_into_a_near_duplicate_warns_once_then_saves(client, people, bergen):
    existing = InitiativeFactory(organisation=bergen, title=TITLE)
    edited = InitiativeFactory(organisation=bergen, title="Noe helt annet")
    client.force_login(people["ansatt"])
    near = "Samordnet statlig tilsyn med helse og omsorgstjenesten"
    data = _form(bergen, title=near, version=edited.version)
    response = client.post(f"/tiltak/{edited.pk}/rediger/", data)
    assert response.status_code == 200
    assert existing.get_absolute_url() in response.content.decode()
    edited.refresh_from_db()
    assert edited.title == "Noe helt annet"
    data["duplicates_seen"] = str(existing.pk)
    assert client.post(f"/tiltak/{edited.pk}/rediger/", data).status_code == 302
    edited.refresh_from_db()
    assert edited.title == near


def test_saving_without_changing_the_title_does_not_warn(client, people, bergen):
    InitiativeFactory(organisation=bergen, title=TITLE)
    twin = InitiativeFactory(organisation=bergen, title=TITLE)
    client.force_login(people["ansatt"])
    data = _form(bergen, version=twin.version, summary="Ny tekst.")
    assert client.post(f"/tiltak/{twin.pk}/rediger/", data).status_code == 302


def test_an_import_row_repeating_a_title_gets_a_warning_and_is_still_imported(
    client, people, bergen
):
    existing = InitiativeFactory(organisation=bergen, title=TITLE)
    client.force_login(people["leder"])
    content = (f"\ufeffTittel;Sektor\r\n{TITLE};Helse og omsorg\r\nNoe nytt;\r\n").encode()
    upload = SimpleUploadedFile("tiltak.csv", content)
    response = client.post(
        f"/organisasjoner/{bergen.pk}/import/", {"file": upload, "mode": "valid"}
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "may have registered this measure already" in html
    assert html.count(existing.get_absolute_url()) == 1
    batch = ImportBatch.objects.get()
    saved = client.post(f"/organisasjoner/{bergen.pk}/import/{batch.pk}/lagre/", {"mode": "valid"})
    assert saved.status_code == 302
    assert Initiative.objects.filter(organisation=bergen, title=TITLE).count() == 2
