"""A measure ended months ago: its leader answers the follow-up with one click from the
e-mail (confirming on a page that needs no sign-in), and another from «Mitt arbeid»; each
answer shows on the measure's page. Every page visited is checked by axe, and the
confirmation page at a phone's width."""

import re

import pytest
from playwright.sync_api import expect

from initiatives.followup.asking import ask_due
from initiatives.models import FollowUp
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, MembershipFactory
from ..initiatives.followup_world import due_question, ended_measure
from .helpers import reflow_problems, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_answer_the_follow_up_from_the_email_and_from_my_work(
    live_server, new_page, axe_check, mailoutbox
):
    bergen = Organisation.objects.get(municipality_id="4601")
    leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
    by_mail = ended_measure(bergen, title="Tavlemøte i stedet for avviksskjema")
    assert ask_due() == 1
    links = re.findall(r"https?://\S+/oppfolging/\S+/", mailoutbox[0].body)
    stopped_link, in_use_link = links[3], links[0]

    page = new_page()  # not signed in: the link is the proof
    page.goto(stopped_link)
    expect(page.get_by_text("Avsluttet", exact=True)).to_be_visible()
    expect(page.get_by_label("Hvorfor ble det avsluttet? (valgfritt)")).to_be_visible()
    axe_check(page, "follow-up confirmation, stopped")
    page.goto(in_use_link)
    expect(page.get_by_text("Tavlemøte i stedet for avviksskjema", exact=False)).to_be_visible()
    axe_check(page, "follow-up confirmation")
    assert reflow_problems(page) == []
    page.get_by_role("button", name="Bekreft").click()
    expect(page.locator("h1")).to_have_text("Tavlemøte i stedet for avviksskjema")
    expect(page.get_by_text(re.compile(r"Fortsatt i bruk per \w+ \d{4}"))).to_be_visible()
    axe_check(page, "measure page with the answer")
    page.goto(in_use_link)  # the link is used up
    expect(page.get_by_text("allerede besvart")).to_be_visible()
    axe_check(page, "used follow-up link")
    assert FollowUp.objects.get(initiative=by_mail).answer == "i_bruk"

    question = due_question(bergen, title="Felles mal for dagsnotat")
    page = new_page()
    sign_in(page, live_server.url, leader.email, PASSWORD)
    section = page.locator("section[aria-labelledby=followup-heading]")
    expect(section).to_contain_text("Felles mal for dagsnotat")
    axe_check(page, "my work with follow-up questions")
    assert reflow_problems(page) == []
    form = section.locator("form.followup-form")
    form.get_by_role("button", name="Lagre svaret").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    axe_check(page, "follow-up answer with errors")
    page.get_by_label("gjort permanent").check()
    page.get_by_role("button", name="Lagre svaret").click()
    expect(page.get_by_text(re.compile(r"Gjort permanent per \w+ \d{4}"))).to_be_visible()
    question.refresh_from_db()
    assert (question.answer, question.answered_by) == ("permanent", leader)
