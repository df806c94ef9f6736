import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from initiatives import services
from initiatives.models import FocusArea, Initiative, InitiativeChange, WorkflowStatus
from initiatives.services.records import InitiativeInput
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _input(**values):
    areas = list(FocusArea.objects.filter(slug="faglig-frihet"))
    return InitiativeInput(values={"title": "Tillitsbasert turnus", **values}, focus_areas=areas)


def test_a_draft_needs_only_a_title(people, bergen):
    initiative = services.initiative_create(organisation=bergen, by=people["ansatt"], data=_input())
    assert initiative.workflow_status == WorkflowStatus.UTKAST
    assert initiative.changes.get().action == "created"
    assert AuditEvent.objects.filter(action="initiative.created").exists()


def test_submitting_an_incomplete_measure_saves_nothing(people, bergen):
    with pytest.raises(ValidationError) as error:
        services.initiative_create(
            organisation=bergen, by=people["ansatt"], data=_input(), submit=True
        )
    assert {"summary", "description", "kind", "sector"} <= set(error.value.message_dict)
    assert not Initiative.objects.exists()


@pytest.mark.parametrize("role", ["tillitsvalgt", "departement", "leder_annen", "outsider"])
def test_only_staff_and_leaders_of_the_organisation_register(people, bergen, role):
    with pytest.raises(PermissionDenied):
        services.initiative_create(organisation=bergen, by=people[role], data=_input())


def test_full_workflow_with_mail_history_and_union_confirmation(
    people, bergen, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(organisation=bergen, created_by=people["ansatt"])
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_submit(initiative=initiative, by=people["ansatt"])
    assert mail.outbox[-1].to == [people["leder"].email]

    with pytest.raises(PermissionDenied):
        services.initiative_publish(initiative=initiative, by=people["ansatt"])
    with pytest.raises(ValidationError):
        services.initiative_return(initiative=initiative, by=people["leder"], note=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_return(initiative=initiative, by=people["leder"], note="Mer om mål")
    initiative.refresh_from_db()
    assert initiative.workflow_status == WorkflowStatus.UTKAST
    assert initiative.review_note == "Mer om mål"
    assert mail.outbox[-1].to == [people["ansatt"].email]
    assert "Mer om mål" in mail.outbox[-1].body

    services.initiative_submit(initiative=initiative, by=people["ansatt"])
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_publish(initiative=initiative, by=people["leder"])
    initiative.refresh_from_db()
    assert initiative.is_published and initiative.published_at
    assert "publisert" in mail.outbox[-1].subject.lower()

    services.initiative_assess(
        initiative=initiative, by=people["tillitsvalgt"], assessment="bekreftet", text="Vi var med"
    )
    initiative.refresh_from_db()
    assert initiative.union_assessment == "bekreftet"
    assert initiative.union_assessment_union == "Fagforbundet"
    actions = list(initiative.changes.values_list("action", flat=True))
    assert actions[:5] == ["assessed", "published", "submitted", "returned", "submitted"]


def test_editing_a_published_measure_goes_live_is_recorded_and_leaders_are_told(
    people, bergen, django_capture_on_commit_callbacks
):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_update(
            initiative=initiative,
            by=people["ansatt"],
            data=_input(title="Ny tittel", summary="Kortere", description="Ny tekst"),
            expected_version=initiative.version,
        )
    initiative.refresh_from_db()
    assert initiative.title == "Ny tittel" and initiative.is_published
    change = initiative.changes.get(action="edited")
    assert change.fields["title"][1] == "Ny tittel"
    assert change.actor_name == people["ansatt"].display_name
    assert mail.outbox[-1].to == [people["leder"].email]


def test_published_measure_cannot_be_emptied(people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with pytest.raises(ValidationError):
        services.initiative_update(
            initiative=initiative,
            by=people["ansatt"],
            data=_input(summary="", description=""),
            expected_version=initiative.version,
        )
    initiative.refresh_from_db()
    assert initiative.summary


def test_second_save_with_a_stale_version_is_refused(people, bergen):
    initiative = InitiativeFactory(organisation=bergen)
    opened_version = initiative.version
    services.initiative_update(
        initiative=initiative,
        by=people["leder"],
        data=_input(title="Lederens tittel"),
        expected_version=opened_version,
    )
    with pytest.raises(services.ConcurrentEditError):
        services.initiative_update(
            initiative=initiative,
            by=people["ansatt"],
            data=_input(title="Den ansattes tittel"),
            expected_version=opened_version,
        )
    initiative.refresh_from_db()
    assert initiative.title == "Lederens tittel"


def test_primary_focus_area_is_stored_and_other_areas_too(people, bergen):
    areas = list(FocusArea.objects.filter(slug__in=["faglig-frihet", "medbestemmelse"]))
    data = _input()
    data.focus_areas, data.primary_focus_area = areas, areas[1]
    initiative = services.initiative_create(organisation=bergen, by=people["ansatt"], data=data)
    primary = initiative.focus_area_links.get(is_primary=True)
    assert primary.focus_area == areas[1]
    assert initiative.focus_area_links.count() == 2


def test_editor_unpublishes_with_a_reason_and_leader_archives(people, bergen):
    initiative = InitiativeFactory(organisation=bergen, workflow_status="publisert")
    with pytest.raises(PermissionDenied):
        services.initiative_unpublish(initiative=initiative, by=people["leder"], reason="x")
    services.initiative_unpublish(initiative=initiative, by=people["redaktor"], reason="Feil")
    initiative.refresh_from_db()
    assert initiative.workflow_status == WorkflowStatus.UTKAST
    assert InitiativeChange.objects.get(action="unpublished").note == "Feil"
    services.initiative_archive(initiative=initiative, by=people["leder"])
    initiative.refresh_from_db()
    assert initiative.workflow_status == WorkflowStatus.ARKIVERT
    assert not Initiative.objects.visible_to(people["outsider"]).filter(pk=initiative.pk).exists()


def test_ministry_sees_pending_measures_of_its_agencies_only(people, ministry):
    from ..factories import OrganisationFactory

    agency = OrganisationFactory(parent_ministry=ministry)
    other_agency = OrganisationFactory()
    mine = InitiativeFactory(organisation=agency, workflow_status="til_godkjenning")
    InitiativeFactory(organisation=other_agency, workflow_status="til_godkjenning")
    InitiativeFactory(organisation=agency, workflow_status="utkast")
    visible = Initiative.objects.visible_to(people["departement"])
    assert list(visible) == [mine]


def test_a_failing_mail_server_never_loses_the_submission(
    people, bergen, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    initiative = InitiativeFactory(organisation=bergen, created_by=people["ansatt"])
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_submit(initiative=initiative, by=people["ansatt"])
    initiative.refresh_from_db()
    assert initiative.workflow_status == WorkflowStatus.TIL_GODKJENNING
