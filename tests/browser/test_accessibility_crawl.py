"""The accessibility crawl: every page each role can reach has zero axe violations, and
reflows at 320 CSS pixels (WCAG 1.4.10).

On the demo data, the crawl signs in as each demo role (and as a newcomer without an
organisation, and not at all), follows every link on the portal's own pages, checks each kind
of page (one per route and set of query parameters) in bokmål with axe-core, submits its first
form with required fields empty to check the error state, and then checks every kind of page
once more in nynorsk and English
(as the first identity that reached it). WCAG 2.0 and 2.1 A and AA, no rule disabled, no region
excluded. Every page is also looked at 320 px wide (a phone, or 1280 px at 400 % zoom): no
sideways scrolling, a header lower than a third of the screen, no heading that breaks a word;
in bokmål axe checks each kind of page at that width too, as the first identity that reached
it (the phone layout is the same CSS for every role; the desktop check runs for each role).
The Django admin is left out: it is Django's own and the accessibility statement names it as
a known gap.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from io import StringIO
from urllib.parse import parse_qsl, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.urls import Resolver404, resolve

from ..factories import PASSWORD as NEWCOMER_PASSWORD
from ..factories import UserFactory
from .conftest import WCAG_TAGS
from .helpers import PHONE, REFLOW_PROBLEMS, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "tillit-demo-2026"
ROLES = ["ansatt", "leder", "tillitsvalgt", "departement", "redaktor"]
NEWCOMER = "nykommer@example.no"
# Entry points besides the links: empty states the demo data does not link to.
STARTS = ["/", "/mitt/", "/tiltak/?q=finnesikkeiportalen", "/erfaringer/?q=finnesikkeiportalen"]
# Not pages: files, feeds, JSON, probes, and what ends the session or leaves the portal.
SKIPPED_PREFIXES = ("/admin/", "/i18n/", "/static/", "/media/", "/konto/logout/", "/feed/")
SKIPPED_SUFFIXES = (".csv", ".xlsx", ".json", ".jsonld", "/schema/", "/healthz", "/readyz")
SKIPPED_ROUTES = {"initiatives:attachment"}
JSON_API = "/api/v1/"
API_PAGES = {"/api/v1/", "/api/v1/dokumentasjon/"}
MOST_PAGES_PER_ROLE = 120
# A route with many query parameters (the overview's facets) is checked with this many sets.
VARIANTS_PER_ROUTE = 3

# The first visible POST form with required text fields: the page's error state is that form
# submitted with those fields empty, past the browser's own validation, so the server's error
# summary shows.
EMPTY_FORM = """(submit) => {
  const textual = 'input:not([type]), input[type=text], input[type=email], input[type=password],'
    + ' input[type=url], input[type=number], input[type=date], input[type=search], textarea';
  for (const form of document.querySelectorAll('main form')) {
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'post') continue;
    if (form.offsetParent === null) continue;
    const required = [...form.querySelectorAll('[required]')].filter(el => el.matches(textual));
    if (!required.length) continue;
    if (submit) {
      required.forEach(el => { el.value = ''; });
      form.noValidate = true;
      setTimeout(() => form.requestSubmit(), 0);  // after evaluate() has returned
    }
    const htmx = form.hasAttribute('hx-post') || form.closest('[hx-boost=true]');
    return htmx ? 'htmx' : 'page';
  }
  return null;
}"""


@dataclass
class Crawl:
    """What one identity reached, and what axe found."""

    identity: str
    kinds: dict[str, str] = field(default_factory=dict)  # kind of page → first URL
    violations: list[str] = field(default_factory=list)
    error_states: int = 0


def kind_of(url: str) -> str | None:
    """The route and the names of the query parameters: one page of each kind is checked.
    None for what is not a page of the portal."""
    parts = urlsplit(url)
    path = parts.path
    if parts.netloc and parts.netloc != kind_of.host:
        return None
    if path.startswith(SKIPPED_PREFIXES) or path.endswith(SKIPPED_SUFFIXES):
        return None
    if path.startswith(JSON_API) and path not in API_PAGES:
        return None
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.view_name in SKIPPED_ROUTES:
        return None
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{match.route}?{'&'.join(keys)}"


kind_of.host = ""


def axe_violations(axe: Axe, page, label: str) -> list[str]:
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    if not results.violations_count:
        return []
    return [f"{label}:\n{results.generate_report()}"]


def phone_problems(page, axe: Axe | None, label: str) -> list[str]:
    """Reflow problems at 320 px wide (and axe's findings there, with ``axe``); the page is put
    back to its own size afterwards."""
    before = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        found = [f"{label} at 320 px: {problem}" for problem in page.evaluate(REFLOW_PROBLEMS)]
        if axe is not None:
            found += axe_violations(axe, page, f"{label} at 320 px")
    finally:
        page.set_viewport_size(before)
    return found


def open_page(page, url: str):
    """Go to ``url``; None when it is not an HTML page (a file starts downloading)."""
    try:
        response = page.goto(url)
    except Exception as error:  # Playwright raises when a navigation turns into a download
        if "Download is starting" in str(error):
            return None
        raise
    if response is None or "text/html" not in response.headers.get("content-type", ""):
        return None
    return response


def crawl(page, base: str, crawl_result: Crawl, axe: Axe, phone_checked: set[str]) -> None:
    """Breadth first from the start pages, one page per kind, in bokmål. Axe looks at 320 px
    only at kinds not in ``phone_checked`` (which the crawl then adds)."""
    queue = deque(base + start for start in STARTS)
    seen: set[str] = set()
    while queue and len(crawl_result.kinds) < MOST_PAGES_PER_ROLE:
        url = queue.popleft().split("#")[0]
        kind = kind_of(url)
        if kind is None or kind in seen:
            continue
        route = kind.split("?")[0]
        if sum(other.split("?")[0] == route for other in seen) >= VARIANTS_PER_ROUTE:
            continue
        seen.add(kind)
        response = open_page(page, url)
        if response is None:
            continue
        label = f"{crawl_result.identity} nb {url.removeprefix(base)}"
        assert response.status < 500, label
        if response.status == 404 and url.removeprefix(base) not in STARTS:
            continue  # a link the role may follow but that leads out of its scope is fine
        crawl_result.kinds[kind] = url
        crawl_result.violations += axe_violations(axe, page, label)
        phone_axe = None if kind in phone_checked else axe
        phone_checked.add(kind)
        crawl_result.violations += phone_problems(page, phone_axe, label)
        links = page.eval_on_selector_all(  # the map's SVG links have no string href
            "a[href]", "links => links.map(a => new URL(a.getAttribute('href'), a.baseURI).href)"
        )
        queue.extend(link for link in links if link.startswith(base))
        check_error_state(page, base, crawl_result, axe, label)


def check_error_state(page, base: str, crawl_result: Crawl, axe: Axe, label: str) -> None:
    how = page.evaluate(EMPTY_FORM, False)
    if how is None:
        return
    if how == "page":
        with page.expect_navigation() as navigation:
            page.evaluate(EMPTY_FORM, True)
        status = navigation.value.status
    else:
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.evaluate(EMPTY_FORM, True)
        page.wait_for_timeout(300)  # htmx settles the new content
        status = answer.value.status
    assert status < 500, f"{label} (empty form)"
    crawl_result.error_states += 1
    crawl_result.violations += axe_violations(axe, page, f"{label} (empty form)")
    crawl_result.violations += phone_problems(page, None, f"{label} (empty form)")


def check_other_languages(page, base: str, identity: str, urls: list[str], axe: Axe) -> list:
    """Each kind of page once more in nynorsk and English, as the first identity that reached
    it."""
    violations = []
    for language in ("nn", "en"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])
        for url in urls:
            if open_page(page, url) is None:
                continue
            assert page.locator("html").get_attribute("lang") == language
            label = f"{identity} {language} {url.removeprefix(base)}"
            violations += axe_violations(axe, page, label)
            violations += phone_problems(page, None, label)
    return violations


def test_every_page_each_role_reaches_passes_axe_and_reflows(live_server, new_page):
    call_command("seed_demo", initiatives=40, allow_nondebug=True, stdout=StringIO())
    UserFactory(email=NEWCOMER, name="Ny Nykommer")
    kind_of.host = urlsplit(live_server.url).netloc
    axe = Axe()
    identities = [None, *(f"{role}@demo.tillitsportalen.no" for role in ROLES), NEWCOMER]
    results, other_languages, phone_checked = [], set(), set()
    for email in identities:
        page = new_page()
        page.context.add_cookies(
            [{"name": "django_language", "value": "nb", "url": live_server.url}]
        )
        if email:
            password = NEWCOMER_PASSWORD if email == NEWCOMER else PASSWORD
            sign_in(page, live_server.url, email, password)
        result = Crawl(identity=email.split("@")[0] if email else "anonym")
        crawl(page, live_server.url, result, axe, phone_checked)
        not_yet = [url for kind, url in result.kinds.items() if kind not in other_languages]
        other_languages.update(dict.fromkeys(result.kinds))
        result.violations += check_other_languages(
            page, live_server.url, result.identity, not_yet, axe
        )
        results.append(result)
        page.context.close()
        print(result.identity, len(result.kinds), "kinds of page,", result.error_states, "forms")

    report = "\n".join(v for result in results for v in result.violations)
    assert not report, report
    reached = {result.identity: len(result.kinds) for result in results}
    # The crawl really crawls: every signed-in role reaches far more than its start pages,
    # and some pages were checked with their forms' error messages showing.
    assert all(count >= 10 for count in reached.values()), reached
    assert reached["redaktor"] > reached["anonym"], reached
    assert sum(result.error_states for result in results) >= 10, reached
