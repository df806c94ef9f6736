"""Adopting a published measure ("Vi vil prøve dette"): the service, its policy, the pages
on both sides and the e-mail to the source's leaders once the adopted measure is public."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile

from initiatives import services
from initiatives.models import (
    Attachment,
    Initiative,
    InitiativeRelation,
    RelationKind,
    WorkflowStatus,
)
from tillit.accounts.models import Organisation, Role
from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trondheim(db):
    return Organisation.objects.get(municipality_id="5001")


@pytest.fixture
def source(bergen, people, trondheim):
    """A published Bergen measure with everything that must not travel."""
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status=WorkflowStatus.PUBLISERT,
        title="Samordnet tilsyn i helsetjenesten",
        kind="forsok",
        sector="helse_omsorg",
        areas=["tilsyn-og-kontroll", "mindre-rapportering"],
        goal_resources="Ledertid",
        goal_outputs="Ett tilsyn i året",
        contact_name="Kari Kontakt",
        contact_email="kari@bergen.kommune.no",
        publish_contact=True,
        participants=["tillitsvalgte"],
        created_by=people["ansatt"],
    )
    measure.partners.add(trondheim)
    Attachment.objects.create(
        initiative=measure,
        file=ContentFile(b"%PDF-1.4 test", name="plan.pdf"),
        original_name="plan.pdf",
        content_type="application/pdf",
        size=13,
    )
    return measure


def test_pressing_the_button_twice_makes_one_draft(client, source, people, trondheim):
    client.force_login(people["leder_annen"])
    first = client.post(f"/tiltak/{source.pk}/prov-dette/", {"organisation": trondheim.pk})
    second = client.post(f"/tiltak/{source.pk}/prov-dette/", {"organisation": trondheim.pk})
    draft = Initiative.objects.get(organisation=trondheim)
    assert first["Location"] == second["Location"] == f"/tiltak/{draft.pk}/rediger/"
    assert InitiativeRelation.objects.count() == 1


def test_adopting_makes_a_linked_draft_with_only_what_travels(source, people, trondheim):
    leader = people["leder_annen"]
    draft = services.initiative_adopt(source=source, organisation=trondheim, by=leader)

    assert draft.organisation == trondheim and draft.workflow_status == WorkflowStatus.UTKAST
    assert (draft.title, draft.summary, draft.kind, draft.sector) == (
        source.title,
        source.summary,
        "forsok",
        "helse_omsorg",
    )
    assert (draft.goal_resources, draft.goal_outputs) == ("Ledertid", "Ett tilsyn i året")
    links = list(draft.focus_area_links.order_by("-is_primary", "focus_area__number"))
    assert links[0].focus_area.slug == "tilsyn-og-kontroll" and links[0].is_primary
    assert {link.focus_area.slug for link in links} == {"tilsyn-og-kontroll", "mindre-rapportering"}
    # never contacts, attachments, partners, participants or the description
    assert draft.contact_name == draft.contact_email == "" and not draft.publish_contact
    assert not draft.attachments.exists() and not draft.partners.exists()
    assert draft.participants == [] and draft.description == ""
    assert draft.created_by == leader
    relation = InitiativeRelation.objects.get()
    assert (relation.initiative, relation.other, relation.kind) == (
        draft,
        source,
        RelationKind.BYGGER_PA,
    )
    event = AuditEvent.objects.get(action="initiative.adopted")
    assert event.details == {"source": source.pk} and event.organisation_id == trondheim.pk
    assert draft.changes.get().action == "created"


@pytest.mark.parametrize("role", ["ansatt", "leder", "tillitsvalgt", "departement", "outsider"])
def test_those_who_cannot_write_elsewhere_cannot_adopt(source, people, bergen, trondheim, role):
    """Bergen's own staff and leaders write only for the source's owner."""
    for organisation in (bergen, trondheim):
        with pytest.raises(PermissionDenied):
            services.initiative_adopt(source=source, organisation=organisation, by=people[role])
    assert Initiative.objects.count() == 1


def test_only_published_measures_are_adopted_and_only_into_own_organisations(
    people, bergen, trondheim, source
):
    draft = InitiativeFactory(organisation=bergen)
    with pytest.raises(PermissionDenied):
        services.initiative_adopt(source=draft, organisation=trondheim, by=people["leder_annen"])
    oslo = Organisation.objects.get(municipality_id="0301")
    with pytest.raises(PermissionDenied):  # not a member there
        services.initiative_adopt(source=source, organisation=oslo, by=people["leder_annen"])
    with pytest.raises(PermissionDenied):  # the source's own organisation
        services.initiative_adopt(source=source, organisation=bergen, by=people["redaktor"])
    assert not InitiativeRelation.objects.exists()


def _complete(draft):
    Initiative.objects.filter(pk=draft.pk).update(
        description="Slik gjør vi det i Trondheim.",
        lifecycle_status="planlagt",
        start_date=dt.date(2025, 1, 1),
        trust_relations=["stat_kommune"],
    )
    draft.refresh_from_db()
    return draft


def test_adopt_end_to_end_with_links_on_both_pages_and_the_leaders_told(
    client, source, people, trondheim, django_capture_on_commit_callbacks
):
    leader = people["leder_annen"]
    client.force_login(leader)
    page = client.get(source.get_absolute_url()).content.decode()
    assert f'action="/tiltak/{source.pk}/prov-dette/"' in page
    assert "Vi vil prøve dette" in page

    response = client.post(f"/tiltak/{source.pk}/prov-dette/", follow=True)
    draft = Initiative.objects.get(organisation=trondheim)
    assert response.redirect_chain[-1][0] == f"/tiltak/{draft.pk}/rediger/"
    assert f"«{source.title}»" in response.content.decode()  # the message
    assert not mail.outbox  # a draft is private: nobody is told yet

    own_page = client.get(draft.get_absolute_url()).content.decode()
    assert "Bygger på" in own_page and source.get_absolute_url() in own_page
    # Trondheim sees its own draft on the source; the public and Bergen do not
    assert draft.get_absolute_url() in client.get(source.get_absolute_url()).content.decode()
    client.logout()
    public = client.get(source.get_absolute_url()).content.decode()
    assert draft.get_absolute_url() not in public and "Prøvd videre av" not in public

    draft = _complete(draft)
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_submit(initiative=draft, by=leader)
        services.initiative_publish(initiative=draft, by=leader)
    told = [m for m in mail.outbox if people["leder"].email in m.to]
    assert len(told) == 1
    assert "Trondheim kommune" in told[0].body and source.title in told[0].subject
    assert draft.get_absolute_url() in told[0].body

    public = client.get(source.get_absolute_url()).content.decode()
    assert "Prøvd videre av 1 tiltak" in public and draft.get_absolute_url() in public

    # published again after being taken down: the leaders were told already
    with django_capture_on_commit_callbacks(execute=True):
        services.initiative_unpublish(initiative=draft, by=people["redaktor"], reason="Feil")
        services.initiative_submit(initiative=draft, by=leader)
        services.initiative_publish(initiative=draft, by=leader)
    assert len([m for m in mail.outbox if people["leder"].email in m.to]) == 1


def test_someone_writing_for_several_organisations_picks_one(client, source, trondheim):
    oslo = Organisation.objects.get(municipality_id="0301")
    person = MembershipFactory(organisation=trondheim, roles=[Role.ANSATT]).user
    MembershipFactory(organisation=oslo, user=person, roles=[Role.LEDER])
    client.force_login(person)

    response = client.post(f"/tiltak/{source.pk}/prov-dette/")
    assert response.status_code == 200 and not Initiative.objects.filter(organisation=oslo)
    picker = response.content.decode()
    assert "Oslo kommune" in picker and "Trondheim kommune" in picker
    assert "error-summary" not in picker

    bergen_pk = source.organisation_id
    response = client.post(f"/tiltak/{source.pk}/prov-dette/", {"organisation": bergen_pk})
    assert response.status_code == 200 and Initiative.objects.count() == 1
    assert response.context["form"].errors["organisation"]

    response = client.post(f"/tiltak/{source.pk}/prov-dette/", {"organisation": oslo.pk})
    draft = Initiative.objects.get(organisation=oslo)
    assert response.status_code == 302 and response.url == f"/tiltak/{draft.pk}/rediger/"


@pytest.mark.parametrize(
    ("role", "expected"), [("outsider", 404), ("ansatt", 404), ("tillitsvalgt", 404)]
)
def test_adopting_outside_scope_answers_404(client, source, people, role, expected):
    client.force_login(people[role])
    assert client.post(f"/tiltak/{source.pk}/prov-dette/").status_code == expected
    assert Initiative.objects.count() == 1


def test_a_draft_cannot_be_adopted_through_its_address(client, people, bergen):
    draft = InitiativeFactory(organisation=bergen)
    client.force_login(people["leder_annen"])
    assert client.post(f"/tiltak/{draft.pk}/prov-dette/").status_code == 404
    assert client.get(f"/tiltak/{draft.pk}/").status_code == 404


def test_the_button_shows_only_to_those_who_may_adopt(client, source, people):
    for role, shown in [("leder_annen", True), ("ansatt", False), ("tillitsvalgt", False)]:
        client.force_login(people[role])
        page = client.get(source.get_absolute_url()).content.decode()
        assert ("prov-dette" in page) is shown, role
    client.logout()
    assert "prov-dette" not in client.get(source.get_absolute_url()).content.decode()
