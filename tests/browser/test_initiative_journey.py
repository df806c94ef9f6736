"""Staff register a pilot with two focus areas and an attachment and submit it; the leader
sends it back, staff fix and resubmit, the leader publishes, the union representative
confirms, and the public sees it. Every page visited is checked by axe."""

import pytest
from playwright.sync_api import expect

from initiatives.models import FocusArea, Initiative
from tillit.accounts.models import Organisation, Role

from ..factories import PASSWORD, MembershipFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _signed_in(new_page, live_server, user, axe_check):
    page = new_page()
    sign_in(page, live_server.url, user.email, PASSWORD)
    axe_check(page, f"my work ({user.email})")
    return page


def test_register_return_resubmit_publish_confirm_and_read(live_server, new_page, axe_check):
    bergen = Organisation.objects.get(municipality_id="4601")
    staff = MembershipFactory(organisation=bergen, roles=[Role.ANSATT]).user
    leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
    union_rep = MembershipFactory(
        organisation=bergen, roles=[Role.TILLITSVALGT], union_name="Fagforbundet"
    ).user

    # Staff register the pilot.
    page = _signed_in(new_page, live_server, staff, axe_check)
    page.locator("main a[href='/tiltak/ny/']").click()
    axe_check(page, "register form")
    page.locator("#id_title").fill("Forsøk med færre vedtak i hjemmetjenesten")
    page.locator("#id_summary").fill("Vi prøver å fatte ett samlet vedtak i stedet for fem.")
    page.locator("#id_description").fill("Ansatte og tillitsvalgte har laget opplegget.")
    page.locator("#id_kind").select_option("forsok")
    page.locator("#id_sector").select_option("helse_omsorg")
    page.locator("#id_exemption_from").fill("Forvaltningsloven, regler om enkeltvedtak")
    reporting, codetermination = (FocusArea.objects.get(number=n).pk for n in (2, 4))
    page.locator(f"input[name=focus_areas][value='{reporting}']").check()
    page.locator(f"input[name=focus_areas][value='{codetermination}']").check()
    page.locator("#id_primary_focus_area").select_option(str(reporting))
    page.locator("input[name=trust_relations][value=stat_kommune]").check()
    page.locator("input[name=lifecycle_status][value=pagar]").check()
    page.locator("#id_start_date").fill("2025-02-01")
    page.locator("#id_new_attachments").set_input_files(
        files=[{"name": "prosjektplan.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator("h1")).to_have_text("Forsøk med færre vedtak i hjemmetjenesten")
    axe_check(page, "measure pending")
    initiative = Initiative.objects.get()
    assert initiative.workflow_status == "til_godkjenning"
    assert initiative.focus_area_links.get(is_primary=True).focus_area.number == 2

    # The leader sends it back with a note.
    leader_page = _signed_in(new_page, live_server, leader, axe_check)
    leader_page.locator(f"main a[href='{initiative.get_absolute_url()}']").first.click()
    axe_check(leader_page, "measure to review")
    leader_page.locator("#review-note").fill("Skriv litt om hvordan dere måler effekten.")
    leader_page.locator("form.review__return button[type=submit]").click()
    expect(leader_page.locator(".ds-alert[data-color=success]")).to_be_visible()
    axe_check(leader_page, "measure sent back")

    # Staff see the note, fix the measure and send it again.
    page.goto(f"{live_server.url}/mitt/")
    axe_check(page, "my work with a returned draft")
    returned = page.locator("section[aria-labelledby=returned-heading]")  # with the note
    expect(returned.get_by_text("Skriv litt om hvordan dere måler")).to_be_visible()
    returned.locator(f"a[href='/tiltak/{initiative.pk}/rediger/']").click()
    axe_check(page, "edit form")
    page.locator("#id_goal_user_effects").fill("Brukerne får svar på én uke i stedet for fire.")
    page.locator("button[name=action][value=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    initiative.refresh_from_db()
    assert initiative.workflow_status == "til_godkjenning"

    # The leader publishes.
    leader_page.goto(live_server.url + initiative.get_absolute_url())
    leader_page.locator("input[name=decision][value=publish] + button").click()
    expect(leader_page.locator(".ds-alert[data-color=success]")).to_be_visible()
    axe_check(leader_page, "published measure, leader")
    initiative.refresh_from_db()
    assert initiative.is_published

    # The union representative confirms that the employees' organisations took part.
    rep_page = _signed_in(new_page, live_server, union_rep, axe_check)
    rep_page.locator(f"main a[href='{initiative.get_absolute_url()}']").first.click()
    rep_page.locator(f"a[href='/tiltak/{initiative.pk}/medvirkning/']").click()
    axe_check(rep_page, "assessment form")
    rep_page.locator("input[name=assessment][value=bekreftet]").check()
    rep_page.locator("#id_text").fill("Fagforbundet var med i arbeidsgruppen.")
    rep_page.locator("main form button[type=submit]").click()
    expect(rep_page.locator(".involvement .ds-alert[data-color=success]")).to_be_visible()
    axe_check(rep_page, "measure confirmed")

    # The public reads it, and can download the attachment.
    public = new_page()
    public.goto(live_server.url + initiative.get_absolute_url())
    expect(public.locator("h1")).to_have_text("Forsøk med færre vedtak i hjemmetjenesten")
    expect(public.get_by_text("Fagforbundet var med i arbeidsgruppen.")).to_be_visible()
    expect(public.locator("#history-heading")).to_have_count(0)
    axe_check(public, "published measure, public")
    link = public.get_by_role("link", name="prosjektplan.pdf")
    download = public.request.get(live_server.url + link.get_attribute("href"))
    assert download.status == 200 and download.body() == PDF
