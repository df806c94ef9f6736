import csv
import io
import re
from datetime import date
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from openpyxl import Workbook, load_workbook

from initiatives.link_fields import LinksField
from initiatives.models import Initiative, InitiativeChange
from initiatives.services.records import InitiativeInput, initiative_update
from reporting.models import ImportBatch
from tillit.accounts.models import Organisation
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db

HEADER_NB = "ID;Tittel;Organisasjon;Type tiltak;Sektor;Status;Fokusområder;Startdato;Sluttdato"


@pytest.fixture
def trondheim(db):
    return Organisation.objects.get(municipality_id="5001")


@pytest.fixture
def measures(bergen):
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Færre skjema på sykehjemmet",
        kind="prosjekt",
        sector="helse_omsorg",
        lifecycle_status="avsluttet",
        start_date=date(2023, 1, 15),
        end_date=date(2024, 6, 30),
        areas=["medbestemmelse", "mindre-rapportering"],
    )
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Åpne møter i bydelen",
        kind="pilot",
        sector="oppvekst_skole",
        areas=["faglig-frihet"],
    )


@pytest.fixture(autouse=True)
def english(client):
    """The import pages in English, so the assertions hold whatever the translations say
    (the export in the round trip is still made in bokmål, the default)."""
    client.cookies["django_language"] = "en"


def _upload(client, organisation, content: bytes, name="tiltak.csv", mode="valid"):
    upload = SimpleUploadedFile(name, content)
    return client.post(f"/organisasjoner/{organisation.pk}/import/", {"file": upload, "mode": mode})


def _csv(*lines: str) -> bytes:
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def _commit(client, organisation, batch, mode="valid"):
    return client.post(
        f"/organisasjoner/{organisation.pk}/import/{batch.pk}/lagre/", {"mode": mode}
    )


def _preview(client, response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def _row_headers(html: str) -> list[str]:
    return re.findall(r'<th scope="row">(\d+)</th>', html)


def _imported_titles(organisation) -> list[str]:
    return sorted(
        Initiative.objects.filter(organisation=organisation).values_list("title", flat=True)
    )


def _blank_columns(content: bytes, fmt: str, headings: set[str]) -> bytes:
    """The file with the cells of the named columns emptied (as a person would in Excel)."""
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        blank = [i for i, heading in enumerate(rows[0]) if heading in headings]
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(rows[0])
        for row in rows[1:]:
            writer.writerow(["" if i in blank else cell for i, cell in enumerate(row)])
        return ("\ufeff" + out.getvalue()).encode()
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.active
    blank = [cell.column for cell in sheet[1] if cell.value in headings]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.column in blank:
                cell.value = None
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_copying_exported_measures_into_another_organisation_without_id_and_owner(
    client, people, measures, trondheim, fmt
):
    client.cookies["django_language"] = "nb"
    export = client.get(f"/tiltak/eksport.{fmt}?sortering=tittel")
    content = b"".join(export.streaming_content)
    assert "Fokusområder".encode() in content or fmt == "xlsx"
    content = _blank_columns(content, fmt, {"ID", "Organisasjon"})
    client.cookies["django_language"] = "en"
    client.force_login(people["leder_annen"])

    preview = _preview(client, _upload(client, trondheim, content, name=f"tiltak.{fmt}"))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert _row_headers(html) == ["2", "3"]
    assert "Færre skjema på sykehjemmet" in html and "Åpne møter i bydelen" in html
    assert "Trondheim" in html and "Has errors" not in html
    assert not Initiative.objects.filter(organisation=trondheim).exists()

    batch = ImportBatch.objects.get()
    result = client.get(_commit(client, trondheim, batch)["Location"])
    assert result.status_code == 200
    imported = {
        i.title: i
        for i in Initiative.objects.filter(organisation=trondheim).prefetch_related(
            "focus_area_links__focus_area"
        )
    }
    assert sorted(imported) == ["Færre skjema på sykehjemmet", "Åpne møter i bydelen"]
    first = imported["Færre skjema på sykehjemmet"]
    assert first.workflow_status == "utkast"
    assert (first.kind, first.sector, first.lifecycle_status) == (
        "prosjekt",
        "helse_omsorg",
        "avsluttet",
    )
    assert (first.start_date, first.end_date) == (date(2023, 1, 15), date(2024, 6, 30))
    links = sorted(first.focus_area_links.all(), key=lambda link: not link.is_primary)
    assert [link.focus_area.slug for link in links] == ["medbestemmelse", "mindre-rapportering"]
    assert links[0].is_primary
    assert first.created_by == people["leder_annen"]
    assert first.union_assessment == "ukjent"
    assert InitiativeChange.objects.filter(initiative=first, action="created").exists()
    assert "Færre skjema på sykehjemmet" in result.content.decode()
    assert AuditEvent.objects.filter(action="initiative.imported").count() == 1


def test_headers_and_labels_in_english_with_dotted_dates(client, people, bergen):
    client.force_login(people["leder"])
    content = _csv(
        "title ; KIND OF MEASURE;Sector;Status;Focus areas;Start date;End date",
        "Felles turnus;user forum;culture;ongoing;6;01.02.2024;",
    )
    preview = _preview(client, _upload(client, bergen, content))
    assert "No errors" in preview.content.decode()
    _commit(client, bergen, ImportBatch.objects.get())
    measure = Initiative.objects.get(title="Felles turnus")
    assert (measure.kind, measure.sector, measure.lifecycle_status) == (
        "brukerforum",
        "kultur",
        "pagar",
    )
    assert measure.start_date == date(2024, 2, 1)
    assert measure.focus_areas.get().number == 6


def test_cp1252_file_keeps_norwegian_letters(client, people, bergen):
    client.force_login(people["leder"])
    content = "Tittel;Status\r\nTillit i skolen på Årstad;pågår\r\n".encode("cp1252")
    _preview(client, _upload(client, bergen, content))
    _commit(client, bergen, ImportBatch.objects.get())
    assert _imported_titles(bergen) == ["Tillit i skolen på Årstad"]


def test_utf16_tab_separated_file_from_excel(client, people, bergen):
    client.force_login(people["leder"])
    content = "Tittel\tSektor\r\nSmåbarn i Åsane\tbarnevern\r\n".encode("utf-16")
    _preview(client, _upload(client, bergen, content))
    _commit(client, bergen, ImportBatch.objects.get())
    assert Initiative.objects.get().sector == "barnevern"
    assert _imported_titles(bergen) == ["Småbarn i Åsane"]


@pytest.fixture
def one_bad_row():
    return _csv(
        HEADER_NB,
        ";Første gode rad;;prosjekt;kultur;pågår;;2024-01-01;",
        ";Rad med feil;;ukjent type;kultur;pågår;Ikke et fokusområde;2024-13-45;",
        ";Andre gode rad;;pilot;;planlagt;;;",
        ";Slutt før start;;pilot;;;;2024-05-01;2024-04-01",
    )


def test_preview_lists_every_row_with_its_errors(client, people, bergen, one_bad_row):
    client.force_login(people["leder"])
    html = _preview(client, _upload(client, bergen, one_bad_row)).content.decode()
    assert _row_headers(html) == ["2", "3", "4", "5"]
    row_3 = html.split('id="row-3"')[1].split("</tr>")[0]
    assert "ukjent type" in row_3 and "Ikke et fokusområde" in row_3 and "2024-13-45" in row_3
    row_5 = html.split('id="row-5"')[1].split("</tr>")[0]
    assert "The end date is before the start date." in row_5
    facts = html.split('<dl class="facts">')[1].split("</dl>")[0]
    assert re.findall(r"<dd>(\d+)</dd>", facts) == ["4", "2", "2"]
    assert not Initiative.objects.exists()


def test_all_or_none_saves_nothing_when_a_row_has_errors(client, people, bergen, one_bad_row):
    client.force_login(people["leder"])
    _preview(client, _upload(client, bergen, one_bad_row, mode="all"))
    batch = ImportBatch.objects.get()
    response = _commit(client, bergen, batch, mode="all")
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not Initiative.objects.exists()
    batch.refresh_from_db()
    assert batch.status == "preview"


def test_valid_only_saves_the_valid_rows(client, people, bergen, one_bad_row):
    client.force_login(people["leder"])
    _preview(client, _upload(client, bergen, one_bad_row))
    batch = ImportBatch.objects.get()
    result = client.get(_commit(client, bergen, batch)["Location"])
    assert _imported_titles(bergen) == ["Andre gode rad", "Første gode rad"]
    assert "Andre gode rad" in result.content.decode()
    # saving twice does not make the measures twice
    again = _commit(client, bergen, batch)
    assert again.status_code == 302 and again["Location"].endswith(f"/import/{batch.pk}/")
    assert Initiative.objects.count() == 2
    event = AuditEvent.objects.get(action="initiative.imported")
    assert event.details["skipped_lines"] == [3, 5] and len(event.details["created"]) == 2


@pytest.fixture
def refuse_at_save_time():
    """A real database rule the preview cannot know about: one title is refused on insert."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION test_refuse_title() RETURNS trigger AS $$ BEGIN "
            "IF NEW.title = 'Nektes av databasen' THEN RAISE EXCEPTION 'refused'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            f"CREATE TRIGGER test_refuse_title BEFORE INSERT ON {Initiative._meta.db_table} "
            "FOR EACH ROW EXECUTE FUNCTION test_refuse_title()"
        )


@pytest.mark.parametrize(("mode", "saved"), [("all", []), ("valid", ["Først", "Sist"])])
def test_failure_at_save_time(client, people, bergen, refuse_at_save_time, mode, saved):
    client.force_login(people["leder"])
    content = _csv("Tittel", "Først", "Nektes av databasen", "Sist")
    _preview(client, _upload(client, bergen, content, mode=mode))
    batch = ImportBatch.objects.get()
    response = _commit(client, bergen, batch, mode=mode)
    assert _imported_titles(bergen) == saved
    if mode == "all":
        assert response.status_code == 200
        assert "ds-error-summary" in response.content.decode()
        assert not InitiativeChange.objects.exists()
    else:
        html = client.get(response["Location"]).content.decode()
        assert "Rows that could not be saved" in html


def _xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    handle = io.BytesIO()
    workbook.save(handle)
    return handle.getvalue()


BAD_FILES = {
    "random bytes": (bytes(range(256)) * 20, "tiltak.csv"),
    "control characters": (bytes(range(1, 256)) * 20, "tiltak.csv"),
    "png named xlsx": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "tiltak.xlsx"),
    "zip that is no workbook": (b"PK\x03\x04" + b"\x00" * 100, "tiltak.xlsx"),
    "wrong extension": (b"Tittel\nEn rad\n", "tiltak.pdf"),
    "empty": (b"", "tiltak.csv"),
    "only a header": (_csv("Tittel;Status"), "tiltak.csv"),
    "missing title column": (_csv("Navn;Status", "Noe;pågår"), "tiltak.csv"),
    "nul bytes": (b"Tittel\nEn\x00rad\n", "tiltak.csv"),
    "formula in csv": (_csv("Tittel", '=HYPERLINK("http://x","klikk")'), "tiltak.csv"),
    "formula in xlsx": (_xlsx([["Tittel"], ["=1+1"]]), "tiltak.xlsx"),
    "too many rows": (_csv("Tittel", *[f"Tiltak {n}" for n in range(2001)]), "tiltak.csv"),
    "too large": (b"Tittel\n" + b"a" * (5 * 1024 * 1024), "tiltak.csv"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_files_give_a_form_error_and_save_nothing(client, people, bergen, case):
    content, name = BAD_FILES[case]
    client.force_login(people["redaktor"])
    response = _upload(client, bergen, content, name=name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html and 'href="#id_file"' in html
    assert not ImportBatch.objects.exists() and not Initiative.objects.exists()


def test_editor_imports_into_any_organisation(client, people, trondheim):
    client.force_login(people["redaktor"])
    _preview(client, _upload(client, trondheim, _csv("Tittel", "Fra redaktøren")))
    _commit(client, trondheim, ImportBatch.objects.get())
    assert _imported_titles(trondheim) == ["Fra redaktøren"]


@pytest.mark.parametrize("role", ["ansatt", "tillitsvalgt", "outsider", "departement"])
def test_others_cannot_import(client, people, bergen, role):
    client.force_login(people[role])
    assert client.get(f"/organisasjoner/{bergen.pk}/import/").status_code == 404
    assert _upload(client, bergen, _csv("Tittel", "Nei")).status_code == 404
    assert not ImportBatch.objects.exists()


def test_leader_of_another_organisation_gets_404(client, people, bergen, trondheim):
    client.force_login(people["leder_annen"])
    assert _upload(client, bergen, _csv("Tittel", "Nei")).status_code == 404
    assert client.get(f"/organisasjoner/{trondheim.pk}/import/").status_code == 200


def test_only_the_uploader_sees_and_saves_a_batch(client, people, bergen):
    client.force_login(people["leder"])
    _preview(client, _upload(client, bergen, _csv("Tittel", "Mitt tiltak")))
    batch = ImportBatch.objects.get()
    client.force_login(people["redaktor"])
    assert client.get(f"/organisasjoner/{bergen.pk}/import/{batch.pk}/").status_code == 404
    assert _commit(client, bergen, batch).status_code == 404
    assert not Initiative.objects.exists()


def test_organisation_page_links_to_the_import_for_leaders_only(client, people, bergen):
    url = f"/organisasjoner/{bergen.pk}/import/"
    client.force_login(people["ansatt"])
    assert url not in client.get(f"/organisasjoner/{bergen.pk}/").content.decode()
    client.force_login(people["leder"])
    assert url in client.get(f"/organisasjoner/{bergen.pk}/").content.decode()


def test_preview_query_budget(client, people, bergen, django_assert_max_num_queries):
    client.force_login(people["leder"])
    area = "Styrke medbestemmelsen og mulighetene for involvering for ansattes organisasjoner"
    lines = [f";Tiltak {n};;pilot;kultur;pågår;{area};2024-01-01;" for n in range(300)]
    response = _upload(client, bergen, _csv(HEADER_NB, *lines))
    with django_assert_max_num_queries(10):
        preview = client.get(response["Location"])
    assert len(_row_headers(preview.content.decode())) == 300


def test_preview_of_rows_with_ids_query_budget(
    client, people, bergen, django_assert_max_num_queries
):
    client.force_login(people["leder"])
    ids = [InitiativeFactory(organisation=bergen).pk for _n in range(30)]
    lines = [f"{pk};Tiltak {pk};;pilot;kultur;pågår;;2024-01-01;" for pk in ids]
    response = _upload(client, bergen, _csv(HEADER_NB, *lines))
    with django_assert_max_num_queries(10):
        preview = client.get(response["Location"]).content.decode()
    assert preview.count("updates measure") == 30


def _export(client, fmt="csv") -> bytes:
    return b"".join(client.get(f"/tiltak/eksport.{fmt}?sortering=tittel").streaming_content)


def test_a_row_of_another_organisation_is_an_error_not_ready(client, people, trondheim):
    client.force_login(people["leder_annen"])
    content = _csv(
        "Tittel;Organisasjon",
        "Fra Bergen;Bergen kommune",
        "Fra Trondheim;Trondheim kommune",
        "Uten eier;",
    )
    html = _preview(client, _upload(client, trondheim, content)).content.decode()
    row_2 = html.split('id="row-2"')[1].split("</tr>")[0]
    assert "Has errors" in row_2 and "Ready" not in row_2
    assert "belongs to «Bergen kommune»" in unescape(row_2)
    for line in ("3", "4"):
        assert "Ready" in html.split(f'id="row-{line}"')[1].split("</tr>")[0]
    _commit(client, trondheim, ImportBatch.objects.get())
    assert _imported_titles(trondheim) == ["Fra Trondheim", "Uten eier"]


def test_a_row_with_an_id_updates_that_measure_or_is_refused(client, people, bergen, trondheim):
    mine = InitiativeFactory(organisation=bergen, title="Gammel tittel")
    archived = InitiativeFactory(organisation=bergen, workflow_status="arkivert")
    theirs = InitiativeFactory(organisation=trondheim, workflow_status="publisert")
    client.force_login(people["leder"])
    content = _csv(
        "ID;Tittel;Sammendrag",
        f"{mine.pk};Ny tittel;Nytt sammendrag",
        f"{archived.pk};Arkivert endret;",
        f"{theirs.pk};Ikke vår;",
        "999999;Finnes ikke;",
        f"{mine.pk};Samme ID igjen;",
    )
    html = unescape(_preview(client, _upload(client, bergen, content)).content.decode())
    rows = {line: html.split(f'id="row-{line}"')[1].split("</tr>")[0] for line in "23456"}
    assert "Ready" in rows["2"] and f"updates measure {mine.pk}" in rows["2"]
    assert "you may not change" in rows["3"]
    assert "belongs to another organisation" in rows["4"]
    assert "there is no measure 999999" in rows["5"]
    assert "on an earlier row" in rows["6"]
    before = Initiative.objects.count()
    _commit(client, bergen, ImportBatch.objects.get())
    assert Initiative.objects.count() == before  # nothing duplicated
    mine.refresh_from_db()
    assert (mine.title, mine.summary) == ("Ny tittel", "Nytt sammendrag")
    assert mine.description == InitiativeFactory._meta.declarations["description"]  # kept
    assert mine.focus_area_links.exists()  # no focus area column: the areas are kept
    assert InitiativeChange.objects.filter(initiative=mine, action="edited").exists()
    archived.refresh_from_db()
    assert archived.title != "Arkivert endret"
    assert ImportBatch.objects.get().result["updated"] == [mine.pk]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_export_gives_the_same_file(client, people, bergen, fmt):
    """Every field a person fills in travels through the file and back unchanged."""
    full = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Alt utfylt",
        summary="Kort; med semikolon og «anførsel»",
        description="Første avsnitt.\n\nAndre avsnitt med - strek og = likhetstegn.",
        kind="prosjekt",
        sector="helse_omsorg",
        lifecycle_status="avsluttet",
        start_date=date(2023, 1, 15),
        end_date=date(2024, 6, 30),
        areas=["medbestemmelse", "mindre-rapportering"],
        other_focus_area="Lokal samhandling",
        trust_relations=["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        participants=["tillitsvalgte", "forskere"],
        exemption_from="Forskrift om skjema § 3",
        goal_resources="=Tid fra ledelsen",
        goal_activities="Samlinger",
        goal_outputs="Færre skjema",
        goal_user_effects="Mer tid til brukerne",
        goal_societal_effects="Tillit",
        links=["https://example.no/a", "https://example.no/b?x=1"],
    )
    full.partners.set(Organisation.objects.filter(municipality_id__in=["5001", "0301"]))
    full.participating_organisations.set(
        Organisation.objects.filter(municipality_id__in=["5042", "5043"])
    )
    full.responsible_ministries.set(Organisation.objects.filter(short_name__in=["HOD", "KD"]))
    InitiativeFactory(organisation=bergen, workflow_status="publisert", title="Lite utfylt")
    client.cookies["django_language"] = "nb"
    client.force_login(people["leder"])
    first = _export(client, fmt)
    if fmt == "csv":
        header = first.decode("utf-8-sig").splitlines()[0].split(";")
    else:
        header = next(load_workbook(io.BytesIO(first)).active.iter_rows(values_only=True))
    assert "Beskrivelse" in header and "Tillitsrelasjoner" in header
    changes = InitiativeChange.objects.count()
    _preview(client, _upload(client, bergen, first, name=f"tiltak.{fmt}"))
    assert (
        "Has errors"
        not in client.get(
            f"/organisasjoner/{bergen.pk}/import/{ImportBatch.objects.get().pk}/"
        ).content.decode()
    )
    _commit(client, bergen, ImportBatch.objects.get(), mode="all")
    assert sorted(ImportBatch.objects.get().result["updated"]) == sorted(
        Initiative.objects.values_list("pk", flat=True)
    )
    assert InitiativeChange.objects.count() == changes  # nothing changed, nothing recorded
    assert full.partners.count() == 2
    assert full.participating_organisations.count() == 2
    assert full.responsible_ministries.count() == 2
    again = _export(client, fmt)
    if fmt == "csv":
        assert again == first
    else:
        rows = [
            [list(r) for r in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
            for data in (first, again)
        ]
        assert rows[0] == rows[1]


def test_an_editor_completes_imported_drafts_of_an_empty_organisation_and_hands_them_over(
    client, people, django_capture_on_commit_callbacks
):
    from initiatives import services
    from tillit.accounts import services as account_services

    from ..factories import OrganisationFactory, UserFactory

    empty = OrganisationFactory(name="Nytt direktorat")
    editor = people["redaktor"]
    client.force_login(editor)
    _preview(client, _upload(client, empty, _csv("Tittel", "Importert utkast")))
    _commit(client, empty, ImportBatch.objects.get())
    draft = Initiative.objects.get(organisation=empty)
    assert client.get(f"/tiltak/{draft.pk}/rediger/").status_code == 200
    services.initiative_update(
        initiative=draft,
        by=editor,
        data=_complete_input(),
        expected_version=draft.version,
    )
    leader = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        account_services.leader_appoint(organisation=empty, email=leader.email, by=editor)
    client.force_login(leader)
    assert "Importert utkast" in client.get("/mitt/").content.decode()
    draft.refresh_from_db()
    services.initiative_submit(initiative=draft, by=leader)
    services.initiative_publish(initiative=draft, by=leader)
    draft.refresh_from_db()
    assert draft.is_published and draft.description == "Utfylt av redaktøren."
    client.force_login(editor)  # handed over: the editor no longer edits the organisation's own
    assert client.get(f"/tiltak/{draft.pk}/rediger/").status_code in (403, 404)


def _complete_input():
    from initiatives.models import FocusArea
    from initiatives.services.records import InitiativeInput

    return InitiativeInput(
        values={
            "title": "Importert utkast",
            "summary": "Kort.",
            "description": "Utfylt av redaktøren.",
            "kind": "prosjekt",
            "sector": "statlig_forvaltning",
            "lifecycle_status": "pagar",
            "start_date": date(2025, 1, 1),
            "trust_relations": ["leder_medarbeider"],
        },
        focus_areas=list(FocusArea.objects.filter(number=1)),
    )


def test_partners_are_read_by_name_and_unknown_ones_are_errors(client, people, bergen):
    client.force_login(people["leder"])
    content = _csv(
        "Tittel;Samarbeidspartnere",
        'Med partnere;"trondheim  KOMMUNE; Oslo kommune"',
        "Med ukjent;Finnes ikke AS",
    )
    html = unescape(_preview(client, _upload(client, bergen, content)).content.decode())
    assert "«Finnes ikke AS» is not an organisation" in html.split('id="row-3"')[1]
    _commit(client, bergen, ImportBatch.objects.get())
    measure = Initiative.objects.get(title="Med partnere")
    assert sorted(measure.partners.values_list("name", flat=True)) == [
        "Oslo kommune",
        "Trondheim kommune",
    ]


def test_dates_known_to_the_year_or_the_month_travel_through_the_file(client, people, bergen):
    """A start known to the year and an end known to the month are written as "2023" and
    "2024-06", and read back with their precision, not as invented days."""
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        start_date=date(2023, 1, 1),
        start_precision="year",
        end_date=date(2024, 6, 1),
        end_precision="month",
    )
    client.force_login(people["leder"])
    first = _export(client)
    assert ";2023;2024-06;" in first.decode()
    Initiative.objects.filter(pk=measure.pk).update(
        start_date=date(2023, 5, 5), start_precision="day", end_date=date(2024, 6, 9)
    )
    Initiative.objects.filter(pk=measure.pk).update(end_precision="day")
    _preview(client, _upload(client, bergen, first))
    _commit(client, bergen, ImportBatch.objects.get(), mode="all")
    measure.refresh_from_db()
    assert (measure.start_date, measure.start_precision) == (date(2023, 1, 1), "year")
    assert (measure.end_date, measure.end_precision) == (date(2024, 6, 1), "month")
    # The same file, but for the version (last column): the import changed the measure.
    assert _export(client) == first.replace(b";1\r\n", b";2\r\n")


def test_partial_dates_are_previewed_as_written_and_an_end_in_the_start_s_period_is_accepted(
    client, people, bergen
):
    client.force_login(people["leder"])
    content = _csv(
        HEADER_NB,
        ";Månedsslutt;;pilot;;pågår;;2024-03-15;2024-03",
        ";Årsslutt;;pilot;;pågår;;2024-03;2024",
        ";Bare år;;pilot;;pågår;;2023;",
        ";For tidlig slutt;;pilot;;pågår;;2024-03-15;2024-02",
        ";Året før;;pilot;;pågår;;2024-03;2023",
    )
    html = _preview(client, _upload(client, bergen, content)).content.decode()

    def row(line):
        return html.split(f'id="row-{line}"')[1].split("</tr>")[0]

    assert "<td>2024-03-15</td>" in row(2) and "<td>2024-03</td>" in row(2)
    assert "<td>2024-03</td>" in row(3) and "<td>2024</td>" in row(3)
    assert "<td>2023</td>" in row(4) and "2023-01-01" not in html
    for line in (2, 3, 4):
        assert "No errors" in row(line)
    for line in (5, 6):
        assert "The end date is before the start date." in row(line)
    _commit(client, bergen, ImportBatch.objects.get())
    assert _imported_titles(bergen) == ["Bare år", "Månedsslutt", "Årsslutt"]
    measure = Initiative.objects.get(title="Årsslutt")
    assert (measure.end_date, measure.end_precision) == (date(2024, 1, 1), "year")


@pytest.mark.parametrize("link", ["ftp://filer.ks.no/rapport.pdf", "javascript:alert(1)"])
def test_the_import_takes_links_by_the_form_s_rule(client, people, bergen, link):
    client.force_login(people["leder"])
    content = _csv("Tittel;Lenker", f"God lenke;https://www.ks.no/ {link}")
    html = _preview(client, _upload(client, bergen, content)).content.decode()
    assert "is not a web address starting with http:// or https://" in html
    with pytest.raises(ValidationError):
        LinksField().clean(link)
    assert LinksField().clean("https://www.ks.no/") == ["https://www.ks.no/"]


def _saved_meanwhile(measure, by, title):
    """Someone saves the measure through the service, as the edit page does."""
    measure.refresh_from_db()
    areas = [link.focus_area for link in measure.focus_area_links.order_by("-is_primary")]
    initiative_update(
        initiative=measure,
        by=by,
        data=InitiativeInput(
            values={"title": title}, focus_areas=areas, primary_focus_area=areas[0], partners=[]
        ),
        expected_version=measure.version,
    )


def _retitled(content: bytes, title: str) -> bytes:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    rows[1][rows[0].index("Tittel")] = title
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()


def test_a_row_exported_before_someone_elses_edit_is_refused(client, people, bergen):
    """Exported at T0, edited by someone at T1, imported at T2: the edit of T1 is kept."""
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert", title="T0")
    client.cookies["django_language"] = "nb"
    client.force_login(people["leder"])
    exported = _export(client)
    assert exported.decode("utf-8-sig").splitlines()[0].endswith(";Versjon")
    _saved_meanwhile(measure, people["ansatt"], "Lagret av en kollega")
    page = _preview(client, _upload(client, bergen, _retitled(exported, "Fra fila")))
    html = unescape(page.content.decode())
    row = html.split('id="row-2"')[1].split("</tr>")[0]
    assert "Tiltaket er endret etter at fila ble eksportert" in row
    _commit(client, bergen, ImportBatch.objects.get(), mode="all")
    measure.refresh_from_db()
    assert measure.title == "Lagret av en kollega"
    # Exported again, the same change goes through.
    _preview(client, _upload(client, bergen, _retitled(_export(client), "Fra fila")))
    _commit(client, bergen, ImportBatch.objects.latest("created_at"), mode="all")
    measure.refresh_from_db()
    assert measure.title == "Fra fila"


def test_a_hand_made_row_is_refused_when_its_measure_changes_before_the_commit(
    client, people, bergen
):
    """Without a version column the row is checked against the measure as it was at upload."""
    measure = InitiativeFactory(organisation=bergen, title="Som lastet opp")
    client.force_login(people["leder"])
    content = _csv("ID;Tittel", f"{measure.pk};Fra fila")
    html = unescape(_preview(client, _upload(client, bergen, content)).content.decode())
    assert "Ready" in html.split('id="row-2"')[1].split("</tr>")[0]
    _saved_meanwhile(measure, people["ansatt"], "Lagret etter opplastingen")
    response = _commit(client, bergen, ImportBatch.objects.get(), mode="all")
    assert "changed after the file was uploaded" in unescape(
        client.get(response["Location"]).content.decode()
        if response.status_code == 302
        else response.content.decode()
    )
    measure.refresh_from_db()
    assert measure.title == "Lagret etter opplastingen"
    assert ImportBatch.objects.get().status == ImportBatch.Status.PREVIEW


def test_ministries_and_participants_are_read_and_unknown_ones_are_errors(client, people, bergen):
    client.force_login(people["leder"])
    grong = Organisation.objects.get(municipality_id="5045")
    grong.organisation_number = "964983291"
    grong.save()
    content = _csv(
        "Title;Responsible ministries;Participating organisations",
        'Delt tjeneste;"hod; Kunnskapsdepartementet";"964 983 291; trondheim kommune"',
        "Ukjent departement;Finansdept;",
        "Ukjent deltaker;KDD;Finnes ikke AS",
    )
    html = unescape(_preview(client, _upload(client, bergen, content)).content.decode())
    assert "«Finansdept» is not a ministry in the portal" in html.split('id="row-3"')[1]
    assert "«Finnes ikke AS» is neither the name" in html.split('id="row-4"')[1]
    _commit(client, bergen, ImportBatch.objects.get())
    measure = Initiative.objects.get(title="Delt tjeneste")
    assert sorted(measure.responsible_ministries.values_list("short_name", flat=True)) == [
        "HOD",
        "KD",
    ]
    assert sorted(measure.participating_organisations.values_list("name", flat=True)) == [
        "Grong kommune",
        "Trondheim kommune",
    ]
    assert _imported_titles(bergen) == ["Delt tjeneste"]


def test_a_file_with_the_former_owning_ministry_heading_is_still_read(client, people, bergen):
    client.force_login(people["leder"])
    content = _csv("Tittel;Overordnet departement", "Gammel fil;KDD")
    _preview(client, _upload(client, bergen, content))
    _commit(client, bergen, ImportBatch.objects.get())
    measure = Initiative.objects.get(title="Gammel fil")
    assert list(measure.responsible_ministries.values_list("short_name", flat=True)) == ["KDD"]
