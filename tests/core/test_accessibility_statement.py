"""The accessibility statement follows the structure of Norwegian statements: status, known
shortcomings, how it was tested, feedback, supervision and the date."""

import pytest


@pytest.mark.django_db
def test_statement_has_every_part_and_the_configured_contact(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "uu@example.no"
    page = client.get("/tilgjengelighet/").content.decode()
    for heading in (
        "Tilgjengelighetserklæring",
        "Status",
        "Kjente mangler",
        "Slik tester vi",
        "Tilbakemelding og kontakt",
        "Tilsyn",
    ):
        assert f">{heading}</h" in page, heading
    assert 'href="mailto:uu@example.no"' in page
    assert "https://www.uutilsynet.no/" in page
    assert "22. november 2026" in page
