"""Reflow (WCAG 1.4.10) on a phone: the overview, the statistics and a measure's page fit 320
and 375 CSS pixels without sideways scrolling, with a header that folds its menu away. The
accessibility crawl makes the same check on every page; these are the quick, named cases."""

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from initiatives.models import Initiative

from .helpers import reflow_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONES = [{"width": 320, "height": 568}, {"width": 375, "height": 667}]


@pytest.fixture
def demo_data():
    call_command("seed_demo", initiatives=20, allow_nondebug=True, stdout=StringIO())


def test_overview_statistics_and_a_measure_reflow_on_phones(live_server, new_page, demo_data):
    measure = Initiative.objects.filter(workflow_status="publisert").order_by("pk").first()
    page = new_page()
    for path in ["/tiltak/", "/statistikk/", measure.get_absolute_url()]:
        page.goto(live_server.url + path)
        for phone in PHONES:
            assert reflow_problems(page, phone) == [], (path, phone)


def test_statistics_tables_scroll_in_their_own_labelled_region(live_server, new_page, demo_data):
    page = new_page()
    page.set_viewport_size(PHONES[0])
    page.goto(f"{live_server.url}/statistikk/")
    region = page.get_by_role("region", name="Tabell: Fokusområder etter fylke")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")  # the table is wider
    region.focus()  # and a keyboard can reach it to scroll it
    expect(region).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_menu_folds_on_a_phone_and_opens_without_javascript(live_server, browser):
    context = browser.new_context(viewport=PHONES[0], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/tiltak/")
    menu = page.locator(".site-header summary")
    statistics = page.locator(".site-header").get_by_role("link", name="Statistikk")
    expect(statistics).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] < 568 / 3
    menu.focus()
    page.keyboard.press("Enter")
    expect(statistics).to_be_visible()
    statistics.click()
    expect(page).to_have_url(f"{live_server.url}/statistikk/")
    context.close()

    # On a wide screen the menu is open without a click, and its button is gone.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/tiltak/")
    expect(page.locator(".site-header summary")).to_be_hidden()
    expect(page.locator(".site-header").get_by_role("link", name="Statistikk")).to_be_visible()
    context.close()


def test_a_phone_can_skip_the_long_filters_to_the_results(live_server, new_page, demo_data):
    page = new_page()
    page.goto(f"{live_server.url}/tiltak/")
    skip = page.get_by_role("link", name="Hopp over filtrene og gå til treffene")
    expect(skip).to_be_hidden()  # beside the results on a wide screen, nothing to skip
    page.set_viewport_size(PHONES[0])
    expect(skip).to_be_visible()
    skip.click()
    expect(page).to_have_url(f"{live_server.url}/tiltak/#results-heading")
    assert page.locator("#results-heading").bounding_box()["y"] < PHONES[0]["height"] / 2


def test_the_filters_fold_on_a_phone_and_open_without_javascript(live_server, browser, demo_data):
    context = browser.new_context(viewport=PHONES[1], java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/tiltak/")
    search, toggle = page.get_by_role("searchbox", name="Søk"), page.get_by_text("Flere filtre")
    first_box = page.locator(".overview__more input[type=checkbox]").first
    expect(search).to_be_visible()  # the search stays out; the facets fold away
    expect(first_box).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(first_box).to_be_visible()
    first_box.check()
    page.get_by_role("button", name="Vis tiltak").click()
    expect(page.get_by_text("Flere filtre (1 valgt)")).to_be_visible()
    context.close()

    # On a wide screen the facets are open without a click, and the button is gone.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/tiltak/")
    expect(page.locator(".overview__more-toggle")).to_be_hidden()
    expect(page.locator(".overview__more input[type=checkbox]").first).to_be_visible()
    context.close()


def test_the_opened_filters_stay_open_while_htmx_updates_them(
    live_server, new_page, demo_data, axe_check
):
    page = new_page()
    for phone in PHONES:
        page.set_viewport_size(phone)
        page.goto(f"{live_server.url}/tiltak/")
        axe_check(page, f"/tiltak/ at {phone['width']} px, filters folded")
        page.locator(".overview__more-toggle").click()
        boxes = page.locator(".overview__more input[type=checkbox]")
        with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
            boxes.first.check()
        expect(page.get_by_text("Flere filtre (1 valgt)")).to_be_visible()
        expect(boxes.nth(1)).to_be_visible()  # still open: the next box can be ticked
        expect(boxes.first).to_be_focused()
        axe_check(page, f"/tiltak/ at {phone['width']} px, filters open")
        assert reflow_problems(page, phone) == []
