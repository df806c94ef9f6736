"""Keyboard only, no mouse: a staff member registers a measure and a visitor filters the
overview. Every Tab lands on something with a visible focus indicator, a failed submit moves
focus to the error summary and its links to the fields, and new filter results are read out."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.models import Initiative
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, MembershipFactory
from .helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# '' when the focused element shows a focus indicator (an outline or a focus ring drawn with a
# box shadow), on itself or, as Designsystemet does for checkboxes and radios, on the field
# around it; otherwise a description of it.
FOCUS_PROBLEM = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return 'focus is on the page itself';
  // On a date field's own calendar button, inside the browser's control, the browser draws it.
  if (focused.matches('input[type=date]') && !focused.matches(':focus')) return '';
  const ringed = (el) => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow && style.boxShadow !== 'none');
  };
  const field = focused.closest('.ds-field');
  return ringed(focused) || (field && ringed(field)) ? '' : focused.outerHTML.slice(0, 160);
}"""


def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until ``selector`` has focus, checking the focus is visible at every stop."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        problem = page.evaluate(FOCUS_PROBLEM)
        assert not problem, f"no visible focus on {problem}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


@pytest.fixture
def keyboard_page(browser):
    """A Norwegian browser, so dates are typed day first."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def fill_from_keyboard(page) -> None:
    """Answer each field the error summary names, reaching it through the summary's link."""
    targets = page.eval_on_selector_all(
        "[data-error-summary] a[href^='#']", "links => links.map(a => a.getAttribute('href'))"
    )
    assert targets, "the error summary links to the fields"
    for index, target in enumerate(targets):
        page.locator("[data-error-summary]").focus()
        tab_to(page, f"[data-error-summary] li:nth-child({index + 1}) a")
        page.keyboard.press("Enter")
        kind = page.evaluate(
            "() => { const el = document.activeElement;"
            " return el.tagName === 'INPUT' ? el.type : el.tagName.toLowerCase(); }"
        )
        assert kind != "body", f"the link to {target} put the focus in no field"
        if target in ("#id_start_date", "#id_end_date"):  # a date, a month or a year
            page.keyboard.type("02.2025")
        elif kind in ("text", "textarea", "email", "url"):
            page.keyboard.type("Samlet vedtak i hjemmetjenesten")
        elif kind == "date":
            page.keyboard.type("01022025")
        elif kind == "select":
            page.keyboard.press("ArrowDown")
        elif kind in ("checkbox", "radio"):
            page.keyboard.press("Space")
        else:
            raise AssertionError(f"no keyboard answer for a {kind} at {target}")


def test_register_a_measure_with_the_keyboard(live_server, keyboard_page):
    bergen = Organisation.objects.get(municipality_id="4601")
    staff = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    page = keyboard_page
    sign_in(page, live_server.url, staff.email, PASSWORD)

    tab_to(page, "main a[href='/tiltak/ny/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tiltak/ny/")

    # Sending the empty form: the errors come first, and focus is on them.
    tab_to(page, "button[name=action][value=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert focused(page, "[data-error-summary]")

    # Each link in the summary takes the cursor to its field; what was typed stays when the
    # form comes back with errors again, so repeat until nothing is missing.
    for _attempt in range(3):
        fill_from_keyboard(page)
        tab_to(page, "button[name=action][value=submit]")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if not page.locator("[data-error-summary]").count():
            break
        assert focused(page, "[data-error-summary]")
    expect(page.locator("h1")).to_have_text("Samlet vedtak i hjemmetjenesten")
    measure = Initiative.objects.get()
    assert measure.workflow_status == "til_godkjenning"
    assert measure.organisation == bergen


def test_filter_the_overview_with_the_keyboard(live_server, keyboard_page):
    bergen = Organisation.objects.get(municipality_id="4601")
    for kind, title in [("pilot", "Turnus uten skjema"), ("prosjekt", "Færre rapporter")]:
        InitiativeFactory(organisation=bergen, kind=kind, title=title, workflow_status="publisert")
    page = keyboard_page
    page.goto(f"{live_server.url}/tiltak/")

    # The first Tab shows the skip link; it moves focus to the main content.
    tab_to(page, "a.ds-skip-link", limit=1)
    page.keyboard.press("Enter")
    assert focused(page, "main")

    tab_to(page, "#f-type-pilot")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"type=pilot"))
    # The new count is read out from the live region, and focus stays on the box just ticked.
    expect(page.locator("#live-announcer")).to_have_text("1 tiltak")
    expect(page.locator("#results-heading")).to_have_text("1 tiltak")
    assert focused(page, "#f-type-pilot")

    page.keyboard.press("Space")  # untick: both again
    expect(page.locator("#live-announcer")).to_have_text("2 tiltak")
    page.goto(f"{live_server.url}/tiltak/")
    tab_to(page, "#id_q")
    page.keyboard.type("rapporter")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"q=rapporter"))
    expect(page.locator("#live-announcer")).to_have_text("1 tiltak")
    tab_to(page, "main .result a")
    expect(page.locator("main .result a").first).to_have_text("Færre rapporter")
