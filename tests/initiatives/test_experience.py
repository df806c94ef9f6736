import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from initiatives import services
from initiatives.models import ExperienceReport, FocusArea, OverviewEntry
from initiatives.overview.reports import EXPERIENCE_REPORTS, similar_initiatives
from initiatives.overview.selectors import overview
from tillit.accounts.models import Organisation
from tillit.core.models import AuditEvent

from ..factories import ExperienceReportFactory, InitiativeFactory

pytestmark = pytest.mark.django_db

REPORT = {
    "title": "Hva vi lærte av selvstyrte turnuser",
    "summary": "Ansatte lagde turnusen selv, og sykefraværet gikk ned.",
    "what_was_done": "Avdelingene fikk lage sine egne turnuser i et halvt år.",
    "what_worked": "Færre bytter og mer forutsigbarhet.",
    "challenges": "Helgene ble vanskelige å dekke.",
    "transferability": "delvis",
}


def _list(query=""):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/erfaringer/" + query)
    return overview(query=request.GET, user=AnonymousUser(), source=EXPERIENCE_REPORTS)


def test_staff_write_and_a_leader_publishes_with_the_measure_flagged(people, bergen, client):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    report = services.experience_create(initiative=measure, by=people["ansatt"], data=REPORT)
    assert report.workflow_status == "utkast"
    assert client.get(report.get_absolute_url()).status_code == 404
    services.experience_submit(report=report, by=people["ansatt"])
    with pytest.raises(PermissionDenied):
        services.experience_publish(report=report, by=people["ansatt"])
    services.experience_publish(report=report, by=people["leder"])
    measure.refresh_from_db()
    assert measure.has_experience
    assert OverviewEntry.objects.get(pk=measure.pk).has_experience
    assert client.get(report.get_absolute_url()).status_code == 200
    actions = list(measure.changes.values_list("action", flat=True))
    assert {"experience_written", "experience_submitted", "experience_published"} <= set(actions)
    assert AuditEvent.objects.filter(action="initiative.experience_published").exists()

    services.experience_unpublish(report=report, by=people["leder"])
    measure.refresh_from_db()
    assert not measure.has_experience


def test_a_report_is_published_only_with_its_measure(people, bergen):
    report = ExperienceReportFactory(initiative=InitiativeFactory(organisation=bergen))
    with pytest.raises(PermissionDenied):
        services.experience_publish(report=report, by=people["leder"])


def test_a_report_missing_what_did_not_work_is_refused_and_nothing_saved(people, bergen):
    from django.core.exceptions import ValidationError

    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with pytest.raises(ValidationError) as error:
        services.experience_create(
            initiative=measure, by=people["ansatt"], data={**REPORT, "challenges": ""}
        )
    assert "challenges" in error.value.message_dict
    assert not ExperienceReport.objects.exists()


def test_the_form_keeps_what_was_typed_and_names_the_missing_field(client, people, bergen):
    measure = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    client.force_login(people["ansatt"])
    response = client.post(f"/tiltak/{measure.pk}/erfaringer/ny/", {**REPORT, "challenges": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hva vi lærte av selvstyrte turnuser" in html
    assert 'href="#id_challenges"' in html
    assert not ExperienceReport.objects.exists()


def test_overview_facet_erfaring_finds_measures_with_a_published_report(bergen):
    with_report = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    InitiativeFactory(organisation=bergen, workflow_status="publisert")
    ExperienceReportFactory(initiative=with_report, workflow_status="publisert")
    from initiatives.services.experience import _sync_flag

    _sync_flag(with_report.pk)
    from django.contrib.auth.models import AnonymousUser

    result = overview(query=RequestFactory().get("/tiltak/?erfaring=ja").GET, user=AnonymousUser())
    assert [m.pk for m in result.page.object_list] == [with_report.pk]
    facet = next(f for f in result.facets if f.name == "erfaring")
    assert [(o.value, o.count) for o in facet.options] == [("ja", 1)]


def test_the_list_shows_published_reports_with_the_measures_facets(bergen):
    oslo = Organisation.objects.get(municipality_id="0301")
    in_bergen = ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen, workflow_status="publisert"),
        workflow_status="publisert",
        title="Turnus i Bergen",
    )
    ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=oslo, workflow_status="publisert"),
        workflow_status="publisert",
        title="Skjema i Oslo",
    )
    ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen, workflow_status="publisert"),
        title="Utkast i Bergen",
    )
    everything = _list()
    assert everything.total == 2
    counties = next(f for f in everything.facets if f.name == "fylke")
    assert {o.value: o.count for o in counties.options} == {"03": 1, "46": 1}
    assert "erfaring" not in {f.name for f in everything.facets}
    in_county = _list("?fylke=46")
    assert [r.pk for r in in_county.page.object_list] == [in_bergen.pk]
    # the reports' own words, with Norwegian stemming
    assert [r.title for r in _list("?q=turnusen").page.object_list] == ["Turnus i Bergen"]


def test_the_list_page_answers_with_filters_and_search(client, bergen):
    ExperienceReportFactory(
        initiative=InitiativeFactory(organisation=bergen, workflow_status="publisert"),
        workflow_status="publisert",
    )
    response = client.get("/erfaringer/?q=skjema&fylke=46&sortering=tittel")
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 erfaringsrapport" in html or "1 experience report" in html


def test_similar_initiatives_share_a_focus_area_and_words(bergen):
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Selvstyrt turnus i hjemmetjenesten",
        areas=["faglig-frihet"],
    )
    report = ExperienceReportFactory(
        initiative=measure, workflow_status="publisert", title="Turnus uten skjema"
    )
    alike = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Turnus laget av de ansatte",
        areas=["faglig-frihet", "medbestemmelse"],
    )
    InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Turnus i barnehagen",
        areas=["mindre-rapportering"],
    )
    InitiativeFactory(organisation=bergen, title="Turnus som utkast", areas=["faglig-frihet"])
    report = ExperienceReport.objects.select_related("initiative").get(pk=report.pk)
    assert [m.pk for m in similar_initiatives(report)] == [alike.pk]


def test_focus_area_page_counts_and_lists_published_work(
    client, bergen, django_assert_max_num_queries
):
    area = FocusArea.objects.get(slug="faglig-frihet")
    for status in ("pagar", "pagar", "avsluttet"):
        InitiativeFactory(
            organisation=bergen,
            workflow_status="publisert",
            lifecycle_status=status,
            areas=["faglig-frihet"],
        )
    InitiativeFactory(organisation=bergen, areas=["faglig-frihet"], title="Hemmelig utkast")
    ExperienceReportFactory(
        initiative=InitiativeFactory(
            organisation=bergen, workflow_status="publisert", areas=["faglig-frihet"]
        ),
        workflow_status="publisert",
        title="Erfaringer med frihet",
    )
    client.get(area.get_absolute_url())
    with django_assert_max_num_queries(10):
        response = client.get(area.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hemmelig utkast" not in html
    assert "Erfaringer med frihet" in html
    assert "?fokusomrade=faglig-frihet" in html
    assert ">4<" in html  # four published measures in Vestland


def test_every_focus_area_has_a_page_linked_from_home(client):
    home = client.get("/").content.decode()
    for area in FocusArea.objects.all():
        assert area.get_absolute_url() in home
        assert client.get(area.get_absolute_url()).status_code == 200


def test_editors_change_a_focus_areas_text(client, people):
    client.force_login(people["redaktor"])
    response = client.post(
        "/fokusomrader/mindre-rapportering/rediger/", {"description": "Mindre skjema, mer tid."}
    )
    assert response.status_code == 302
    assert (
        FocusArea.objects.get(slug="mindre-rapportering").description == "Mindre skjema, mer tid."
    )
    assert AuditEvent.objects.filter(action="focus_area.edited").exists()
    assert "Mindre skjema, mer tid." in client.get(response["Location"]).content.decode()


def test_all_seven_hubs_render_within_the_same_query_budget(
    client, people, bergen, django_assert_max_num_queries
):
    for area in FocusArea.objects.all():
        InitiativeFactory(organisation=bergen, workflow_status="publisert", areas=[area.slug])
    client.force_login(people["tillitsvalgt"])
    areas = list(FocusArea.objects.order_by("number"))
    assert len(areas) == 7
    for area in areas:
        client.get(area.get_absolute_url())
        # the map: the data version, cached counts; the effect figures: cached (one more)
        with django_assert_max_num_queries(13):
            response = client.get(area.get_absolute_url())
        assert response.status_code == 200
        assert area.name in response.content.decode()
