"""The trial scheme's rows of the permission matrix (``tests/test_permissions.py``) and the
objects they name. Bergen applies from its published measure, whose responsible ministry is
KD; the matrix's ``departement`` user is in KDD, the coordinating ministry; JD is a ministry
not concerned; Trondheim (``leder_annen``) has an application of its own."""

from django.core.files.base import ContentFile

from tillit.accounts.models import Organisation, Role
from trials.models import LegalAct, TrialDocument, TrialRound, TrialStatus

from ..factories import InitiativeFactory, MembershipFactory
from .world import application_in

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
KD, JD = "departement_kd", "departement_jd"
EVERYONE = (A, OUT, S, L, T, D, R, X, KD, JD)
APPLICANT_MEMBERS = (S, L, T)
UNDER_WAY = ("preliminary_sent", "under_assessment", "selected", "final_sent")
DECIDED = ("not_selected", "refused", "approved", "running", "evaluated", "ended")
STATE = {
    "draft": TrialStatus.DRAFT,
    "preliminary_sent": TrialStatus.PRELIMINARY_SENT,
    "under_assessment": TrialStatus.UNDER_ASSESSMENT,
    "selected": TrialStatus.SELECTED,
    "not_selected": TrialStatus.NOT_SELECTED,
    "final_sent": TrialStatus.FINAL_SENT,
    "approved": TrialStatus.APPROVED,
    "refused": TrialStatus.REFUSED,
    "running": TrialStatus.RUNNING,
    "evaluated": TrialStatus.EVALUATED,
    "ended": TrialStatus.ENDED,
}


def _others(allowed):
    return [role for role in EVERYONE if role not in allowed and role != A]


def _step(path, state, allowed):
    """A step's page: 200 for ``allowed`` in its state, sign-in first, 404 for all others."""
    url = f"/forsok/{{t_{state}}}/{path}/"
    return [
        (A, url, 302),
        *[(role, url, 200) for role in allowed],
        *[(role, url, 404) for role in _others(allowed)],
    ]


TRIAL_ROWS = [
    # --- the trial scheme: public list and statistics ---------------------------------------
    *[(role, "/forsok/", 200) for role in EVERYONE],
    *[(role, "/forsok/statistikk/", 200) for role in EVERYONE],
    # --- the open data API: approved trials only -----------------------------------------
    *[(role, "/api/v1/forsok/", 200) for role in (A, L, R)],
    *[(role, "/api/v1/forsok/{t_approved}/", 200) for role in (A, L, R)],
    *[(role, "/api/v1/forsok/{t_final_sent}/", 404) for role in (A, L, D, R)],
    *[(role, "/api/v1/forsok/{t_refused}/", 404) for role in (A, R)],
    # --- one application: applicants, ministries concerned and editors until the decision --
    *[(role, "/forsok/{t_draft}/", 200) for role in (S, L, T, R)],
    *[(role, "/forsok/{t_draft}/", 404) for role in (A, OUT, D, X, KD, JD)],
    *[
        (role, f"/forsok/{{t_{state}}}/", 200)
        for state in UNDER_WAY
        for role in (S, L, T, D, R, KD)
    ],
    *[(role, f"/forsok/{{t_{state}}}/", 404) for state in UNDER_WAY for role in (A, OUT, X, JD)],
    *[(role, f"/forsok/{{t_{state}}}/", 200) for state in DECIDED for role in EVERYONE],
    # An applicant never sees another applicant's application before the decision.
    *[(role, "/forsok/{t_other}/", 404) for role in (S, L, T, D, KD)],
    *[(role, "/forsok/{t_other}/", 200) for role in (X, R)],
    # --- documents: as the application ------------------------------------------------------
    *[(role, "/forsok/{t_final_sent}/dokument/{t_final_sent_doc}/", 200) for role in (L, KD, R)],
    *[(role, "/forsok/{t_final_sent}/dokument/{t_final_sent_doc}/", 404) for role in (A, X, JD)],
    *[(role, "/forsok/{t_ended}/dokument/{t_ended_doc}/", 200) for role in (A, OUT)],
    (L, "/forsok/{t_ended}/dokument/{t_final_sent_doc}/", 404),
    # --- applying from a measure: leaders of the measure's municipality --------------------
    (A, "/forsok/ny/{m_published}/", 302),
    (L, "/forsok/ny/{m_published}/", 200),
    *[(role, "/forsok/ny/{m_published}/", 404) for role in (OUT, S, T, D, R, X, KD, JD)],
    (L, "/forsok/ny/{m_draft}/", 200),
    (L, "/forsok/ny/{m_agency_pending}/", 404),
    # --- rounds: the coordinating ministry ----------------------------------------------------
    *[
        row
        for url in ("/forsok/runder/", "/forsok/runder/ny/", "/forsok/runder/{t_round}/")
        for row in [
            (A, url, 302),
            (D, url, 200),
            *[(role, url, 404) for role in (OUT, S, L, T, R, X, KD, JD)],
        ]
    ],
    (D, "/forsok/runder/999999/", 404),
    # --- the steps, each in its state -----------------------------------------------------------
    *_step("rediger", "draft", (L,)),
    *_step("send-forhandssoknad", "draft", (L,)),
    *_step("til-vurdering", "preliminary_sent", (D,)),
    # Only a responsible ministry assesses: KDD coordinates but is not responsible here.
    *_step("vurdering", "under_assessment", (KD,)),
    *_step("utvelging", "under_assessment", (D,)),
    *_step("soknad", "selected", (L,)),
    *_step("godkjenn", "final_sent", (D, KD)),
    *_step("avsla", "final_sent", (D, KD)),
    *_step("start", "approved", (L,)),
    *_step("evaluering", "running", (L,)),
    *_step("avslutt", "running", (D, KD)),
    *_step("avslutt", "evaluated", (D, KD)),
    # ... and nobody takes a step in another state.
    *[(role, "/forsok/{t_selected}/rediger/", 404) for role in (L, R)],
    *[(role, "/forsok/{t_draft}/til-vurdering/", 404) for role in (D, R)],
    *[(role, "/forsok/{t_selected}/vurdering/", 404) for role in (KD, D)],
    *[(role, "/forsok/{t_final_sent}/utvelging/", 404) for role in (D,)],
    (L, "/forsok/{t_final_sent}/soknad/", 404),
    *[(role, "/forsok/{t_approved}/godkjenn/", 404) for role in (D, KD)],
    *[(role, "/forsok/{t_ended}/avslutt/", 404) for role in (D, KD)],
    (L, "/forsok/{t_running}/start/", 404),
    (L, "/forsok/{t_evaluated}/evaluering/", 404),
    # The other applicant's application: its own leader only.
    (X, "/forsok/{t_other}/rediger/", 200),
    (L, "/forsok/{t_other}/rediger/", 404),
    # --- the laws' reference table, kept by editors in the administration ------------------
    (A, "/admin/trials/legalact/", 302),
    (S, "/admin/trials/legalact/", 302),
    (R, "/admin/trials/legalact/", 200),
    (R, "/admin/trials/legalact/add/", 200),
    (R, "/admin/trials/legalact/{legal_act}/change/", 200),
    (R, "/admin/trials/legalact/{legal_act}/history/", 200),
    (R, "/admin/trials/legalact/{legal_act}/delete/", 200),
    (R, "/admin/trials/legalact/{legal_act}/", 302),
]

# Placeholder values for resolving the rows' paths without a database.
TRIAL_SAMPLE = {
    **{f"t_{state}": n for n, state in enumerate(STATE, start=1)},
    "t_other": 99,
    "t_final_sent_doc": 1,
    "t_ended_doc": 2,
    "t_round": 1,
    "legal_act": 1,
}


def _document(application):
    return TrialDocument.objects.create(
        application=application,
        kind="vedtak",
        file=ContentFile(b"%PDF-1.4 test", name="vedtak.pdf"),
        original_name="vedtak.pdf",
        content_type="application/pdf",
        size=13,
    ).pk


def trial_objects(people, bergen, measure) -> dict:
    """The matrix's applications, one per state, from Bergen's published ``measure``."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    kd = Organisation.objects.get(short_name="KD")
    measure.responsible_ministries.set([kd])
    extra_people = {
        KD: MembershipFactory(organisation=kd, roles=[Role.DEPARTEMENT]).user,
        JD: MembershipFactory(
            organisation=Organisation.objects.get(short_name="JD"), roles=[Role.DEPARTEMENT]
        ).user,
    }
    trial_round = TrialRound.objects.create(title="Forsøksrunde", max_years=4)
    world = {"measure": measure, "round": trial_round, "grong_leader": people["leder"]}
    world["hod"] = Organisation.objects.get(short_name="HOD")
    made = {
        f"t_{name}": application_in(world, state, applicants=[bergen])
        for name, state in STATE.items()
    }
    other_measure = InitiativeFactory(organisation=trondheim, workflow_status="publisert")
    other = application_in(
        {**world, "measure": other_measure},
        TrialStatus.DRAFT,
        applicants=[trondheim],
        measure=other_measure,
    )
    return {
        **{name: app.pk for name, app in made.items()},
        "t_other": other.pk,
        "t_final_sent_doc": _document(made["t_final_sent"]),
        "t_ended_doc": _document(made["t_ended"]),
        "t_round": trial_round.pk,
        "legal_act": LegalAct.objects.get(short_name="kommuneloven").pk,
        "extra_people": extra_people,
    }
