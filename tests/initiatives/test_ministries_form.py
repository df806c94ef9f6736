"""The measure form's responsible ministries and participating organisations: written
through the services, recorded in the history, suggested from the sector."""

import pytest
from django.utils import translation

from initiatives.models import Initiative, InitiativeChange
from initiatives.selectors import initiative_history
from initiatives.services.records import InitiativeInput, initiative_create
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory, MembershipFactory, OrganisationFactory
from .test_views import _full_form

pytestmark = pytest.mark.django_db


def _org(**where) -> Organisation:
    return Organisation.objects.get(**where)


def test_a_new_measure_saves_its_ministries_and_participants(client, people, bergen):
    hod, kd = _org(short_name="HOD"), _org(short_name="KD")
    oslo = _org(municipality_id="0301")
    client.force_login(people["ansatt"])
    data = _full_form(
        bergen,
        responsible_ministries=[hod.pk, kd.pk],
        participating_organisations=[oslo.pk, bergen.pk],  # the owner itself is left out
    )
    assert client.post("/tiltak/ny/", data).status_code == 302
    initiative = Initiative.objects.get()
    assert set(initiative.responsible_ministries.all()) == {hod, kd}
    assert list(initiative.participating_organisations.all()) == [oslo]
    initiative.refresh_from_db()
    assert initiative.municipality_numbers == ["0301", "4601"]


def test_changes_to_them_are_recorded_in_the_history(client, people, bergen):
    initiative = InitiativeFactory(organisation=bergen, title="Delt tjeneste")
    client.force_login(people["ansatt"])
    form = client.get(f"/tiltak/{initiative.pk}/rediger/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        _full_form(bergen, action="save", version=initiative.version),
        responsible_ministries=[_org(short_name="KD").pk],
        participating_organisations=[_org(municipality_id="5001").pk],
    )
    data.pop("organisation")
    response = client.post(f"/tiltak/{initiative.pk}/rediger/", data)
    assert response.status_code == 302
    change = InitiativeChange.objects.filter(initiative=initiative).latest("pk")
    assert change.fields["responsible_ministries"] == [[], ["Kunnskapsdepartementet"]]
    assert change.fields["participating_organisations"] == [[], ["Trondheim kommune"]]
    with translation.override("en"):
        rows = initiative_history(initiative)[0]["rows"]
    assert ("responsible ministries", "–", "Kunnskapsdepartementet") in rows
    assert ("participating organisations", "–", "Trondheim kommune") in rows


def test_a_state_agencys_new_measure_has_its_owning_ministry(ministry):
    agency = OrganisationFactory(parent_ministry=ministry)
    leader = MembershipFactory(organisation=agency, roles=["leder"]).user
    initiative = initiative_create(
        organisation=agency, by=leader, data=InitiativeInput(values={"title": "Ny styring"})
    )
    assert list(initiative.responsible_ministries.all()) == [ministry]


def test_the_form_preselects_an_agencys_owning_ministry(client, ministry):
    agency = OrganisationFactory(parent_ministry=ministry)
    leader = MembershipFactory(organisation=agency, roles=["leder"]).user
    client.force_login(leader)
    form = client.get("/tiltak/ny/").context["form"]
    assert form["responsible_ministries"].value() == [ministry.pk]
    assert form.ministry_suggestions()["owners"] == {str(agency.pk): ministry.pk}


def test_the_sector_suggests_ministries_as_a_hint(client, people, bergen):
    client.force_login(people["ansatt"])
    html = client.post("/tiltak/ny/", _full_form(bergen, title="", sector="helse_omsorg"))
    page = html.content.decode()
    assert "Helse- og omsorgsdepartementet" in page.split('id="ministry-suggestion"')[1][:300]
    suggestions = html.context["form"].ministry_suggestions()
    assert suggestions["sectors"]["helse_omsorg"] == [_org(short_name="HOD").pk]
    assert suggestions["tick"] is True


def test_only_ministries_can_be_responsible(client, people, bergen):
    client.force_login(people["ansatt"])
    response = client.post("/tiltak/ny/", _full_form(bergen, responsible_ministries=[bergen.pk]))
    assert response.status_code == 200
    assert "id_responsible_ministries_error" in response.content.decode()
    assert not Initiative.objects.exists()
