"""A leader uploads a file whose rows have errors: on a 1280 px screen the preview shows
every row's errors without scrolling sideways."""

import pytest
from playwright.sync_api import expect

from tillit.accounts.models import Membership, Organisation, Role

from ..factories import PASSWORD, UserFactory
from .helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "Et langt sammendrag som fyller cellen i forhåndsvisningen. " * 4
CSV = (
    "\ufeffID;Tittel;Organisasjon;Type tiltak;Sektor;Status;Fokusområder;Startdato;Sluttdato;"
    "Sammendrag\r\n"
    f";Færre skjema i hjemmetjenesten med en lang tittel;Bergen kommune;prosjekt;kultur;pågår;"
    f"Gi mer faglig frihet til førstelinjen;2024-01-01;;{LONG}\r\n"
    f";Rad med feil;Trondheim kommune;ukjent type;kultur;pågår;Ikke et fokusområde;2024-13-45;;"
    f"{LONG}\r\n"
)


def test_the_error_column_fits_a_1280_px_screen(live_server, new_page, axe_check, tmp_path):
    bergen = Organisation.objects.get(municipality_id="4601")
    leader = UserFactory()
    Membership.objects.create(user=leader, organisation=bergen, roles=[Role.LEDER])
    upload = tmp_path / "tiltak.csv"
    upload.write_bytes(CSV.encode())

    page = new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, live_server.url, leader.email, PASSWORD)
    page.goto(f"{live_server.url}/organisasjoner/{bergen.pk}/import/")
    page.locator("#id_file").set_input_files(str(upload))
    page.get_by_role("button", name="Last opp og forhåndsvis").click()
    page.wait_for_url("**/import/*/")
    expect(page.locator("#row-3")).to_contain_text("ukjent type")
    axe_check(page, "import preview")

    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    header = page.get_by_role("columnheader", name="Feil", exact=True)
    cells = [header, page.locator("#row-3 td.import-errors")]
    for cell in cells:
        box = cell.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, box
    assert "Trondheim kommune" in page.locator("#row-3 td.import-errors").inner_text()
