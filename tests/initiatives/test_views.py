import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from initiatives.models import (
    Attachment,
    FocusArea,
    Initiative,
    InitiativeChange,
    InitiativeRelation,
)

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def _full_form(bergen, **overrides):
    areas = FocusArea.objects.filter(slug__in=["faglig-frihet", "medbestemmelse"])
    data = {
        "organisation": bergen.pk,
        "title": "Selvstyrte team i barnehagen",
        "summary": "Teamene planlegger uken selv.",
        "description": "Ansatte og tillitsvalgte har laget opplegget sammen.",
        "kind": "pilot",
        "sector": "oppvekst_skole",
        "focus_areas": [a.pk for a in areas],
        "primary_focus_area": areas[0].pk,
        "trust_relations": ["leder_medarbeider"],
        "lifecycle_status": "pagar",
        "start_date": "2025-01-15",
        "participants": ["tillitsvalgte"],
        "links": "https://www.regjeringen.no/\nwww.ks.no",
        "action": "submit",
    }
    return {**data, **overrides}


def test_empty_submission_returns_errors_and_saves_nothing(client, people, bergen):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", {"organisation": bergen.pk, "action": "submit"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "ds-error-summary" in html and "id_title_error" in html
    assert not Initiative.objects.exists()


def test_incomplete_submission_keeps_the_text_and_saves_nothing(client, people, bergen):
    client.force_login(people["ansatt"])
    response = client.post(
        "/tiltak/ny/",
        {"organisation": bergen.pk, "title": "Halvferdig idé", "action": "submit"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Halvferdig idé"' in html
    assert "id_summary_error" in html and "id_focus_areas_error" in html
    assert not Initiative.objects.exists()


def test_complete_submission_with_attachment_is_saved_and_submitted(
    client, people, bergen, make_upload
):
    client.force_login(people["ansatt"])
    data = _full_form(bergen, new_attachments=[make_upload("pdf"), make_upload("docx")])
    response = client.post("/tiltak/ny/", data)
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.workflow_status == "til_godkjenning"
    assert initiative.links == ["https://www.regjeringen.no/", "https://www.ks.no"]
    assert sorted(initiative.attachments.values_list("original_name", flat=True)) == [
        "vedlegg.docx",
        "vedlegg.pdf",
    ]
    stored = initiative.attachments.first().file.name
    assert stored.startswith("attachments/") and "vedlegg" not in stored


def test_wrong_attachment_type_is_refused_with_a_message(client, people, bergen, make_upload):
    client.force_login(people["ansatt"])
    data = _full_form(bergen, new_attachments=[make_upload("exe", name="rapport.pdf")])
    response = client.post("/tiltak/ny/", data)
    assert response.status_code == 200
    assert "id_new_attachments_error" in response.content.decode()
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"start_date": "2025-13-45"},
        {"start_date": "2025-05-01", "end_date": "2024-01-01"},
        {"kind": "rakett"},
        {"focus_areas": ["999", "abc"]},
        {"links": "javascript:alert(1)"},
        {"title": "x" * 500},
        {"version": "not-a-number"},
        {"organisation": "99999999"},
        {"title": "Null\x00byte"},
    ],
)
def test_malformed_input_never_fails(client, people, bergen, overrides):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", _full_form(bergen, **overrides))
    assert response.status_code == 200
    assert "ds-error-summary" in response.content.decode()
    assert not Initiative.objects.exists()


def test_stale_edit_is_refused_and_the_users_text_is_kept(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    client.force_login(people["ansatt"])
    data = _full_form(bergen, title="Min nye tittel", version=initiative.version, action="save")
    Initiative.objects.filter(pk=initiative.pk).update(version=initiative.version + 1)
    response = client.post(f"/tiltak/{initiative.pk}/rediger/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Min nye tittel"' in html and "ds-error-summary" in html
    initiative.refresh_from_db()
    assert initiative.title != "Min nye tittel"


def test_leader_sends_back_and_publishes_through_the_pages(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning")
    client.force_login(people["leder"])
    response = client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "return"})
    assert response.status_code == 200  # a note is required
    initiative.refresh_from_db()
    assert initiative.workflow_status == "til_godkjenning"
    client.post(
        f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "return", "note": "Legg til mål"}
    )
    initiative.refresh_from_db()
    assert initiative.workflow_status == "utkast" and initiative.review_note == "Legg til mål"


def test_attachment_download_has_content_disposition(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    attachment = Attachment.objects.create(
        initiative=initiative,
        file=ContentFile(b"%PDF-1.4 data", name="x.pdf"),
        original_name="Sluttrapport.pdf",
        content_type="application/pdf",
        size=13,
    )
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert 'attachment; filename="Sluttrapport.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.4 data"


@pytest.mark.parametrize("extra", [0, 8])
def test_detail_page_runs_a_fixed_number_of_queries(
    client, people, bergen, extra, django_assert_num_queries
):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        areas=["faglig-frihet", "medbestemmelse", "tilsyn-og-kontroll"][: 1 + extra % 3],
    )
    for index in range(extra):
        Attachment.objects.create(
            initiative=initiative,
            file=ContentFile(b"%PDF-1.4", name=f"{index}.pdf"),
            original_name=f"{index}.pdf",
            content_type="application/pdf",
            size=8,
        )
        InitiativeChange.objects.create(initiative=initiative, action="edited", fields={})
        initiative.partners.add(
            type(bergen).objects.filter(kind="kommune").exclude(pk=bergen.pk)[index]
        )
        ExperienceReportFactory(initiative=initiative, workflow_status="publisert")
        InitiativeRelation.objects.create(
            initiative=InitiativeFactory(workflow_status="publisert"),
            other=initiative,
            kind="bygger_pa" if index % 2 else "samme_nettverk",
        )
    client.force_login(people["leder"])
    client.get(initiative.get_absolute_url())  # warm the session
    # ... + the user's follow of it and the comment thread (one statement however long),
    # its participants and its responsible ministries
    # ... + the trial scheme's panel (the measure's applications the user may see)
    # ... + the similar measures: the data version and the list cached for it
    # ... + its connections to the measures the user may see (one statement)
    # ... + its indicators and its reporting removed (one statement each)
    with django_assert_num_queries(19):
        response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200


def test_edit_form_shows_every_saved_value(client, people, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        participants=["forskere"],
        links=["https://www.ks.no/"],
        areas=["medbestemmelse", "faglig-frihet"],
    )
    client.force_login(people["ansatt"])
    form = client.get(f"/tiltak/{initiative.pk}/rediger/").context["form"]
    assert form["trust_relations"].value() == ["leder_medarbeider"]
    assert form["participants"].value() == ["forskere"]
    assert "https://www.ks.no/" in str(form["links"])
    assert form["primary_focus_area"].value() == FocusArea.objects.get(slug="medbestemmelse").pk
    assert form["kind"].value() == "pilot"


def test_web_address_spells_norwegian_letters_and_old_slugs_still_work(client, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Høyt fravær i videregående – Ærlig Østfold på Åsane",
    )
    slug = "hoyt-fravaer-i-videregaende-aerlig-ostfold-pa-asane"
    assert initiative.get_absolute_url() == f"/tiltak/{initiative.pk}/{slug}/"
    assert client.get(initiative.get_absolute_url()).status_code == 200
    old = f"/tiltak/{initiative.pk}/tiltak-mot-hyt-fravr-i-videregaende/"
    response = client.get(old)
    assert response.status_code == 200  # old addresses keep working, and name the new one
    assert f'<link rel="canonical" href="/tiltak/{initiative.pk}/{slug}/">' in response.text


def test_blank_lines_in_links_are_ignored(client, people, bergen):
    client.force_login(people["ansatt"])
    links = "https://www.regjeringen.no/\r\n\r\n  \r\nwww.ks.no\r\n"
    response = client.post("/tiltak/ny/", _full_form(bergen, links=links))
    assert response.status_code == 302
    assert Initiative.objects.get().links == ["https://www.regjeringen.no/", "https://www.ks.no"]


@pytest.mark.parametrize("link", ["ftp://filer.ks.no/rapport.pdf", "javascript:alert(1)"])
def test_only_http_and_https_links_are_accepted(client, people, bergen, link):
    client.force_login(people["ansatt"])
    with translation.override("nb"):
        response = client.post(
            "/tiltak/ny/", _full_form(bergen, links=f"https://www.ks.no/\n{link}")
        )
    html = response.content.decode()
    assert response.status_code == 200 and "id_links_error" in html
    assert "Linje 2: Skriv inn en nettadresse som begynner med http:// eller https://." in html
    assert f"https://www.ks.no/\n{link}</textarea>" in html
    assert not Initiative.objects.exists()


def test_links_are_shown_as_host_and_path(client, bergen):
    initiative = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        links=["https://www.regjeringen.no/no/tema/tillitsreformen/id2872185/"],
    )
    html = client.get(initiative.get_absolute_url()).content.decode()
    assert (
        '<a class="ds-link" href="https://www.regjeringen.no/no/tema/tillitsreformen/id2872185/"'
        ' rel="noopener">regjeringen.no/no/tema/tillitsreformen/id2872185</a>'
    ) in html


def test_a_very_long_file_name_is_a_field_error_and_the_edit_is_kept(
    client, people, bergen, make_upload
):
    initiative = InitiativeFactory(organisation=bergen)
    client.force_login(people["ansatt"])
    upload = make_upload("pdf", name="x." + "a" * 190)
    data = _full_form(
        bergen,
        description="Ny tekst som ikke må gå tapt",
        version=initiative.version,
        action="save",
        new_attachments=[upload],
    )
    with translation.override("nb"):
        response = client.post(f"/tiltak/{initiative.pk}/rediger/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_new_attachments_error"' in html and "er for langt: høyst 150 tegn" in html
    assert "Ny tekst som ikke må gå tapt</textarea>" in html
    assert 'id="choose-files-again"' in html and "Velg dem på nytt" in html
    initiative.refresh_from_db()
    assert initiative.description != "Ny tekst som ikke må gå tapt"
    assert not initiative.attachments.exists()


def test_files_are_stored_under_the_extension_of_their_proven_type(
    client, people, bergen, make_upload
):
    client.force_login(people["ansatt"])
    data = _full_form(bergen, new_attachments=[make_upload("pdf", name="../side.html")])
    assert client.post("/tiltak/ny/", data).status_code == 302
    attachment = Initiative.objects.get().attachments.get()
    assert attachment.file.name.endswith(".pdf") and ".html" not in attachment.file.name
    assert attachment.original_name == "side.html.pdf"
    response = client.get(attachment.get_absolute_url())
    assert 'filename="side.html.pdf"' in response["Content-Disposition"]


def test_a_failed_save_says_which_chosen_files_must_be_chosen_again(
    client, people, bergen, make_upload
):
    client.force_login(people["ansatt"])
    data = _full_form(
        bergen,
        start_date="2025-05-01",
        end_date="2024-01-01",
        new_attachments=[make_upload("pdf", name="Plan.pdf"), make_upload("png")],
    )
    with translation.override("nb"):
        html = client.post("/tiltak/ny/", data).content.decode()
    assert 'id="id_end_date_error"' in html
    assert "filene du valgte, ble ikke lastet opp: Plan.pdf, vedlegg.png." in html
    assert not Initiative.objects.exists()
    with translation.override("nb"):
        html = client.post("/tiltak/ny/", {**data, "new_attachments": []}).content.decode()
    assert 'id="choose-files-again"' not in html


def test_submitting_an_incomplete_draft_lists_the_missing_fields_with_links(client, people, bergen):
    """Issue 18, item 20: not just "not complete", but which fields, linked in the form."""
    initiative = InitiativeFactory(organisation=bergen, summary="", trust_relations=[])
    initiative.focus_area_links.all().delete()
    client.force_login(people["ansatt"])
    response = client.post(f"/tiltak/{initiative.pk}/send-inn/")
    assert response.status_code == 200
    html = response.content.decode()
    edit = f"/tiltak/{initiative.pk}/rediger/"
    assert f'href="{edit}#id_summary">Sammendrag: Skriv et kort sammendrag.</a>' in html
    assert f'href="{edit}#id_focus_areas_fieldset">' in html
    assert f'href="{edit}#id_trust_relations_fieldset">' in html
    assert html.index("#id_summary") < html.index("#id_focus_areas_fieldset")
    initiative.refresh_from_db()
    assert initiative.workflow_status == "utkast"
    # the linked anchors exist in the edit form
    form_html = client.get(edit).content.decode()
    for anchor in ("id_summary", "id_focus_areas_fieldset", "id_trust_relations_fieldset"):
        assert f'id="{anchor}"' in form_html
