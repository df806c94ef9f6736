"""A leader in Trondheim finds a measure of Bergen, says «Vi vil prøve dette», gets a draft
of their own that builds on it, connects it to a programme, and once it is published the public
sees «Prøvd videre av» on Bergen's page and the spread on the statistics page; someone who
writes for two organisations picks one first. Every page visited is checked by axe."""

import datetime as dt

import pytest
from django.core import mail
from playwright.sync_api import expect

from initiatives import services
from initiatives.models import Initiative, InitiativeRelation
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, MembershipFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_adopt_connect_publish_and_see_it_spread(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    trondheim = Organisation.objects.get(municipality_id="5001")
    bergen_leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
    leader = MembershipFactory(organisation=trondheim, roles=[Role.LEDER]).user
    source = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Samordnet tilsyn i hjemmetjenesten",
        contact_name="Kari Kontakt",
    )
    programme_peer = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title="Felles tilsynsplan"
    )

    page = new_page()
    sign_in(page, live_server.url, leader.email, PASSWORD)
    page.goto(live_server.url + source.get_absolute_url())
    axe_check(page, "measure with the adopt button")
    page.get_by_role("button", name="Vi vil prøve dette").click()
    expect(page.locator(".ds-alert").first).to_contain_text("Trondheim kommune")
    axe_check(page, "the adopted draft's form")
    draft = Initiative.objects.get(organisation=trondheim)
    assert draft.contact_name == ""
    expect(page.locator("#id_title")).to_have_value(source.title)

    page.goto(live_server.url + draft.get_absolute_url())
    expect(page.locator("#builds-on-heading")).to_have_text("Bygger på")
    axe_check(page, "the draft builds on the source")
    page.get_by_role("link", name="Endre sammenhengene").click()
    axe_check(page, "connections page")
    page.locator("input[name=kind][value=samme_nettverk]").check()
    page.locator("#id_other").fill("finnes ikke")
    page.get_by_role("button", name="Legg til sammenhengen").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("#id_other")).to_have_value("finnes ikke")
    axe_check(page, "connections page with an error")
    page.locator("#id_other").fill(live_server.url + programme_peer.get_absolute_url())
    page.locator("#id_network_name").fill("Tilsynsnettverket i Midt-Norge")
    page.get_by_role("button", name="Legg til sammenhengen").click()
    expect(page.locator(".connection-list")).to_contain_text("Felles tilsynsplan")
    axe_check(page, "connections page with a connection")
    assert InitiativeRelation.objects.count() == 2

    # Trondheim completes and publishes it; Bergen's leaders are told
    Initiative.objects.filter(pk=draft.pk).update(
        description="Slik gjør vi det.",
        lifecycle_status="planlagt",
        start_date=dt.date(2025, 1, 1),
        trust_relations=["stat_kommune"],
    )
    services.initiative_submit(initiative=draft, by=leader)
    services.initiative_publish(initiative=draft, by=leader)
    assert [m.to for m in mail.outbox if bergen_leader.email in m.to] == [[bergen_leader.email]]

    public = new_page()
    public.goto(live_server.url + source.get_absolute_url())
    expect(public.locator("#built-upon-heading")).to_have_text("Prøvd videre av 1 tiltak")
    axe_check(public, "the source tried further")
    public.locator("#built-upon-heading + ul a").click()
    expect(public.locator("h1")).to_have_text(source.title)
    expect(public.locator("#networks-heading")).to_be_visible()
    axe_check(public, "the adopted measure, public")
    public.goto(live_server.url + "/statistikk/")
    expect(public.locator("#spredning")).to_be_visible()
    expect(public.locator(".spread")).to_contain_text("1")
    axe_check(public, "statistics with the spread")


def test_someone_writing_for_two_organisations_picks_one(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    trondheim = Organisation.objects.get(municipality_id="5001")
    oslo = Organisation.objects.get(municipality_id="0301")
    person = MembershipFactory(organisation=trondheim, roles=[Role.ANSATT]).user
    MembershipFactory(organisation=oslo, user=person, roles=[Role.ANSATT])
    source = InitiativeFactory(organisation=bergen, workflow_status="publisert")

    page = new_page()
    sign_in(page, live_server.url, person.email, PASSWORD)
    page.goto(live_server.url + source.get_absolute_url())
    page.get_by_role("button", name="Vi vil prøve dette").click()
    expect(page.locator("h1")).to_contain_text(source.title)
    axe_check(page, "which organisation")
    page.get_by_label("Oslo kommune").check()
    page.get_by_role("button", name="Lag utkastet").click()
    expect(page.locator("#id_title")).to_have_value(source.title)
    assert Initiative.objects.filter(organisation=oslo).count() == 1
