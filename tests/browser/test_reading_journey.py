"""A reader on a phone opens a measure written in bokmål, follows "Les på nynorsk", sees the
machine translation plainly marked, and returns to the original; a translation not made yet
says so. Every state is checked by axe and for reflow at 320 px."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from initiatives import tasks
from initiatives.models import Initiative
from tillit.accounts.models import Organisation

from ..factories import InitiativeFactory
from .helpers import reflow_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 320, "height": 568}


def test_read_a_bokmal_measure_in_nynorsk_and_back(live_server, new_page, axe_check, run_tasks):
    cache.clear()
    measure = InitiativeFactory(
        organisation=Organisation.objects.get(municipality_id="4601"),
        workflow_status="publisert",
        title="Færre skjema i hjemmetjenesten",
        summary="De ansatte bruker mindre tid på skjema og mer tid hos brukerne.",
        description="Sykepleierne avgjør selv hva som må dokumenteres ved hvert besøk.",
    )
    tasks.translate_text.enqueue(initiative_id=measure.pk)
    run_tasks()

    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + measure.get_absolute_url())
    heading = page.locator("h1")
    expect(heading).to_have_text("Færre skjema i hjemmetjenesten")
    axe_check(page, "measure in bokmål")
    page.get_by_role("link", name="Les på nynorsk").click()
    expect(page).to_have_url(f"{live_server.url}{measure.get_absolute_url()}?lesemal=nn")
    expect(heading).to_have_text("Færre skjema i heimetenesta")
    expect(heading).to_have_attribute("lang", "nn")
    expect(page.get_by_text("Maskinoversatt fra bokmål")).to_be_visible()
    expect(page.get_by_text("Dei tilsette bruker mindre tid")).to_be_visible()
    axe_check(page, "machine translation into nynorsk")
    assert reflow_problems(page, PHONE) == []
    page.get_by_role("link", name="Vis originalen").click()
    expect(heading).to_have_text("Færre skjema i hjemmetjenesten")
    expect(page.get_by_text("Maskinoversatt")).to_have_count(0)

    # The author changes the text: until the worker has translated it, the page says so.
    Initiative.objects.filter(pk=measure.pk).update(summary="Nå har vi ingen skjema igjen.")
    page.goto(f"{live_server.url}{measure.get_absolute_url()}?lesemal=nn")
    expect(page.locator(".read-in[role=status]")).to_contain_text("Oversettelsen til nynorsk lages")
    expect(page.get_by_text("Nå har vi ingen skjema igjen.")).to_be_visible()
    axe_check(page, "translation being made")
    assert reflow_problems(page, PHONE) == []
    run_tasks()
    page.reload()
    expect(page.get_by_text("No har vi ingen skjema igjen.")).to_be_visible()
