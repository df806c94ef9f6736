"""A union rep comments on a measure of their municipality (first sending an empty form), the
measure's author gets the e-mail and replies from its link, another member reports the
comment, and the editor hides it with a reason. Every page visited is checked by axe."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from initiatives.models import Comment
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, InitiativeFactory, MembershipFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_comment_reply_report_and_hide(live_server, new_page, axe_check, run_tasks):
    bergen = Organisation.objects.get(municipality_id="4601")
    author = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    rep = MembershipFactory(
        organisation=bergen, roles=[Role.TILLITSVALGT], union_name="Fagforbundet"
    ).user
    colleague = MembershipFactory(
        organisation=Organisation.objects.get(municipality_id="5001"), roles=[Role.LEDER]
    ).user
    editor = MembershipFactory(
        organisation=Organisation.objects.get(is_portal_operator=True), roles=[Role.LEDER]
    ).user
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        title="Mindre skjema i barnehagen",
        created_by=author,
    )

    page = new_page()
    sign_in(page, live_server.url, rep.email, PASSWORD)
    page.goto(live_server.url + measure.get_absolute_url())
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    axe_check(page, "comment form with errors")
    page.locator("#id_body").fill("Vi var med fra start.\n\n- færre skjema\n- mer tid")
    page.get_by_role("button", name="Send kommentar").click()
    comment = page.locator("article.comment").first
    expect(comment).to_contain_text("tillitsvalgt (Fagforbundet), Bergen kommune")
    expect(comment.locator("li", has_text="færre skjema")).to_be_visible()
    axe_check(page, "measure with a comment")

    run_tasks()
    [message] = [m for m in mail.outbox if author.email in m.to]
    link = re.search(r"https?://\S+#kommentar-\d+", message.body).group(0)
    path = "/" + link.split("/", 3)[3]

    page = new_page()
    sign_in(page, live_server.url, author.email, PASSWORD)
    page.goto(live_server.url + path)
    page.locator("article.comment").first.get_by_role("link", name=re.compile("^Svar")).click()
    axe_check(page, "reply form")
    page.locator("#id_body").fill("Takk! Vi tar det med i evalueringen.")
    page.get_by_role("button", name="Send svar").click()
    expect(page.locator(".comment--reply")).to_contain_text("Takk! Vi tar det med")
    axe_check(page, "measure with a reply")

    page = new_page()
    sign_in(page, live_server.url, colleague.email, PASSWORD)
    page.goto(live_server.url + measure.get_absolute_url())
    first = page.locator("article.comment").first
    first.get_by_role("link", name=re.compile("^Rapporter")).first.click()
    axe_check(page, "report form")
    page.locator("input[name=reason][value=krenkende]").check()
    page.locator("#id_note").fill("Navngir en ansatt.")
    page.get_by_role("button", name="Send inn").click()
    expect(page.locator(".ds-alert").first).to_be_visible()
    axe_check(page, "measure after reporting")

    page = new_page()
    sign_in(page, live_server.url, editor.email, PASSWORD)
    page.get_by_role("link", name=re.compile("rapportert kommentar")).click()
    axe_check(page, "moderation queue")
    page.get_by_role("link", name=re.compile("Vi var med fra start")).click()
    expect(page.get_by_text("Navngir en ansatt.")).to_be_visible()
    page.locator("input[name=decision][value=skjul]").check()
    page.get_by_role("button", name="Lagre avgjørelsen").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    axe_check(page, "moderation with errors")
    page.locator("#id_reason").fill("Inneholder opplysninger om en ansatt")
    page.get_by_role("button", name="Lagre avgjørelsen").click()
    expect(page.locator("#queue-heading")).to_be_visible()
    axe_check(page, "moderation queue after the decision")
    page.goto(live_server.url + measure.get_absolute_url())
    expect(page.locator("article.comment").first).to_contain_text(
        "Inneholder opplysninger om en ansatt"
    )
    expect(page.get_by_text("Vi var med fra start.")).to_have_count(0)
    axe_check(page, "measure with a hidden comment")
    assert Comment.objects.get(parent=None).status == "skjult"
