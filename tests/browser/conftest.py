"""Playwright on Debian's Chromium, with an axe-core check helper. Browsers are never
downloaded; a missing Chromium fails the run (it is not skipped)."""

import importlib
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Generous waits: CI machines have two cores and may be busy.
expect.set_options(timeout=15_000)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"Chromium is missing at {CHROMIUM} (Debian: chromium)"
    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests and
    # their database teardown make alongside it are ordinary blocking calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()


class AxeChecker:
    def __init__(self):
        self.axe = Axe()
        self.checked: list[str] = []

    def __call__(self, page, label: str = ""):
        """Zero WCAG 2.0/2.1 A and AA violations on the whole page; no rule disabled."""
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        self.checked.append(f"{label or page.url}")
        if results.violations_count:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=ARTIFACTS / f"axe-{len(self.checked)}.png", full_page=True)
        assert results.violations_count == 0, f"{page.url}:\n{results.generate_report()}"


@pytest.fixture
def axe_check():
    return AxeChecker()


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Browser tests run in real transactions, and Django empties every table after each
    one; put the reference data (the migrations' data) back when it is gone."""
    from django.apps import apps
    from django.core.cache import cache

    from tillit.accounts.models import Organisation

    # Nor does it empty the cache table (not a model): counts, rate limits and data versions
    # of earlier tests would leak into this one.
    cache.clear()
    if not Organisation.objects.exists():
        for module in (
            "tillit.accounts.migrations.0002_reference_data",
            "initiatives.migrations.0002_focus_areas",
            "trials.migrations.0002_legal_acts",
        ):
            importlib.import_module(module).load(apps, None)


@pytest.fixture(autouse=True)
def site_url_is_the_live_server(request, settings):
    """Absolute links in e-mails follow SITE_URL: let them lead to the server under test."""
    if "live_server" in request.fixturenames:
        settings.SITE_URL = request.getfixturevalue("live_server").url
