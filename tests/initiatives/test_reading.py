"""Reading a measure or an experience report in the other written standard: the background
task detects the standard and stores Apertium's translation per text version; the page offers
"Les på nynorsk", marks the translation, says when it is not made yet, and shows it only to
those who may see the text."""

import pytest
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from initiatives import tasks
from initiatives.models import ExperienceReport, Initiative, TextTranslation
from initiatives.services import experience as experience_services
from initiatives.services.records import InitiativeInput, initiative_update
from initiatives.services.workflow import initiative_publish, initiative_submit
from initiatives.translations import version_of
from tillit.accounts.privacy.registry import sections

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

BOKMAL = {
    "title": "Færre skjema i hjemmetjenesten",
    "summary": "De ansatte bruker mindre tid på skjema og mer tid hos brukerne.",
    "description": "Sykepleierne avgjør selv hva som må dokumenteres ved hvert besøk.",
    "goal_activities": "Vi går gjennom alle skjema sammen med de tillitsvalgte.",
}
NYNORSK = {
    "title": "Færre skjema i heimetenesta",
    "summary": "Dei tilsette bruker mindre tid på skjema og meir tid hos brukarane.",
    "description": "Sjukepleiarane avgjer sjølve kva som må dokumenterast ved kvart besøk.",
}


@pytest.fixture(autouse=True)
def no_cached_wishes():
    cache.clear()  # the lazy queueing is throttled through the cache


@pytest.fixture
def published(bergen, people):
    return InitiativeFactory(
        organisation=bergen, workflow_status="publisert", created_by=people["ansatt"], **BOKMAL
    )


def _translate(obj):
    tasks.translate_text.enqueue(**tasks._text_ids(obj))


def test_publishing_queues_the_translation_and_the_task_makes_it(people, bergen, run_tasks):
    measure = InitiativeFactory(organisation=bergen, created_by=people["ansatt"], **BOKMAL)
    initiative_submit(initiative=measure, by=people["ansatt"])
    initiative_publish(initiative=measure, by=people["leder"])
    assert TextTranslation.objects.count() == 0  # never inline
    assert "SUCCESSFUL" in run_tasks()
    measure.refresh_from_db()
    assert measure.written_standard == "nb"
    [made] = TextTranslation.objects.filter(initiative=measure)
    assert (made.source, made.target) == ("nb", "nn")
    assert made.source_hash == version_of(measure)
    assert made.fields["title"] == "Færre skjema i heimetenesta"
    assert "Dei tilsette" in made.fields["summary"]
    assert "Sjukepleiarane" in made.fields["description"]
    assert "tillitsvalde" in made.fields["goal_activities"]
    assert "goal_outputs" not in made.fields  # empty fields are not sent
    assert measure.title == BOKMAL["title"]  # the author's text stays as written


def test_the_task_is_idempotent_per_version(published, run_tasks):
    _translate(published)
    _translate(published)
    assert run_tasks() == ["SUCCESSFUL", "SUCCESSFUL"]
    [made] = TextTranslation.objects.all()
    _translate(published)
    run_tasks()
    assert list(TextTranslation.objects.values_list("pk", flat=True)) == [made.pk]


def test_an_edit_of_a_published_text_makes_a_new_version(published, people, run_tasks):
    _translate(published)
    run_tasks()
    old = TextTranslation.objects.get()
    data = InitiativeInput(
        values={"summary": "Ansatte på sykehjemmet får mer tid."},
        focus_areas=list(published.focus_areas.all()),
    )
    published.refresh_from_db()
    initiative_update(
        initiative=published, by=people["ansatt"], data=data, expected_version=published.version
    )
    assert DBTaskResult.objects.filter(task_path="initiatives.tasks.translate_text").exists()
    run_tasks()
    [new] = TextTranslation.objects.all()
    assert new.pk != old.pk and new.source_hash != old.source_hash
    assert "sjukeheimen" in new.fields["summary"]


def test_the_same_text_elsewhere_is_translated_once(published, bergen, run_tasks):
    twin = InitiativeFactory(organisation=bergen, workflow_status="publisert", **BOKMAL)
    _translate(published)
    _translate(twin)
    run_tasks()
    first, second = TextTranslation.objects.order_by("pk")
    assert first.source_hash == second.source_hash and first.fields == second.fields


def test_a_nynorsk_measure_is_translated_into_bokmal(bergen, run_tasks):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert", **NYNORSK)
    _translate(measure)
    run_tasks()
    measure.refresh_from_db()
    assert measure.written_standard == "nn"
    made = TextTranslation.objects.get(initiative=measure)
    assert made.target == "nb"
    assert made.fields["title"] == "Færre skjema i hjemmetjenesten"
    assert "De ansatte" in made.fields["summary"]


def test_a_text_that_cannot_be_told_gets_no_translation(bergen, run_tasks):
    measure = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title="Møte", summary="", description=""
    )
    _translate(measure)
    run_tasks()
    measure.refresh_from_db()
    assert measure.written_standard == "und"
    assert not TextTranslation.objects.exists()


def test_without_apertium_the_task_leaves_the_text_unlooked_at(published, settings, run_tasks):
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    _translate(published)
    run_tasks()
    published.refresh_from_db()
    assert published.written_standard == ""
    assert not TextTranslation.objects.exists()


def test_a_report_is_translated_field_by_field(people, bergen, run_tasks):
    report = ExperienceReportFactory(
        initiative__organisation=bergen, created_by=people["ansatt"], workflow_status="utkast"
    )
    experience_services.experience_publish(report=report, by=people["leder"])
    run_tasks()
    report.refresh_from_db()
    assert report.written_standard == "nb"
    made = TextTranslation.objects.get(report=report)
    assert made.target == "nn"
    assert "tillitsvalde" in made.fields["what_was_done"]
    assert set(made.fields) <= {
        "title", "summary", "what_was_done", "what_worked", "challenges",
        "success_conditions", "advice", "transferability_note", "outcomes",
    }  # fmt: skip


def test_translations_are_deleted_with_their_text(people, bergen, run_tasks):
    draft = InitiativeFactory(organisation=bergen, created_by=people["ansatt"], **BOKMAL)
    _translate(draft)
    run_tasks()
    assert TextTranslation.objects.filter(initiative=draft).exists()
    Initiative.objects.filter(pk=draft.pk).delete()
    assert not TextTranslation.objects.exists()


def test_the_privacy_export_holds_the_translations_of_the_user_s_texts(
    published, people, run_tasks
):
    _translate(published)
    run_tasks()
    [section] = [s for s in sections() if s.key == "translations"]
    mine = section.read(people["ansatt"])
    assert [row["initiative_id"] for row in mine["measures"]] == [published.pk]
    assert mine["measures"][0]["fields"]["title"] == "Færre skjema i heimetenesta"
    assert section.read(people["leder"]) == {"measures": [], "experience_reports": []}


# --- the pages -------------------------------------------------------------------------------


def _page(client, obj, query="", language="nb"):
    client.cookies["django_language"] = language
    return client.get(obj.get_absolute_url() + query).content.decode()


def test_the_page_offers_nynorsk_after_the_text_to_a_bokmal_reader(client, published, run_tasks):
    _translate(published)
    run_tasks()
    html = _page(client, published)
    assert "Les på nynorsk" in html
    assert html.index(BOKMAL["description"]) < html.index("Les på nynorsk")
    assert "?lesemal=nn" in html
    assert "Maskinoversatt" not in html


def test_a_nynorsk_reader_is_offered_it_first(client, published, run_tasks):
    _translate(published)
    run_tasks()
    html = _page(client, published, language="nn")
    assert html.index("Les på nynorsk") < html.index(BOKMAL["summary"])


def test_the_translation_is_marked_and_the_original_one_click_away(
    client, published, run_tasks, django_assert_max_num_queries
):
    _translate(published)
    run_tasks()
    client.cookies["django_language"] = "nb"
    url = published.get_absolute_url()
    client.get(url)  # warm the session and caches
    with django_assert_max_num_queries(40) as original:
        client.get(url)
    with django_assert_max_num_queries(len(original.captured_queries) + 1):
        html = client.get(url + "?lesemal=nn").content.decode()
    assert "Maskinoversatt fra bokmål" in html
    assert 'lang="nn">Færre skjema i heimetenesta</h1>' in html
    assert "Sjukepleiarane avgjer" in html
    assert "tillitsvalde" in html  # the results chain too
    assert BOKMAL["summary"] not in html
    assert f'href="{url}">Vis originalen</a>' in html
    html_nn = _page(client, published, "?lesemal=nn", language="nn")
    assert "Maskinomsett frå bokmål" in html_nn
    published.refresh_from_db()
    assert published.summary == BOKMAL["summary"]


def test_while_not_made_the_page_says_so_and_queues_it_once(client, published):
    Initiative.objects.filter(pk=published.pk).update(written_standard="nb")
    html = _page(client, published, "?lesemal=nn")
    assert "Oversettelsen til nynorsk lages" in html
    assert BOKMAL["summary"] in html  # the original meanwhile
    _page(client, published, "?lesemal=nn")
    queued = DBTaskResult.objects.filter(task_path="initiatives.tasks.translate_text")
    assert queued.count() == 1
    assert queued.get().args_kwargs["kwargs"] == {"initiative_id": published.pk}


def test_texts_never_looked_at_are_found_by_the_scheduled_sweep(
    client, published, bergen, run_tasks
):
    draft = InitiativeFactory(organisation=bergen, **NYNORSK)
    report = ExperienceReportFactory(initiative=published, workflow_status="publisert")
    html = _page(client, published)
    assert "Les på" not in html  # not known yet, and the page queues nothing
    assert not DBTaskResult.objects.exists()
    tasks.translate_published.enqueue()
    run_tasks()
    assert set(TextTranslation.objects.values_list("initiative", "report")) == {
        (published.pk, None),
        (None, report.pk),
    }
    draft.refresh_from_db()
    assert draft.written_standard == ""  # drafts wait for their publication
    assert "Les på nynorsk" in _page(client, published)
    tasks.translate_published.enqueue()
    assert run_tasks() == ["SUCCESSFUL"]
    assert TextTranslation.objects.count() == 2


def test_asking_for_the_text_s_own_standard_shows_the_original(client, published, run_tasks):
    _translate(published)
    run_tasks()
    html = _page(client, published, "?lesemal=nb")
    assert BOKMAL["summary"] in html and "Maskinoversatt" not in html


def test_without_apertium_the_page_says_translation_is_not_available(client, published, settings):
    Initiative.objects.filter(pk=published.pk).update(written_standard="nb")
    settings.APERTIUM_COMMAND = "/nonexistent/apertium"
    html = _page(client, published, "?lesemal=nn")
    assert "Maskinoversettelse er ikke tilgjengelig nå" in html
    assert not DBTaskResult.objects.exists()


@pytest.mark.parametrize(
    ("role", "sees"),
    [("anonymous", False), ("outsider", False), ("leder_annen", False), ("ansatt", True)],
)
def test_a_draft_s_translation_is_seen_only_by_who_may_see_the_draft(
    client, people, bergen, run_tasks, role, sees
):
    draft = InitiativeFactory(organisation=bergen, created_by=people["ansatt"], **BOKMAL)
    _translate(draft)
    run_tasks()
    if people[role]:
        client.force_login(people[role])
    response = client.get(draft.get_absolute_url() + "?lesemal=nn")
    assert response.status_code == (200 if sees else 404)
    if sees:
        assert "Færre skjema i heimetenesta" in response.content.decode()


def test_the_report_page_shows_its_translation(client, people, bergen, run_tasks):
    report = ExperienceReportFactory(
        initiative__organisation=bergen, workflow_status="publisert", created_by=people["ansatt"]
    )
    _translate(report)
    run_tasks()
    html = _page(client, report)
    assert "Les på nynorsk" in html
    html = _page(client, report, "?lesemal=nn")
    assert "Maskinoversatt fra bokmål" in html
    assert "tillitsvalde" in html
    assert ExperienceReport.objects.get(pk=report.pk).what_was_done.startswith("Vi fjernet")


def test_a_draft_report_s_translation_is_not_shown_to_the_public(client, people, bergen, run_tasks):
    report = ExperienceReportFactory(initiative__organisation=bergen, created_by=people["ansatt"])
    _translate(report)
    run_tasks()
    assert client.get(report.get_absolute_url() + "?lesemal=nn").status_code == 404
    client.force_login(people["leder"])
    assert "Maskinoversatt" in _page(client, report, "?lesemal=nn")
