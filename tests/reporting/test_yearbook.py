import csv
import datetime as dt
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from initiatives.models import YearbookPick
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year(bergen, ministry):
    """2024: an agency of KDD with two measures, Bergen with one, and some that don't count."""
    agency = OrganisationFactory(name="Tilsynsetaten", parent_ministry=ministry)
    published = {"workflow_status": "publisert"}
    measures = {
        "agency_a": InitiativeFactory(
            organisation=agency,
            title="Færre tilsynsrapporter",
            areas=["tilsyn-og-kontroll"],
            **published,
        ),
        "agency_b": InitiativeFactory(
            organisation=agency,
            title="Åpen dialog med kommunene",
            areas=["faglig-frihet"],
            **published,
        ),
        "bergen": InitiativeFactory(
            organisation=bergen,
            title="Mindre skjema i Bergen",
            areas=["mindre-rapportering"],
            **published,
        ),
        "ended": InitiativeFactory(
            organisation=bergen,
            title="Avsluttet i 2023",
            lifecycle_status="avsluttet",
            start_date=dt.date(2022, 1, 1),
            end_date=dt.date(2023, 6, 30),
            **published,
        ),
        "later": InitiativeFactory(
            organisation=bergen, title="Starter i 2025", start_date=dt.date(2025, 2, 1), **published
        ),
        "draft": InitiativeFactory(organisation=agency, title="Utkast fra etaten"),
    }
    return measures


def _titles(response) -> list[str]:
    return [i.title for s in response.context["sections"] for i in s.initiatives]


def test_yearly_overview_groups_active_measures_by_ministry_then_focus_area(client, year):
    response = client.get("/oversikt/2024/")
    sections = response.context["sections"]
    assert [s.title for s in sections] == ["Kommunal- og distriktsdepartementet", "Kommunesektoren"]
    kdd, municipal = sections
    assert [g.title for g in kdd.groups] == [
        "Gi mer faglig frihet til førstelinjen",
        "Målrette tilsyns- og kontrollmyndighetenes rapporterings- og dokumentasjonskrav",
    ]
    assert [i.title for i in municipal.initiatives] == ["Mindre skjema i Bergen"]
    html = response.content.decode()
    for text in ("Tilsynsetaten", "Pilot", "Pågår", year["bergen"].get_absolute_url()):
        assert text in html
    assert "Avsluttet i 2023" in _titles(client.get("/oversikt/2023/"))
    assert "Starter i 2025" not in _titles(response) and "Utkast fra etaten" not in html


def test_a_ministry_picks_for_its_own_area_and_the_rest_stays_whole(client, year, people):
    client.force_login(people["departement"])
    page = client.get("/oversikt/2024/utvalg/")
    assert [s.title for s in page.context["sections"]] == ["Kommunal- og distriktsdepartementet"]
    section = page.context["sections"][0]
    response = client.post(
        "/oversikt/2024/utvalg/", {"section": section.key, "tiltak": [year["agency_b"].pk]}
    )
    assert response.status_code == 302
    titles = _titles(client.get("/oversikt/2024/"))
    assert titles == ["Åpen dialog med kommunene", "Mindre skjema i Bergen"]
    assert AuditEvent.objects.filter(action="yearbook.picked", actor_id=people["departement"].pk)
    # picking nothing shows all of them again
    client.post("/oversikt/2024/utvalg/", {"section": section.key})
    assert len(_titles(client.get("/oversikt/2024/"))) == 3
    assert not YearbookPick.objects.exists()


def test_a_ministry_cannot_pick_outside_its_area(client, year, people):
    client.force_login(people["departement"])
    response = client.post(
        "/oversikt/2024/utvalg/", {"section": "kommunesektoren", "tiltak": [year["bergen"].pk]}
    )
    assert response.status_code == 200
    assert "data-error-summary" in response.content.decode()
    section = response.context["sections"][0].key
    client.post("/oversikt/2024/utvalg/", {"section": section, "tiltak": [year["bergen"].pk]})
    assert not YearbookPick.objects.exists()  # Bergen's measure is not in KDD's area
    for junk in ({"section": "x" * 500}, {"section": section, "tiltak": ["abc", "-1"]}, {}):
        assert client.post("/oversikt/2024/utvalg/", junk).status_code == 200
    assert not YearbookPick.objects.exists()


def test_editors_pick_for_the_municipal_sector(client, year, people):
    client.force_login(people["redaktor"])
    client.post("/oversikt/2024/utvalg/", {"section": "kommunesektoren", "tiltak": []})
    response = client.post(
        "/oversikt/2024/utvalg/", {"section": "kommunesektoren", "tiltak": [year["bergen"].pk]}
    )
    assert response.status_code == 302
    assert YearbookPick.objects.get().initiative == year["bergen"]


def test_yearly_overview_downloads_as_csv_and_excel(client, year):
    body = b"".join(client.get("/oversikt/2024/eksport.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert sorted(row[1] for row in rows[1:]) == [
        "Færre tilsynsrapporter",
        "Mindre skjema i Bergen",
        "Åpen dialog med kommunene",
    ]
    response = client.get("/oversikt/2024/eksport.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="oversikt-2024.xlsx"'
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 4


def test_years_outside_the_register_answer_404(client, db):
    for year in (1999, 3000):
        assert client.get(f"/oversikt/{year}/").status_code == 404
        assert client.get(f"/oversikt/{year}/eksport.csv").status_code == 404
    assert client.get("/oversikt/2010/").status_code == 200


def test_years_after_this_one_answer_404_and_this_year_has_no_next_link(client, people):
    this_year = timezone.localdate().year
    client.force_login(people["departement"])
    for path in ["/oversikt/{}/", "/oversikt/{}/eksport.csv", "/oversikt/{}/eksport.xlsx"]:
        assert client.get(path.format(this_year + 1)).status_code == 404, path
        assert client.get(path.format(this_year)).status_code == 200, path
    assert client.get(f"/oversikt/{this_year + 1}/utvalg/").status_code == 404
    page = client.get(f"/oversikt/{this_year}/").content.decode()
    assert f"/oversikt/{this_year + 1}/" not in page
    assert f"/oversikt/{this_year - 1}/" in page


def test_yearly_overview_query_budget(client, year, bergen, django_assert_max_num_queries):
    for _ in range(20):
        InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with django_assert_max_num_queries(4):
        client.get("/oversikt/2024/")


def test_a_municipal_measure_is_under_its_ministries_and_the_municipal_sector(
    client, year, people, ministry
):
    from tillit.accounts.models import Organisation

    kd = Organisation.objects.get(short_name="KD")
    year["bergen"].responsible_ministries.add(kd, ministry)
    sections = client.get("/oversikt/2024/").context["sections"]
    by_title = {s.title: [i.title for i in s.initiatives] for s in sections}
    assert list(by_title) == [
        "Kommunal- og distriktsdepartementet",
        "Kunnskapsdepartementet",
        "Kommunesektoren",
    ]
    assert "Mindre skjema i Bergen" in by_title["Kommunal- og distriktsdepartementet"]
    assert by_title["Kunnskapsdepartementet"] == ["Mindre skjema i Bergen"]
    assert by_title["Kommunesektoren"] == ["Mindre skjema i Bergen"]
    # the downloads list it once
    response = client.get("/oversikt/2024/eksport.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.count("Mindre skjema i Bergen") == 1

    # KDD's pick of it leaves the municipal sector's part whole
    client.force_login(people["departement"])
    client.post("/oversikt/2024/utvalg/", {"section": ministry.pk, "tiltak": [year["bergen"].pk]})
    sections = client.get("/oversikt/2024/").context["sections"]
    by_title = {s.title: [i.title for i in s.initiatives] for s in sections}
    assert by_title["Kommunal- og distriktsdepartementet"] == ["Mindre skjema i Bergen"]
    assert by_title["Kommunesektoren"] == ["Mindre skjema i Bergen"]
    assert YearbookPick.objects.get().sections.get().section == str(ministry.pk)
    page = client.get("/oversikt/2024/utvalg/").content.decode()
    assert f'id="pick-{ministry.pk}-{year["bergen"].pk}"' in page


def test_each_part_keeps_its_own_pick_of_a_shared_measure(client, year, people, ministry):
    year["bergen"].responsible_ministries.add(ministry)
    client.force_login(people["redaktor"])
    for section in (ministry.pk, "kommunesektoren"):
        client.post("/oversikt/2024/utvalg/", {"section": section, "tiltak": [year["bergen"].pk]})
    assert YearbookPick.objects.get().sections.count() == 2
    client.post("/oversikt/2024/utvalg/", {"section": ministry.pk})  # KDD's part: all again
    sections = {s.title: s for s in client.get("/oversikt/2024/").context["sections"]}
    assert sections["Kommunesektoren"].picked == {year["bergen"].pk}
    assert not sections["Kommunal- og distriktsdepartementet"].picked
    assert len(sections["Kommunal- og distriktsdepartementet"].initiatives) == 3
    client.post("/oversikt/2024/utvalg/", {"section": "kommunesektoren"})
    assert not YearbookPick.objects.exists()
