"""«Mitt arbeid» for each role: a leader, a union representative, ministry staff and staff
sign in, find their tasks first in «Å gjøre», follow a task's link to its section, and every
page passes axe at a desktop's and a phone's width and reflows at 375 and 320 px."""

import pytest
from playwright.sync_api import expect

from tillit.accounts.models import Organisation

from ..factories import PASSWORD
from ..initiatives.work_world import leader_world, ministry_world, staff_world, union_world
from .helpers import PHONE, reflow_problems, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDE = {"width": 1280, "height": 900}
NARROW = {"width": 375, "height": 812}


def _check_role(page, axe_check, role: str, task: str, section: str, shown: str) -> None:
    todo = page.locator("section[aria-labelledby=todo-heading]")
    expect(todo.get_by_role("heading", name="Å gjøre")).to_be_visible()
    todo.get_by_role("link", name=task).click()
    expect(page).to_have_url(f"{page.url.split('#')[0]}#{section}")
    expect(page.locator(f"section[aria-labelledby={section}]")).to_contain_text(shown)
    axe_check(page, f"my work as {role}, desktop")
    page.set_viewport_size(NARROW)
    axe_check(page, f"my work as {role}, phone")
    assert reflow_problems(page, NARROW) == []
    assert reflow_problems(page, PHONE) == []
    page.set_viewport_size(WIDE)


def test_each_role_finds_its_tasks_first(
    live_server, new_page, axe_check, people, ministry, settings
):
    settings.COMMENT_RATE_LIMIT = (100, 60)
    bergen = Organisation.objects.get(municipality_id="4601")
    trondheim = Organisation.objects.get(municipality_id="5001")
    leader_world(bergen, trondheim, people)
    union_world(bergen, trondheim, people)
    ministry_world(ministry, people)
    staff_world(bergen, trondheim, people)
    journeys = [
        ("leder", "har passert sluttdatoen", "overdue-heading", "Over tiden Bergen 0"),
        ("tillitsvalgt", "svar på kommentarene dine", "replies-heading", "svarte på"),
        (
            "departement",
            "fra underliggende virksomheter",
            "ministry-pending-heading",
            "Etaten venter 0",
        ),
        ("ansatt", "er sendt tilbake til deg", "returned-heading", "Mer om målene"),
    ]
    for role, task, section, shown in journeys:
        page = new_page()
        sign_in(page, live_server.url, people[role].email, PASSWORD)
        _check_role(page, axe_check, role, task, section, shown)
        if role == "departement":
            expect(page.get_by_role("link", name="Statistikk for området til KDD")).to_be_visible()
