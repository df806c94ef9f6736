"""The coordinating ministry opens a round (a final deadline before the preliminary one is
pointed out at its field, the typing kept) and changes it; axe on every page."""

import pytest
from playwright.sync_api import expect

from tillit.accounts.models import Organisation, Role
from trials.models import TrialRound

from ..factories import PASSWORD, MembershipFactory
from .helpers import reflow_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinating_ministry_opens_and_changes_a_round(live_server, new_page, axe_check):
    kdd = Organisation.objects.get(short_name="KDD")
    user = MembershipFactory(organisation=kdd, roles=[Role.DEPARTEMENT]).user
    page = new_page()
    sign_in(page, live_server.url, user.email, PASSWORD)
    page.goto(live_server.url + "/forsok/")
    page.get_by_role("link", name="Administrer søknadsrundene").click()
    axe_check(page, "rounds")
    page.get_by_role("link", name="Åpne en søknadsrunde").click()
    axe_check(page, "new round")
    page.locator("#id_title").fill("Forsøksrunde 2028")
    page.locator("#id_preliminary_deadline").fill("2028-03-01")
    page.locator("#id_final_deadline").fill("2028-01-01")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("#id_final_deadline_error")).to_contain_text("må komme etter")
    expect(page.locator("#id_title")).to_have_value("Forsøksrunde 2028")
    axe_check(page, "new round with an error")
    assert reflow_problems(page) == []
    page.locator("#id_final_deadline").fill("2028-09-01")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".ds-alert").first).to_contain_text("Runden er åpnet")
    trial_round = TrialRound.objects.get()
    page.get_by_role("link", name="Endre «Forsøksrunde 2028»").click()
    page.locator("#id_max_years").fill("3")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".ds-alert").first).to_contain_text("Runden er lagret")
    axe_check(page, "rounds after the change")
    trial_round.refresh_from_db()
    assert trial_round.max_years == 3
