"""A new municipal employee signs up, verifies the e-mail, signs in, asks to join Bergen
kommune, is approved by its leader and switches language. Every page is checked by axe."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tillit.accounts.models import Membership, Organisation, Role

from ..factories import PASSWORD, MembershipFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

NEW_EMAIL = "kari.nordmann@bergen.kommune.no"
NEW_PASSWORD = "Tillit-i-praksis-2026"


def _sign_in(page, live_server, email, password, axe_check):
    page.goto(f"{live_server.url}/konto/login/")
    axe_check(page, "sign-in")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(password)
    page.locator("main").get_by_role("button", name="Logg inn", exact=True).click()


def test_sign_up_verify_join_approve_and_switch_language(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user

    page = new_page()
    page.goto(live_server.url + "/")
    axe_check(page, "home")
    expect(page.locator("html")).to_have_attribute("lang", "nb")

    # Keyboard: the first Tab reaches the skip link, which moves focus to the main content.
    page.keyboard.press("Tab")
    expect(page.locator(".ds-skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    page.locator("header").get_by_role("link", name="Opprett konto").click()
    expect(page).to_have_url(re.compile(r"/konto/signup/$"))
    axe_check(page, "sign-up")
    page.get_by_label("Fullt navn").fill("Kari Nordmann")
    page.get_by_label("E-post").fill(NEW_EMAIL)
    page.get_by_label("Passord (obligatorisk)", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passord (gjenta)").fill("noe-annet-helt")
    page.locator("main").get_by_role("button", name="Registrer deg").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    expect(page.locator(".ds-error-summary")).to_be_focused()
    expect(page.get_by_label("Fullt navn")).to_have_value("Kari Nordmann")
    axe_check(page, "sign-up with errors")
    page.get_by_label("Passord (obligatorisk)", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passord (gjenta)").fill(NEW_PASSWORD)
    page.locator("main").get_by_role("button", name="Registrer deg").click()

    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    axe_check(page, "verification sent")
    assert mail.outbox, "no verification e-mail was sent"
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail.outbox[-1].body).group(0)

    page.goto(link)
    axe_check(page, "confirm e-mail")
    page.locator("main").get_by_role("button", name="Bekreft").click()
    expect(page).to_have_url(re.compile(r"/mitt/$"))
    axe_check(page, "my work, new user")

    # Sign out and in again, as one does the next morning.
    page.locator("header").get_by_role("button", name="Logg ut").click()
    _sign_in(page, live_server, NEW_EMAIL, NEW_PASSWORD, axe_check)
    expect(page).to_have_url(re.compile(r"/mitt/$"))

    page.locator("header").get_by_role("link", name="Organisasjoner").click()
    axe_check(page, "organisation list")
    page.get_by_label("Søk etter navn").fill("Bergen")
    page.get_by_role("button", name="Søk").click()
    axe_check(page, "organisation search")
    page.get_by_role("link", name="Bergen kommune").click()
    axe_check(page, "organisation page")
    page.get_by_role("link", name="Be om medlemskap").click()
    axe_check(page, "join form")
    page.get_by_role("button", name="Send forespørsel").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    axe_check(page, "join form with errors")
    page.get_by_label("ansatt", exact=True).check()
    page.get_by_label("Melding til lederne").fill("Jeg jobber i hjemmetjenesten i Årstad.")
    page.get_by_role("button", name="Send forespørsel").click()
    expect(page.get_by_text("Vi har sendt forespørselen din")).to_be_visible()
    axe_check(page, "organisation page with pending request")

    # The leader approves, in a browser of their own.
    leader_page = new_page()
    _sign_in(leader_page, live_server, leader.email, PASSWORD, axe_check)
    axe_check(leader_page, "my work, leader")
    leader_page.get_by_role("link", name=re.compile("Kari Nordmann")).click()
    axe_check(leader_page, "decide request")
    leader_page.get_by_role("button", name="Godkjenn Kari Nordmann").click()
    expect(leader_page.get_by_text("Kari Nordmann er nå medlem")).to_be_visible()
    axe_check(leader_page, "members after approval")
    assert Membership.objects.filter(user__email=NEW_EMAIL, organisation=bergen).exists()

    page.goto(live_server.url + "/mitt/")
    expect(page.get_by_role("link", name="Bergen kommune")).to_be_visible()
    axe_check(page, "my work, member")

    page.get_by_role("button", name="Norsk (nynorsk)").click()
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitt arbeid")
    axe_check(page, "my work, nynorsk")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    axe_check(page, "my work, English")
