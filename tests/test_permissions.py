"""The permission matrix: (role, URL, object state) → expected status, for every URL.

Rows are literal. ``test_every_url_has_a_row`` fails when a URL is added without rows.
Path placeholders name objects made by the ``objects`` fixture; "_other" objects belong to
another organisation than the one in the path, so they must answer 404 to everyone.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from initiatives.models import (
    Attachment,
    Comment,
    Follow,
    InitiativeChange,
    InitiativeRelation,
)
from initiatives.notifications.unsubscribe import unsubscribe_token
from initiatives.tasks import deliver_notifications
from reporting.models import ImportBatch
from tillit.accounts.models import Invitation, JoinRequest, Membership, Organisation, Role
from tillit.core.models import AuditEvent

from .factories import (
    ExperienceReportFactory,
    InitiativeFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
)
from .initiatives.followup_matrix import FOLLOWUP_ROWS, FOLLOWUP_SAMPLE, followup_objects
from .trials.matrix import TRIAL_ROWS, TRIAL_SAMPLE, trial_objects


def objects_ministry(people):
    return Organisation.objects.get(short_name="KDD")


A, OUT, S, L, T, D, R, X = (
    "anonymous",
    "outsider",
    "ansatt",
    "leder",
    "tillitsvalgt",
    "departement",
    "redaktor",
    "leder_annen",
)
# Separation of duties: a union rep who also leads Bergen, and one who is also staff there and
# registered, edited, submitted or published some of its measures (see ``_union_rep_measures``).
TL, TS = "tillitsvalgt_leder", "tillitsvalgt_ansatt"
EVERYONE = (A, OUT, S, L, T, D, R, X)
SIGNED_IN = (OUT, S, L, T, D, R, X)

SHAPED = ("created", "edited", "submitted", "published")
# Drafts (imported by an editor) of an organisation without members, and of one whose only
# staff member was deactivated.
UNSTAFFED = ("m_unstaffed_draft", "m_deactivated_staff_draft")

MATRIX = [
    # --- public pages ---------------------------------------------------------------------
    *[(role, "/", 200) for role in EVERYONE],
    *[(role, "/tilgjengelighet/", 200) for role in EVERYONE],
    *[(role, "/personvern/", 200) for role in EVERYONE],
    *[(role, "/organisasjoner/", 200) for role in EVERYONE],
    # the pickers' search: what anyone may see of the register, as JSON
    *[(role, "/organisasjoner/sok.json?q=bergen", 200) for role in EVERYONE],
    *[(role, "/organisasjoner/{bergen}/", 200) for role in EVERYONE],
    *[(role, "/organisasjoner/999999/", 404) for role in (A, L, R)],
    (A, "/healthz", 200),
    (A, "/readyz", 200),
    (A, "/i18n/setlang/", 302),
    (S, "/i18n/setlang/", 302),
    # --- my work --------------------------------------------------------------------------
    (A, "/mitt/", 302),
    *[(role, "/mitt/", 200) for role in SIGNED_IN],
    # --- my data: every signed-in user, for themselves only ---------------------------------
    (A, "/konto/mine-data/", 302),
    *[(role, "/konto/mine-data/", 200) for role in SIGNED_IN],
    (A, "/konto/mine-data/eksport.json", 302),
    *[(role, "/konto/mine-data/eksport.json", 200) for role in SIGNED_IN],
    (A, "/konto/mine-data/slett/", 302),
    *[(role, "/konto/mine-data/slett/", 200) for role in SIGNED_IN],
    # --- organisation management: editors only --------------------------------------------
    (A, "/organisasjoner/ny/", 302),
    *[(role, "/organisasjoner/ny/", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/organisasjoner/ny/", 200),
    (A, "/organisasjoner/{bergen}/rediger/", 302),
    *[(role, "/organisasjoner/{bergen}/rediger/", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/organisasjoner/{bergen}/rediger/", 200),
    (A, "/organisasjoner/{bergen}/utnevn-leder/", 302),
    *[(role, "/organisasjoner/{bergen}/utnevn-leder/", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/organisasjoner/{bergen}/utnevn-leder/", 200),
    # --- asking to join: signed-in non-members without a pending request ------------------
    (A, "/organisasjoner/{bergen}/bli-medlem/", 302),
    (OUT, "/organisasjoner/{bergen}/bli-medlem/", 200),
    *[(role, "/organisasjoner/{bergen}/bli-medlem/", 404) for role in (S, L, T)],
    (D, "/organisasjoner/{bergen}/bli-medlem/", 200),
    (X, "/organisasjoner/{bergen}/bli-medlem/", 200),
    ("applicant", "/organisasjoner/{bergen}/bli-medlem/", 404),
    # --- members of Bergen: its leaders and editors ---------------------------------------
    (A, "/organisasjoner/{bergen}/medlemmer/", 302),
    *[(role, "/organisasjoner/{bergen}/medlemmer/", 404) for role in (OUT, S, T, D, X)],
    (L, "/organisasjoner/{bergen}/medlemmer/", 200),
    (R, "/organisasjoner/{bergen}/medlemmer/", 200),
    (A, "/organisasjoner/{bergen}/inviter/", 302),
    *[(role, "/organisasjoner/{bergen}/inviter/", 404) for role in (OUT, S, T, D, X)],
    (L, "/organisasjoner/{bergen}/inviter/", 200),
    (R, "/organisasjoner/{bergen}/inviter/", 200),
    (A, "/organisasjoner/{bergen}/medlemmer/{membership}/", 302),
    *[(r, "/organisasjoner/{bergen}/medlemmer/{membership}/", 404) for r in (OUT, S, T, D, X)],
    (L, "/organisasjoner/{bergen}/medlemmer/{membership}/", 200),
    (R, "/organisasjoner/{bergen}/medlemmer/{membership}/", 200),
    (L, "/organisasjoner/{bergen}/medlemmer/{membership_other}/", 404),
    (R, "/organisasjoner/{bergen}/medlemmer/{membership_other}/", 404),
    (X, "/organisasjoner/{bergen}/medlemmer/{membership_other}/", 404),
    (A, "/organisasjoner/{bergen}/medlemmer/{membership}/fjern/", 302),
    *[(r, "/organisasjoner/{bergen}/medlemmer/{membership}/fjern/", 404) for r in (OUT, S, T, X)],
    (L, "/organisasjoner/{bergen}/medlemmer/{membership}/fjern/", 200),
    (R, "/organisasjoner/{bergen}/medlemmer/{membership}/fjern/", 200),
    (L, "/organisasjoner/{bergen}/medlemmer/{membership_other}/fjern/", 404),
    (A, "/organisasjoner/{bergen}/foresporsler/{pending}/", 302),
    *[(r, "/organisasjoner/{bergen}/foresporsler/{pending}/", 404) for r in (OUT, S, T, D, X)],
    (L, "/organisasjoner/{bergen}/foresporsler/{pending}/", 200),
    (R, "/organisasjoner/{bergen}/foresporsler/{pending}/", 200),
    (L, "/organisasjoner/{bergen}/foresporsler/{decided}/", 404),
    (L, "/organisasjoner/{bergen}/foresporsler/{pending_other}/", 404),
    (R, "/organisasjoner/{bergen}/foresporsler/{pending_other}/", 404),
    # --- invitations: anyone signed in sees the page; only the invited address can accept --
    (A, "/invitasjon/{token}/", 302),
    (OUT, "/invitasjon/{token}/", 200),
    ("invited", "/invitasjon/{token}/", 200),
    (L, "/invitasjon/finnes-ikke/", 404),
    # --- open data API: public, read-only, published content only ---------------------------
    # The API answers as it would an anonymous visitor, whoever is signed in.
    *[(role, "/api/v1/", 200) for role in EVERYONE],
    *[(role, "/api/v1/dokumentasjon/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/katalog.jsonld", 200) for role in (A, S, R)],
    *[(role, "/api/v1/schema/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/tiltak/", 200) for role in EVERYONE],
    *[(role, "/api/v1/tiltak/{m_published}/", 200) for role in EVERYONE],
    *[(role, "/api/v1/tiltak/{m_draft}/", 404) for role in EVERYONE],
    *[(role, "/api/v1/tiltak/{m_pending}/", 404) for role in (A, S, L, R)],
    *[(role, "/api/v1/tiltak/{m_archived}/", 404) for role in (A, L, R)],
    *[(role, "/api/v1/tiltak/{m_agency_pending}/", 404) for role in (A, D, R)],
    *[(role, "/api/v1/erfaringer/", 200) for role in EVERYONE],
    *[(role, "/api/v1/erfaringer/{r_published}/", 200) for role in EVERYONE],
    *[(role, "/api/v1/erfaringer/{r_draft}/", 404) for role in EVERYONE],
    *[(role, "/api/v1/erfaringer/{r_of_draft}/", 404) for role in (A, S, L, R)],
    *[(role, "/api/v1/fokusomrader/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/organisasjoner/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/organisasjoner/{bergen}/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/organisasjoner/999999/", 404) for role in (A, R)],
    *[(role, "/api/v1/kommuner/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/fylker/", 200) for role in (A, S, R)],
    *[(role, "/api/v1/departementer/", 200) for role in (A, S, R)],
    # --- measures ---------------------------------------------------------------------------
    *[(role, "/tiltak/{m_published}/", 200) for role in EVERYONE],
    *[(role, "/tiltak/", 200) for role in EVERYONE],
    *[(role, "/tiltak/kart/", 200) for role in EVERYONE],
    (A, "/tiltak/kart/?kartnivaa=kommune&kartsortering=navn&fylke=46&q=skjema", 200),
    (S, "/tiltak/kart/?kartnivaa=ukjent&kartsortering=%00&fylke=99&side=x", 200),
    *[(role, "/tiltak/eksport.csv", 200) for role in (A, S, D)],
    *[(role, "/tiltak/eksport.xlsx", 200) for role in (A, S)],
    *[(role, "/tiltak/{m_published}/en-tittel/", 200) for role in (A, S)],
    *[(role, "/tiltak/{m_draft}/", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_draft}/", 200) for role in (S, L, T, R)],
    *[(role, "/tiltak/{m_pending}/", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_pending}/", 200) for role in (S, L, T, R)],
    # the machine translation (?lesemal=) is scoped as the text is
    *[(role, "/tiltak/{m_published}/?lesemal=nn", 200) for role in EVERYONE],
    *[(role, "/tiltak/{m_draft}/?lesemal=nn", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_draft}/?lesemal=nn", 200) for role in (S, L, T, R)],
    *[(role, "/tiltak/{m_agency_pending}/", 404) for role in (A, OUT, S, L, X)],
    *[(role, "/tiltak/{m_agency_pending}/", 200) for role in (D, R)],
    *[(role, "/tiltak/{m_archived}/", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_archived}/", 200) for role in (S, L, T, R)],
    # the similar measures of a measure: whoever sees the measure
    *[(role, "/tiltak/{m_published}/lignende/", 200) for role in EVERYONE],
    *[(role, "/tiltak/{m_draft}/lignende/", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_draft}/lignende/", 200) for role in (S, L, T, R)],
    # the measure form's check for similar measures and duplicates (htmx): who registers
    (A, "/tiltak/ny/lignende/?title=Tilsyn&summary=Felles", 302),
    *[(role, "/tiltak/ny/lignende/?title=Tilsyn&summary=Felles", 404) for role in (OUT, T, D)],
    *[(role, "/tiltak/ny/lignende/?title=Tilsyn&summary=Felles", 200) for role in (S, L, X, R)],
    (A, "/tiltak/ny/", 302),
    *[(role, "/tiltak/ny/", 404) for role in (OUT, T, D)],
    *[(role, "/tiltak/ny/", 200) for role in (S, L, X, R)],
    (A, "/tiltak/{m_draft}/rediger/", 302),
    *[(role, "/tiltak/{m_draft}/rediger/", 404) for role in (OUT, T, D, R, X)],
    *[(role, "/tiltak/{m_draft}/rediger/", 200) for role in (S, L)],
    *[(role, "/tiltak/{m_published}/rediger/", 200) for role in (S, L)],
    *[(role, "/tiltak/{m_published}/rediger/", 404) for role in (OUT, T, D, R, X)],
    *[(role, "/tiltak/{m_archived}/rediger/", 404) for role in (S, L, R)],
    (A, "/tiltak/{m_draft}/send-inn/", 302),
    *[(role, "/tiltak/{m_draft}/send-inn/", 405) for role in (S, L)],
    *[(role, "/tiltak/{m_draft}/send-inn/", 404) for role in (OUT, T, D, R, X)],
    (S, "/tiltak/{m_pending}/send-inn/", 404),
    (A, "/tiltak/{m_pending}/godkjenning/", 302),
    (L, "/tiltak/{m_pending}/godkjenning/", 200),
    *[(role, "/tiltak/{m_pending}/godkjenning/", 404) for role in (OUT, S, T, D, R, X)],
    (L, "/tiltak/{m_draft}/godkjenning/", 404),
    (L, "/tiltak/{m_published}/godkjenning/", 404),
    (A, "/tiltak/{m_published}/arkiver/", 302),
    (L, "/tiltak/{m_published}/arkiver/", 200),
    (L, "/tiltak/{m_draft}/arkiver/", 200),
    *[(role, "/tiltak/{m_published}/arkiver/", 404) for role in (OUT, S, T, D, R, X)],
    (L, "/tiltak/{m_archived}/arkiver/", 404),
    (A, "/tiltak/{m_published}/avpubliser/", 302),
    (R, "/tiltak/{m_published}/avpubliser/", 200),
    *[(role, "/tiltak/{m_published}/avpubliser/", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/tiltak/{m_draft}/avpubliser/", 404),
    (A, "/tiltak/{m_published}/medvirkning/", 302),
    (T, "/tiltak/{m_published}/medvirkning/", 200),
    (T, "/tiltak/{m_pending}/medvirkning/", 200),
    (T, "/tiltak/{m_archived}/medvirkning/", 404),
    *[(role, "/tiltak/{m_published}/medvirkning/", 404) for role in (OUT, S, L, D, R, X)],
    # Nobody assesses a measure they lead the owner of or took part in themselves.
    (TL, "/tiltak/{m_published}/medvirkning/", 404),
    (TL, "/tiltak/{m_pending}/medvirkning/", 404),
    (TS, "/tiltak/{m_published}/medvirkning/", 200),
    *[(TS, f"/tiltak/{{m_{how}_by_rep}}/medvirkning/", 404) for how in SHAPED],
    *[(T, f"/tiltak/{{m_{how}_by_rep}}/medvirkning/", 200) for how in SHAPED],
    # Deleting a draft never sent for approval: its author and the owner's leaders. Others
    # who can see the measure get 403, those who cannot 404 (issue 18, item 22).
    (A, "/tiltak/{m_draft}/slett/", 302),
    *[(role, "/tiltak/{m_draft}/slett/", 404) for role in (OUT, D, X)],
    (L, "/tiltak/{m_draft}/slett/", 200),
    *[(role, "/tiltak/{m_draft}/slett/", 403) for role in (S, T, R)],
    (S, "/tiltak/{m_own_draft}/slett/", 200),
    (L, "/tiltak/{m_own_draft}/slett/", 200),
    *[(role, "/tiltak/{m_own_draft}/slett/", 403) for role in (T, R)],
    *[(role, "/tiltak/{m_own_draft}/slett/", 404) for role in (OUT, D, X)],
    *[(role, "/tiltak/{m_returned}/slett/", 403) for role in (S, L)],
    *[(role, "/tiltak/{m_pending}/slett/", 403) for role in (S, L)],
    *[(role, "/tiltak/{m_published}/slett/", 403) for role in (OUT, S, L, R)],
    (A, "/tiltak/{m_published}/slett/", 302),
    (L, "/tiltak/{m_archived}/slett/", 403),
    (D, "/tiltak/{m_agency_pending}/slett/", 403),
    # Editors complete and delete the drafts of an organisation nobody (active) writes for.
    *[(R, f"/tiltak/{{{m}}}/{what}/", 200) for m in UNSTAFFED for what in ("rediger", "slett")],
    *[(X, f"/tiltak/{{{m}}}/{what}/", 404) for m in UNSTAFFED for what in ("rediger", "slett")],
    *[(role, "/tiltak/{m_published}/vedlegg/{m_published_file}/", 200) for role in EVERYONE],
    *[(role, "/tiltak/{m_draft}/vedlegg/{m_draft_file}/", 404) for role in (A, OUT, D, X)],
    *[(role, "/tiltak/{m_draft}/vedlegg/{m_draft_file}/", 200) for role in (S, L, T, R)],
    (S, "/tiltak/{m_draft}/vedlegg/{m_published_file}/", 404),
    # Adopting ("Vi vil prøve dette"): staff and leaders of another organisation, published only
    (A, "/tiltak/{m_published}/prov-dette/", 302),
    *[(role, "/tiltak/{m_published}/prov-dette/", 200) for role in (X, R)],
    *[(role, "/tiltak/{m_published}/prov-dette/", 404) for role in (OUT, S, L, T, D)],
    *[(role, "/tiltak/{m_draft}/prov-dette/", 404) for role in (S, L, R, X)],
    *[(role, "/tiltak/{m_archived}/prov-dette/", 404) for role in (R, X)],
    # Connections between measures: those who may edit the measure
    (A, "/tiltak/{m_published}/sammenhenger/", 302),
    *[(role, "/tiltak/{m_published}/sammenhenger/", 200) for role in (S, L)],
    *[(role, "/tiltak/{m_draft}/sammenhenger/", 200) for role in (S, L)],
    *[(role, "/tiltak/{m_published}/sammenhenger/", 404) for role in (OUT, T, D, R, X)],
    *[(role, "/tiltak/{m_archived}/sammenhenger/", 404) for role in (S, L, R)],
    (A, "/tiltak/{m_published}/sammenhenger/{relation}/slett/", 302),
    *[(role, "/tiltak/{m_published}/sammenhenger/{relation}/slett/", 405) for role in (S, L)],
    *[
        (role, "/tiltak/{m_published}/sammenhenger/{relation}/slett/", 404)
        for role in (OUT, T, D, R, X)
    ],
    # --- experience reports: written inside the measure's organisation, published by leaders
    *[(role, "/erfaringer/", 200) for role in EVERYONE],
    *[(role, "/erfaringer/?fylke=46&q=skjema&side=2", 200) for role in (A, L)],
    *[(role, "/erfaringer/{r_published}/", 200) for role in EVERYONE],
    *[(role, "/erfaringer/{r_draft}/", 404) for role in (A, OUT, D, X)],
    *[(role, "/erfaringer/{r_draft}/", 200) for role in (S, L, T, R)],
    *[(role, "/erfaringer/{r_published}/?lesemal=nn", 200) for role in EVERYONE],
    *[(role, "/erfaringer/{r_draft}/?lesemal=nn", 404) for role in (A, OUT, D, X)],
    *[(role, "/erfaringer/{r_draft}/?lesemal=nb", 200) for role in (S, L, T, R)],
    (A, "/tiltak/{m_published}/erfaringer/ny/", 302),
    *[(role, "/tiltak/{m_published}/erfaringer/ny/", 200) for role in (S, L)],
    *[(role, "/tiltak/{m_published}/erfaringer/ny/", 404) for role in (OUT, T, D, R, X)],
    (L, "/tiltak/{m_archived}/erfaringer/ny/", 404),
    (A, "/erfaringer/{r_draft}/rediger/", 302),
    *[(role, "/erfaringer/{r_draft}/rediger/", 200) for role in (S, L)],
    *[(role, "/erfaringer/{r_draft}/rediger/", 404) for role in (OUT, T, D, R, X)],
    (A, "/erfaringer/{r_draft}/send-inn/", 302),
    *[(role, "/erfaringer/{r_draft}/send-inn/", 405) for role in (S, L)],
    *[(role, "/erfaringer/{r_draft}/send-inn/", 404) for role in (OUT, T, D, R, X)],
    (S, "/erfaringer/{r_published}/send-inn/", 404),
    (A, "/erfaringer/{r_draft}/publiser/", 302),
    (L, "/erfaringer/{r_draft}/publiser/", 405),
    *[(role, "/erfaringer/{r_draft}/publiser/", 404) for role in (OUT, S, T, D, R, X)],
    (L, "/erfaringer/{r_of_draft}/publiser/", 404),
    (A, "/erfaringer/{r_published}/avpubliser/", 302),
    *[(role, "/erfaringer/{r_published}/avpubliser/", 405) for role in (L, R)],
    *[(role, "/erfaringer/{r_published}/avpubliser/", 404) for role in (OUT, S, T, D, X)],
    # --- focus areas' pages: public; editors change the text -------------------------------
    *[(role, "/fokusomrader/mindre-rapportering/", 200) for role in EVERYONE],
    (A, "/fokusomrader/finnes-ikke/", 404),
    (A, "/fokusomrader/mindre-rapportering/rediger/", 302),
    (R, "/fokusomrader/mindre-rapportering/rediger/", 200),
    *[(role, "/fokusomrader/mindre-rapportering/rediger/", 404) for role in (OUT, S, L, T, D, X)],
    # --- statistics, the yearly overview and the feed: public ------------------------------
    *[(role, "/statistikk/", 200) for role in EVERYONE],
    (A, "/statistikk/?fylke=99&aar=1e9", 200),
    *[(role, "/oversikt/2024/", 200) for role in EVERYONE],
    *[(role, "/oversikt/1999/", 404) for role in (A, D, R)],
    (A, "/oversikt/2024/eksport.csv", 200),
    (D, "/oversikt/2024/eksport.csv", 200),
    (A, "/oversikt/2024/eksport.xlsx", 200),
    (A, "/oversikt/2024/utvalg/", 302),
    *[(role, "/oversikt/2024/utvalg/", 404) for role in (OUT, S, L, T, X)],
    (D, "/oversikt/2024/utvalg/", 200),
    (R, "/oversikt/2024/utvalg/", 200),
    (D, "/oversikt/1999/utvalg/", 404),
    *[(role, "/feed/tiltak/", 200) for role in (A, S, R)],
    (A, "/feed/tiltak/?fylke=99&q=%00", 200),
    # --- comments: members only, on published measures and reports --------------------------
    (A, "/tiltak/{m_published}/kommentarer/", 302),
    (OUT, "/tiltak/{m_published}/kommentarer/", 404),
    *[(role, "/tiltak/{m_published}/kommentarer/", 200) for role in (S, L, T, D, R, X)],
    *[(role, "/tiltak/{m_draft}/kommentarer/", 404) for role in (OUT, S, L, T, D, R)],
    (A, "/erfaringer/{r_published}/kommentarer/", 302),
    (OUT, "/erfaringer/{r_published}/kommentarer/", 404),
    *[(role, "/erfaringer/{r_published}/kommentarer/", 200) for role in (S, T, D, X)],
    *[(role, "/erfaringer/{r_draft}/kommentarer/", 404) for role in (OUT, S, L, D)],
    (A, "/kommentarer/{c_t}/svar/", 302),
    (OUT, "/kommentarer/{c_t}/svar/", 404),
    *[(role, "/kommentarer/{c_t}/svar/", 200) for role in (S, L, T, D, R, X)],
    *[(role, "/kommentarer/{c_reply}/svar/", 404) for role in (S, T, D)],
    *[(role, "/kommentarer/{c_on_draft}/svar/", 404) for role in (OUT, S, D, X)],
    (A, "/kommentarer/{c_t}/rediger/", 302),
    (T, "/kommentarer/{c_t}/rediger/", 200),
    *[(role, "/kommentarer/{c_t}/rediger/", 404) for role in (OUT, S, L, D, R, X)],
    (T, "/kommentarer/{c_old}/rediger/", 404),
    (A, "/kommentarer/{c_t}/slett/", 302),
    *[(role, "/kommentarer/{c_t}/slett/", 200) for role in (T,)],
    (T, "/kommentarer/{c_old}/slett/", 200),
    *[(role, "/kommentarer/{c_t}/slett/", 404) for role in (OUT, S, L, D, R, X)],
    (A, "/kommentarer/{c_t}/rapporter/", 302),
    *[(role, "/kommentarer/{c_t}/rapporter/", 200) for role in (S, L, D, R, X)],
    *[(role, "/kommentarer/{c_t}/rapporter/", 404) for role in (OUT, T)],
    (A, "/moderering/", 302),
    (R, "/moderering/", 200),
    *[(role, "/moderering/", 404) for role in (OUT, S, L, T, D, X)],
    (A, "/moderering/{c_t}/", 302),
    (R, "/moderering/{c_t}/", 200),
    (R, "/moderering/{c_on_draft}/", 200),
    *[(role, "/moderering/{c_t}/", 404) for role in (OUT, S, L, T, D, X)],
    # --- the audit trail: editors only -------------------------------------------------------
    (A, "/revisjonslogg/", 302),
    *[(role, "/revisjonslogg/", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/revisjonslogg/", 200),
    (R, "/revisjonslogg/?fra=2026-05-17&til=2026-05-01&side=x&organisasjon=abc", 200),
    (A, "/revisjonslogg/eksport.csv", 302),
    *[(role, "/revisjonslogg/eksport.csv", 404) for role in (OUT, S, L, T, D, X)],
    (R, "/revisjonslogg/eksport.csv", 200),
    # --- following and e-mail settings: one's own ------------------------------------------
    (A, "/tiltak/{m_published}/folg/", 302),
    *[(role, "/tiltak/{m_published}/folg/", 200) for role in SIGNED_IN],
    *[(role, "/tiltak/{m_draft}/folg/", 404) for role in (OUT, S, L, D)],
    (A, "/fokusomrader/mindre-rapportering/folg/", 302),
    *[(role, "/fokusomrader/mindre-rapportering/folg/", 200) for role in SIGNED_IN],
    (S, "/fokusomrader/finnes-ikke/folg/", 404),
    (A, "/mitt/varsler/", 302),
    *[(role, "/mitt/varsler/", 200) for role in SIGNED_IN],
    (A, "/mitt/varsler/fylke/", 302),
    (S, "/mitt/varsler/fylke/", 405),
    (A, "/mitt/varsler/innstillinger/", 302),
    (S, "/mitt/varsler/innstillinger/", 405),
    (A, "/mitt/varsler/{follow}/", 302),
    (S, "/mitt/varsler/{follow}/", 405),
    *[(role, "/mitt/varsler/{follow}/", 404) for role in (OUT, L, T, R)],
    (A, "/mitt/varsler/{follow}/slutt/", 302),
    (S, "/mitt/varsler/{follow}/slutt/", 200),
    *[(role, "/mitt/varsler/{follow}/slutt/", 404) for role in (OUT, L, T, R)],
    *[(role, "/avmeld/{unsubscribe}/", 200) for role in (A, S, L)],
    *[(role, "/avmeld/ugyldig/", 400) for role in (A, S)],
    # --- import of measures: leaders (their organisation) and editors -----------------------
    (A, "/organisasjoner/{bergen}/import/", 302),
    *[(role, "/organisasjoner/{bergen}/import/", 404) for role in (OUT, S, T, D, X)],
    *[(role, "/organisasjoner/{bergen}/import/", 200) for role in (L, R)],
    (A, "/organisasjoner/{bergen}/import/{import_batch}/", 302),
    (L, "/organisasjoner/{bergen}/import/{import_batch}/", 200),
    *[(r, "/organisasjoner/{bergen}/import/{import_batch}/", 404) for r in (OUT, S, T, D, R, X)],
    (R, "/organisasjoner/{bergen}/import/{import_batch_other}/", 404),
    (R, "/organisasjoner/{trondheim}/import/{import_batch_other}/", 200),
    (A, "/organisasjoner/{bergen}/import/{import_batch}/lagre/", 302),
    (L, "/organisasjoner/{bergen}/import/{import_batch}/lagre/", 405),
    *[
        (r, "/organisasjoner/{bergen}/import/{import_batch}/lagre/", 404)
        for r in (OUT, S, T, D, R, X)
    ],
    # --- allauth ----------------------------------------------------------------------------
    (A, "/konto/login/", 200),
    (S, "/konto/login/", 302),
    (A, "/konto/logout/", 302),
    (S, "/konto/logout/", 200),
    (A, "/konto/inactive/", 200),
    (A, "/konto/signup/", 200),
    (S, "/konto/signup/", 302),
    (A, "/konto/reauthenticate/", 302),
    (S, "/konto/reauthenticate/", 200),
    (A, "/konto/email/", 302),
    (S, "/konto/email/", 200),
    (A, "/konto/confirm-email/", 200),
    (A, "/konto/confirm-email/ugyldig-nokkel/", 200),
    (A, "/konto/password/change/", 302),
    (S, "/konto/password/change/", 200),
    (A, "/konto/password/set/", 302),
    (S, "/konto/password/set/", 302),
    (A, "/konto/password/reset/", 200),
    (A, "/konto/password/reset/done/", 200),
    (A, "/konto/password/reset/key/done/", 200),
    (A, "/konto/password/reset/key/1-ugyldig/", 200),
    (A, "/konto/login/code/confirm/", 302),
    # --- single sign-on (allauth's social accounts); OIDC_* is not set here, so the provider's
    # URLs answer 404 (tests/accounts/test_sso.py covers them configured) ----------------------
    (A, "/konto/3rdparty/", 302),
    (S, "/konto/3rdparty/", 200),
    (A, "/konto/3rdparty/signup/", 302),
    (A, "/konto/3rdparty/login/cancelled/", 200),
    (A, "/konto/3rdparty/login/error/", 401),
    # allauth's old addresses move permanently to /konto/3rdparty/…
    (A, "/konto/social/connections/", 301),
    (S, "/konto/social/connections/", 301),
    (A, "/konto/social/signup/", 301),
    (A, "/konto/social/login/cancelled/", 301),
    (A, "/konto/social/login/error/", 301),
    (A, "/konto/oidc/idporten/login/", 404),
    (S, "/konto/oidc/idporten/login/", 404),
    (A, "/konto/oidc/idporten/login/callback/", 404),
    # --- two-factor authentication and sessions: one's own ------------------------------------
    (A, "/konto/2fa/", 302),
    *[(role, "/konto/2fa/", 200) for role in SIGNED_IN],
    (A, "/konto/2fa/authenticate/", 302),
    (S, "/konto/2fa/authenticate/", 302),
    (A, "/konto/2fa/reauthenticate/", 302),
    (S, "/konto/2fa/reauthenticate/", 302),
    (A, "/konto/2fa/totp/activate/", 302),
    # Setting up or changing MFA asks for the password first (force_login is no fresh sign-in).
    *[(role, "/konto/2fa/totp/activate/", 302) for role in (S, L, R)],
    (A, "/konto/2fa/totp/deactivate/", 302),
    (S, "/konto/2fa/totp/deactivate/", 404),
    (A, "/konto/2fa/recovery-codes/", 302),
    (S, "/konto/2fa/recovery-codes/", 404),
    (A, "/konto/2fa/recovery-codes/generate/", 302),
    (S, "/konto/2fa/recovery-codes/generate/", 302),
    (A, "/konto/2fa/recovery-codes/download/", 302),
    (S, "/konto/2fa/recovery-codes/download/", 404),
    (A, "/konto/2fa/webauthn/", 302),
    (S, "/konto/2fa/webauthn/", 200),
    (A, "/konto/2fa/webauthn/add/", 302),
    *[(role, "/konto/2fa/webauthn/add/", 302) for role in (S, L, R)],
    (A, "/konto/2fa/webauthn/reauthenticate/", 302),
    (S, "/konto/2fa/webauthn/reauthenticate/", 302),
    (A, "/konto/2fa/webauthn/keys/1/remove/", 302),
    (S, "/konto/2fa/webauthn/keys/1/remove/", 302),
    (A, "/konto/2fa/webauthn/keys/1/edit/", 302),
    (S, "/konto/2fa/webauthn/keys/1/edit/", 302),
    (A, "/konto/2fa/webauthn/login/", 302),
    (A, "/konto/sessions/", 302),
    *[(role, "/konto/sessions/", 200) for role in SIGNED_IN],
    # --- Django admin: staff only, behind allauth's sign-in ---------------------------------
    (A, "/admin/", 302),
    (S, "/admin/", 302),
    (L, "/admin/", 302),
    (R, "/admin/", 200),
    (A, "/admin/login/", 302),
    (R, "/admin/login/", 302),
    (R, "/admin/logout/", 405),
    (R, "/admin/password_change/", 200),
    (R, "/admin/password_change/done/", 200),
    (S, "/admin/autocomplete/", 302),
    (R, "/admin/jsi18n/", 200),
    (R, "/admin/r/{user_content_type}/{bergen}/", 404),
    (R, "/admin/accounts/", 200),
    (S, "/admin/accounts/", 302),
    (R, "/admin/nowhere/", 404),
    *[
        row
        for model, obj, deletable in [
            ("accounts/user", "{ansatt_user}", False),  # owners delete their own accounts
            ("accounts/organisation", "{bergen}", False),  # it has members
            ("account/emailaddress", "{ansatt_email}", True),
        ]
        for row in [
            (A, f"/admin/{model}/", 302),
            (S, f"/admin/{model}/", 302),
            (R, f"/admin/{model}/", 200),
            (R, f"/admin/{model}/add/", 200),
            (R, f"/admin/{model}/{obj}/change/", 200),
            (R, f"/admin/{model}/{obj}/history/", 200),
            (R, f"/admin/{model}/{obj}/delete/", 200 if deletable else 403),
            (R, f"/admin/{model}/{obj}/", 302),
        ]
    ],
    # Authenticators and sessions: editors see and remove them, never add or change them.
    *[
        row
        for model, obj in [
            ("mfa/authenticator", "{authenticator}"),
            ("usersessions/usersession", "{usersession}"),
        ]
        for row in [
            (A, f"/admin/{model}/", 302),
            (S, f"/admin/{model}/", 302),
            (R, f"/admin/{model}/", 200),
            (R, f"/admin/{model}/add/", 403),
            (R, f"/admin/{model}/{obj}/change/", 200),
            (R, f"/admin/{model}/{obj}/history/", 200),
            (R, f"/admin/{model}/{obj}/delete/", 200),
            (R, f"/admin/{model}/{obj}/", 302),
        ]
    ],
    (R, "/admin/accounts/user/{ansatt_user}/password/", 200),
    (S, "/admin/accounts/user/{ansatt_user}/password/", 302),
    (S, "/admin/core/auditevent/", 302),
    (R, "/admin/core/auditevent/", 200),
    (R, "/admin/core/auditevent/add/", 403),
    (R, "/admin/core/auditevent/{event}/change/", 200),
    (R, "/admin/core/auditevent/{event}/history/", 200),
    (R, "/admin/core/auditevent/{event}/delete/", 403),
    (R, "/admin/core/auditevent/{event}/", 302),
    (S, "/admin/django_tasks_database/dbtaskresult/", 302),
    (R, "/admin/django_tasks_database/dbtaskresult/", 200),
    (R, "/admin/django_tasks_database/dbtaskresult/add/", 403),
    (R, "/admin/django_tasks_database/dbtaskresult/{task}/change/", 200),
    (R, "/admin/django_tasks_database/dbtaskresult/{task}/history/", 200),
    (R, "/admin/django_tasks_database/dbtaskresult/{task}/delete/", 403),
    (R, "/admin/django_tasks_database/dbtaskresult/{task}/", 302),
    # --- the trial scheme (forsøksordningen): tests/trials/matrix.py ------------------------
    *TRIAL_ROWS,
    # --- follow-up after a measure ended: tests/initiatives/followup_matrix.py ---------------
    *FOLLOWUP_ROWS,
]


@pytest.fixture
def objects(people, bergen):
    from django.contrib.contenttypes.models import ContentType

    trondheim = Organisation.objects.get(municipality_id="5001")
    applicant = UserFactory()
    invited = UserFactory(email="invitert@example.no")
    invitation = Invitation.objects.create(
        organisation=bergen, email=invited.email, roles=[Role.ANSATT], invited_by=people["leder"]
    )
    ansatt = people["ansatt"]
    agency = OrganisationFactory(name="Testdirektoratet", parent_ministry=objects_ministry(people))
    measures = {
        "draft": InitiativeFactory(organisation=bergen),
        "pending": InitiativeFactory(organisation=bergen, workflow_status="til_godkjenning"),
        "published": InitiativeFactory(organisation=bergen, workflow_status="publisert"),
        "archived": InitiativeFactory(organisation=bergen, workflow_status="arkivert"),
        "agency_pending": InitiativeFactory(organisation=agency, workflow_status="til_godkjenning"),
        "own_draft": InitiativeFactory(organisation=bergen, created_by=ansatt),
        "returned": InitiativeFactory(organisation=bergen, created_by=ansatt),
    }
    InitiativeChange.objects.create(initiative=measures["returned"], action="returned")
    unstaffed = OrganisationFactory(name="Tomt direktorat")
    measures["unstaffed_draft"] = InitiativeFactory(organisation=unstaffed)
    left = MembershipFactory(organisation=OrganisationFactory(), roles=[Role.ANSATT])
    left.user.is_active = False
    left.user.save()
    measures["deactivated_staff_draft"] = InitiativeFactory(organisation=left.organisation)
    files = {
        f"m_{state}_file": Attachment.objects.create(
            initiative=measures[state],
            file=ContentFile(b"%PDF-1.4 test", name="rapport.pdf"),
            original_name="rapport.pdf",
            content_type="application/pdf",
            size=13,
        ).pk
        for state in ("draft", "published")
    }
    reports = {
        "r_draft": ExperienceReportFactory(initiative=measures["published"]),
        "r_published": ExperienceReportFactory(
            initiative=measures["published"], workflow_status="publisert"
        ),
        "r_of_draft": ExperienceReportFactory(initiative=measures["draft"]),
    }
    comments = _comments(people, measures)
    union_reps = {
        TL: MembershipFactory(
            organisation=bergen, roles=[Role.LEDER, Role.TILLITSVALGT], union_name="Delta"
        ).user,
        TS: MembershipFactory(
            organisation=bergen, roles=[Role.ANSATT, Role.TILLITSVALGT], union_name="Unio"
        ).user,
    }
    batches = {
        "import_batch": ImportBatch.objects.create(
            organisation=bergen, created_by=people["leder"], file_name="tiltak.csv"
        ),
        "import_batch_other": ImportBatch.objects.create(
            organisation=trondheim, created_by=people["redaktor"], file_name="tiltak.xlsx"
        ),
    }
    follow = Follow.objects.create(user=ansatt, initiative=measures["published"])
    relation = InitiativeRelation.objects.create(
        initiative=InitiativeFactory(organisation=trondheim, workflow_status="publisert"),
        other=measures["published"],
        kind="bygger_pa",
    )
    trials = trial_objects(people, bergen, measures["published"])
    trial_people = trials.pop("extra_people")
    return {
        **trials,
        **followup_objects(people, bergen),
        **{name: comment.pk for name, comment in comments.items()},
        "follow": follow.pk,
        "relation": relation.pk,
        "unsubscribe": unsubscribe_token(ansatt, follow=follow),
        **{f"m_{state}": measure.pk for state, measure in measures.items()},
        **_union_rep_measures(bergen, union_reps[TS]),
        **{name: report.pk for name, report in reports.items()},
        **files,
        "people": {
            **people,
            **union_reps,
            **trial_people,
            "applicant": applicant,
            "invited": invited,
        },
        "bergen": bergen.pk,
        "trondheim": trondheim.pk,
        **{name: batch.pk for name, batch in batches.items()},
        "membership": Membership.objects.get(user=ansatt, organisation=bergen).pk,
        "membership_other": Membership.objects.get(organisation=trondheim).pk,
        "pending": JoinRequest.objects.create(
            user=applicant, organisation=bergen, roles=[Role.ANSATT]
        ).pk,
        "decided": JoinRequest.objects.create(
            user=UserFactory(), organisation=bergen, roles=[Role.ANSATT], status="declined"
        ).pk,
        "pending_other": JoinRequest.objects.create(
            user=UserFactory(), organisation=trondheim, roles=[Role.ANSATT]
        ).pk,
        "token": invitation.token,
        "ansatt_user": ansatt.pk,
        "ansatt_email": ansatt.emailaddress_set.get().pk,
        "user_content_type": ContentType.objects.get_for_model(ansatt).pk,
        "event": AuditEvent.objects.create(action="test.event").pk,
        "task": deliver_notifications.enqueue().id,
        "authenticator": Authenticator.objects.create(
            user=applicant, type=Authenticator.Type.TOTP, data={"secret": "x"}
        ).pk,
        "usersession": UserSession.objects.create(
            user=applicant, ip="127.0.0.1", session_key="permission-matrix-session"
        ).pk,
    }


def _union_rep_measures(bergen, rep) -> dict:
    """Published Bergen measures that ``rep`` registered, or edited, submitted or published
    (as the measure's history records it)."""
    made = {"created": InitiativeFactory(organisation=bergen, workflow_status="publisert")}
    made["created"].created_by = rep
    made["created"].save()
    for how in SHAPED[1:]:
        made[how] = InitiativeFactory(organisation=bergen, workflow_status="publisert")
        InitiativeChange.objects.create(
            initiative=made[how], actor_id=rep.pk, actor_name=rep.display_name, action=how
        )
    return {f"m_{how}_by_rep": measure.pk for how, measure in made.items()}


def _comments(people, measures) -> dict:
    """A union rep's comment (still editable), a reply, an old one, one on a draft."""
    from datetime import timedelta

    from django.utils import timezone

    def write(measure, author=people["tillitsvalgt"], **extra):
        return Comment.objects.create(
            initiative=measure, author=author, body="Hei", body_html="<p>Hei</p>", **extra
        )

    comments = {
        "c_t": write(measures["published"]),
        "c_old": write(measures["published"]),
        "c_on_draft": write(measures["draft"]),
    }
    comments["c_reply"] = write(measures["published"], people["leder"], parent=comments["c_t"])
    Comment.objects.filter(pk=comments["c_old"].pk).update(
        created_at=timezone.now() - timedelta(hours=1)
    )
    return comments


def _expand(path: str, objects: dict) -> str:
    return path.format(**{k: v for k, v in objects.items() if k != "people"})


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "path", "expected"), MATRIX)
def test_permission_matrix(client, objects, role, path, expected):
    user = objects["people"][role]
    if user is not None:
        user.is_staff = user.is_superuser = role == R
        user.save()
        client.force_login(user)
    response = client.get(_expand(path, objects))
    assert response.status_code == expected, f"{role} GET {path}"


def _join(route: str, child: str) -> str:
    return route + (child[1:] if child.startswith("^") else child)


def _all_routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        route = _join(prefix, str(pattern.pattern))
        if isinstance(pattern, URLResolver):
            yield from _all_routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route


def test_every_url_has_a_row():
    sample = {
        "m_draft": 1,
        "m_pending": 2,
        "m_published": 3,
        "m_archived": 4,
        "m_agency_pending": 5,
        **{f"m_{how}_by_rep": 6 for how in SHAPED},
        "m_own_draft": 6,
        "m_returned": 7,
        **dict.fromkeys(UNSTAFFED, 8),
        "m_draft_file": 1,
        "m_published_file": 2,
        "bergen": 1,
        "membership": 1,
        "membership_other": 2,
        "pending": 1,
        "decided": 2,
        "pending_other": 3,
        "token": "abc",
        "ansatt_user": 1,
        "ansatt_email": 1,
        "user_content_type": 1,
        "event": 1,
        "r_draft": 1,
        "r_published": 2,
        "r_of_draft": 3,
        "c_t": 1,
        "c_old": 2,
        "c_on_draft": 3,
        "c_reply": 4,
        "follow": 1,
        "relation": 1,
        "unsubscribe": "abc",
        "task": "00000000-0000-0000-0000-000000000000",
        "authenticator": 1,
        "usersession": 1,
        "trondheim": 2,
        "import_batch": "00000000-0000-0000-0000-000000000001",
        "import_batch_other": "00000000-0000-0000-0000-000000000002",
        **TRIAL_SAMPLE,
        **FOLLOWUP_SAMPLE,
    }
    covered = {resolve(_expand(path, sample).split("?")[0]).route for _, path, _ in MATRIX}
    missing = sorted(set(_all_routes()) - covered)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"


@pytest.mark.django_db
def test_the_assessment_rule_agrees_in_the_policy_my_work_and_the_service(client, objects):
    """A union rep who leads the owner, or took part in a measure, cannot assess it: not on
    its page, not in "my work", and not by posting the form."""
    from initiatives.models import Initiative
    from initiatives.selectors import awaiting_my_assessment
    from tillit.policy import Action, can

    people = objects["people"]
    by_rep = {objects[f"m_{how}_by_rep"] for how in SHAPED}
    open_to_all = {objects["m_published"], objects["m_pending"]}
    expected = {T: open_to_all | by_rep, TL: set(), TS: open_to_all}
    measures = Initiative.objects.filter(pk__in=open_to_all | by_rep)
    for role, allowed in expected.items():
        user = people[role]
        assert {m.pk for m in measures if can(user, Action.INITIATIVE_ASSESS, m)} == allowed
        assert set(awaiting_my_assessment(user).values_list("pk", flat=True)) == allowed

    for role, pk in [(TL, objects["m_published"]), (TS, objects["m_created_by_rep"])]:
        client.force_login(people[role])
        response = client.post(f"/tiltak/{pk}/medvirkning/", {"assessment": "bekreftet"})
        assert response.status_code == 404
        assert Initiative.objects.get(pk=pk).union_assessment == "ukjent"
