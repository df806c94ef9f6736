import csv
import io

import pytest
from openpyxl import load_workbook

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(bergen):
    InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title="Færre skjema på sykehjemmet"
    )
    InitiativeFactory(
        organisation=bergen, workflow_status="publisert", kind="prosjekt", title="Åpne møter"
    )
    InitiativeFactory(organisation=bergen, title="Utkast som ikke skal ut")


def _csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_has_the_current_filter_and_norwegian_letters(client, measures):
    response = client.get("/tiltak/eksport.csv?type=pilot")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="tiltak-')
    rows = _csv(response)
    assert rows[0][1] in ("Tittel", "Title")
    assert [row[1] for row in rows[1:]] == ["Færre skjema på sykehjemmet"]


def test_csv_export_follows_visibility(client, measures, people):
    public = [row[1] for row in _csv(client.get("/tiltak/eksport.csv"))[1:]]
    assert "Utkast som ikke skal ut" not in public and len(public) == 2
    client.force_login(people["ansatt"])
    member = [row[1] for row in _csv(client.get("/tiltak/eksport.csv"))[1:]]
    assert "Utkast som ikke skal ut" in member


def test_xlsx_export_opens_with_a_header_row(client, measures):
    response = client.get("/tiltak/eksport.xlsx?sortering=tittel")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    assert sheet.cell(1, 1).font.bold
    assert [sheet.cell(row, 2).value for row in (2, 3)] == [
        "Færre skjema på sykehjemmet",
        "Åpne møter",
    ]
    assert sheet.column_dimensions["B"].width == 50


def test_export_query_budget(client, bergen, django_assert_max_num_queries):
    for _ in range(30):
        InitiativeFactory(organisation=bergen, workflow_status="publisert")
    # one query per relation: partners, participants and responsible ministries included,
    # and the look-up of the search words in the vocabulary (a mistyped word is corrected),
    # and the connections to other published measures (a query each way), and the indicators
    # and reporting removed (a query each)
    with django_assert_max_num_queries(18):
        rows = _csv(client.get("/tiltak/eksport.csv?q=skjema&fylke=46"))
    assert len(rows) == 31


def test_text_a_spreadsheet_would_run_is_exported_inert_and_imported_back(client, bergen, people):
    InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title='=HYPERLINK("http://x.example")'
    )
    rows = _csv(client.get("/tiltak/eksport.csv"))
    assert rows[1][1] == '\'=HYPERLINK("http://x.example")'
    from reporting.imports.parsing import unescape_formula

    assert unescape_formula(rows[1][1]) == '=HYPERLINK("http://x.example")'
    assert unescape_formula("'vanlig tekst") == "'vanlig tekst"


def test_exports_name_responsible_ministries_and_participants(client, bergen):
    from tillit.accounts.models import Organisation

    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert", title="Delt")
    measure.responsible_ministries.set(Organisation.objects.filter(short_name__in=["KD", "HOD"]))
    measure.participating_organisations.add(Organisation.objects.get(municipality_id="5001"))
    client.cookies["django_language"] = "en"
    text = b"".join(client.get("/tiltak/eksport.csv").streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text), delimiter=";"))[:2]
    values = dict(zip(header, row, strict=True))
    assert values["Responsible ministries"] == "HOD; KD"
    assert values["Participating organisations"] == "Trondheim kommune"
    assert header[-1] == "Version"
