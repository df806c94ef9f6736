"""Every page of the foundation, as the role that sees it, has zero axe violations."""

import pytest
from django.utils import timezone

from initiatives.notifications.unsubscribe import unsubscribe_token
from initiatives.services.comments import comment_create, comment_flag
from initiatives.services.following import follow_set
from tillit.accounts.models import Invitation, JoinRequest, Membership, Organisation, Role

from ..factories import PASSWORD, ExperienceReportFactory, InitiativeFactory, UserFactory
from .helpers import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PUBLIC = [
    "/",
    "/tiltak/",
    "/tiltak/?q=tillit&type=pilot&fylke=46&sortering=tittel",
    "/tiltak/?fylke=99&side=abc",
    "/tiltak/kart/",
    "/tiltak/kart/?kartnivaa=kommune&type=pilot&kartsortering=navn",
    "/tilgjengelighet/",
    "/personvern/",
    "/erfaringer/",
    "/erfaringer/?q=skjema&fylke=46&sortering=tittel",
    "/erfaringer/{report}/",
    "/fokusomrader/mindre-rapportering/",
    "/organisasjoner/",
    "/organisasjoner/?q=trond&kind=kommune",
    "/organisasjoner/{bergen}/",
    "/organisasjoner/{ministry}/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/finnes-ikke/",
    "/healthz",
    "/readyz",
    "/avmeld/{unsubscribe}/",
    "/avmeld/ugyldig/",
    "/statistikk/",
    "/statistikk/?fylke=46&type=pilot&q=skjema",
    "/statistikk/?q=ingentingtreffer",
    "/oversikt/2024/",
    "/oversikt/2010/",
    "/api/v1/",
    "/api/v1/dokumentasjon/",
]
EDITOR = [
    "/mitt/",
    "/revisjonslogg/",
    "/revisjonslogg/?fra=2026-05-17&til=2026-05-01&bruker=Kari",
    "/fokusomrader/mindre-rapportering/rediger/",
    "/organisasjoner/ny/",
    "/organisasjoner/{bergen}/rediger/",
    "/organisasjoner/{bergen}/utnevn-leder/",
    "/organisasjoner/{bergen}/medlemmer/",
    "/organisasjoner/{bergen}/inviter/",
    "/organisasjoner/{bergen}/medlemmer/{membership}/",
    "/organisasjoner/{bergen}/medlemmer/{membership}/fjern/",
    "/organisasjoner/{bergen}/foresporsler/{pending}/",
    "/konto/email/",
    "/konto/password/change/",
    "/tiltak/{measure}/",
    "/tiltak/{measure}/folg/",
    "/fokusomrader/mindre-rapportering/folg/",
    "/erfaringer/{report}/kommentarer/",
    "/kommentarer/{comment}/svar/",
    "/kommentarer/{comment}/rapporter/",
    "/moderering/",
    "/moderering/{comment}/",
    "/mitt/varsler/",
    "/oversikt/2024/utvalg/",
    "/konto/mine-data/slett/",
]
MEMBER = [
    "/konto/mine-data/",
    "/konto/mine-data/slett/",
    "/tiltak/{measure}/",
    "/tiltak/{draft}/",
    "/tiltak/{draft}/slett/",
    "/kommentarer/{comment}/rediger/",
    "/kommentarer/{comment}/slett/",
    "/mitt/varsler/{follow}/slutt/",
]
INVITED = ["/invitasjon/{token}/", "/organisasjoner/{bergen}/bli-medlem/"]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_all_pages_pass_axe(live_server, new_page, axe_check, language):
    bergen = Organisation.objects.get(municipality_id="4601")
    ministry = Organisation.objects.get(short_name="KDD")
    operator = Organisation.objects.get(is_portal_operator=True)
    editor = UserFactory(is_staff=True)
    Membership.objects.create(user=editor, organisation=operator, roles=[Role.LEDER])
    member = UserFactory()
    membership = Membership.objects.create(user=member, organisation=bergen, roles=[Role.ANSATT])
    invited = UserFactory(email="invitert@example.no")
    measure = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", published_at=timezone.now()
    )
    comment = comment_create(target=measure, by=member, body="Hva med *helgene*?")
    comment_flag(comment=comment, by=editor, reason="spam", note="Reklame")
    follow = follow_set(by=member, target=measure)
    ids = {
        "measure": measure.pk,
        "draft": InitiativeFactory(organisation=bergen, created_by=member).pk,
        "comment": comment.pk,
        "follow": follow.pk,
        "unsubscribe": unsubscribe_token(member, follow=follow),
        "report": ExperienceReportFactory(
            initiative=measure,
            workflow_status="publisert",
        ).pk,
        "bergen": bergen.pk,
        "ministry": ministry.pk,
        "membership": membership.pk,
        "pending": JoinRequest.objects.create(
            user=UserFactory(), organisation=bergen, roles=[Role.ANSATT], message="Hei"
        ).pk,
        "token": Invitation.objects.create(
            organisation=bergen, email=invited.email, roles=[Role.ANSATT], invited_by=editor
        ).token,
    }

    for who, paths in [(None, PUBLIC), (editor, EDITOR), (member, MEMBER), (invited, INVITED)]:
        page = new_page()
        page.context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        if who is not None:
            sign_in(page, live_server.url, who.email, PASSWORD)
        for path in paths:
            page.goto(live_server.url + path.format(**ids))
            if path not in ("/healthz", "/readyz"):  # probes answer in English only
                assert page.locator("html").get_attribute("lang") == language
            axe_check(page, f"{language} {path}")
