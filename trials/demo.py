"""Demo data for ``seed_demo``: one round with an application in every state, several of them
from municipalities applying together, written for this portal. Idempotent: a second run adds
nothing. The demo ministry user is in KDD, the default coordinating ministry."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Case, When
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.search.indexing import index_initiative
from tillit.accounts.models import Organisation, OrganisationKind

from .models import Exemption, LegalAct, MinistryAssessment, TrialApplication, TrialRound
from .models import TrialStatus as S

ROUND_TITLE = "Forsøksrunden 2026–2027"

# (state, title, law, section, why, instead)
APPLICATIONS = [
    (
        S.DRAFT,
        "Én søknad om tilskudd til frivilligheten",
        "kommuneloven",
        "§ 14-2",
        "Budsjettreglene krever egne søknader per tilskuddsordning.",
        "Én felles søknad og én rapport for alle lokale tilskudd.",
    ),
    (
        S.PRELIMINARY_SENT,
        "Felles barnehageopptak over kommunegrensen",
        "barnehageloven",
        "§ 16",
        "Retten til plass gjelder bare i kommunen barnet bor i.",
        "Foreldre søker plass i nabokommunen nær arbeidsstedet.",
    ),
    (
        S.UNDER_ASSESSMENT,
        "Tverrfaglig team i stedet for faste vedtak",
        "sosialtjenesteloven",
        "§ 18",
        "Hver tjeneste fatter sitt eget vedtak.",
        "Ett team fatter ett samlet vedtak.",
    ),
    (
        S.SELECTED,
        "Friere timefordeling på ungdomstrinnet",
        "opplæringslova",
        "§ 14-1",
        "Fag- og timefordelingen er fastsatt nasjonalt.",
        "Skolene flytter inntil ti prosent av timene mellom fag.",
    ),
    (
        S.NOT_SELECTED,
        "Digitalt nabovarsel uten papirkopi",
        "plan- og bygningsloven",
        "§ 21-3",
        "Varsel må sendes i rekommandert brev når digital adresse mangler.",
        "Varsel i Altinn med påminnelse på SMS.",
    ),
    (
        S.FINAL_SENT,
        "Samlokalisert NAV og helsestasjon for unge",
        "NAV-loven",
        "§ 13",
        "Partnerskapet kan ikke dele ett mottak med helsetjenesten.",
        "Felles mottak for unge under 25 år.",
    ),
    (
        S.APPROVED,
        "Færre rapporteringskrav i hjemmetjenesten",
        "helse- og omsorgstjenesteloven",
        "§ 3-1",
        "Hver tjeneste rapporterer særskilt.",
        "Én halvårlig rapport med færre tall.",
    ),
    (
        S.REFUSED,
        "Legevakt uten lege til stede om natten",
        "helse- og omsorgstjenesteloven",
        "§ 3-5",
        "Kravet om lege i vakt.",
        "Sykepleier med lege på video.",
    ),
    (
        S.RUNNING,
        "Felles legevakt i fire fjellkommuner",
        "helse- og omsorgstjenesteloven",
        "§ 3-5",
        "Hver kommune må ha egen legevakt.",
        "Én legevakt med avtalt responstid.",
    ),
    (
        S.EVALUATED,
        "Tilpasset opplæring uten enkeltvedtak",
        "opplæringslova",
        "§ 11-6",
        "Hver tilpasning krever et enkeltvedtak.",
        "Skolen tilpasser innen rammer foreldrene kjenner.",
    ),
    (
        S.ENDED,
        "Forsøk med felles kontrollutvalg",
        "kommuneloven",
        "§ 23-1",
        "Hver kommune skal ha sitt eget kontrollutvalg.",
        "Ett felles utvalg for tre kommuner.",
    ),
]
ORDER = [s.value for s in S]


def _reached(state, step) -> bool:
    return ORDER.index(state) >= ORDER.index(step)


def _fill(app: TrialApplication, state: str, ministry, now) -> None:
    """What the steps up to ``state`` would have filled in."""
    if _reached(state, S.PRELIMINARY_SENT):
        app.preliminary_sent_at = now - timedelta(days=200)
    if _reached(state, S.UNDER_ASSESSMENT):
        app.assessment_started_at = now - timedelta(days=190)
    if _reached(state, S.SELECTED):
        app.selection_decided_at = now - timedelta(days=150)
        app.selection_reasons = (
            "Ikke valgt: tiltaket kan gjennomføres innenfor dagens regler."
            if state == S.NOT_SELECTED
            else "Godt forankret lokalt, og erfaringene kan brukes av andre kommuner."
        )
    if _reached(state, S.FINAL_SENT) and state != S.NOT_SELECTED:
        app.council_body = "Kommunestyret"
        app.council_date = date(2026, 6, 18)
        app.council_case_number = f"26/{400 + app.pk}"
        app.final_sent_at = now - timedelta(days=120)
    if _reached(state, S.APPROVED) and state not in (S.NOT_SELECTED,):
        app.decided_at = now - timedelta(days=90)
        if state == S.REFUSED:
            app.refusal_reasons = "Hensynet til pasientsikkerheten veier tyngre enn gevinsten."
        else:
            app.approving_ministry = ministry
            app.regulation_title = f"Forskrift om forsøk: {app.title.lower()}"
            app.regulation_date = date(2026, 9, 1)
            app.trial_start = date(2026, 10, 1)
            app.trial_end = date(2029, 9, 30)
            app.conditions = "Halvårlig statusrapport til departementet og åpen evaluering."
    if _reached(state, S.RUNNING) and state != S.REFUSED:
        app.started_at = now - timedelta(days=60)
    if state in (S.EVALUATED, S.ENDED):
        app.evaluated_at = now - timedelta(days=20)
        app.evaluation_url = "https://www.example.no/evaluering-forsok.pdf"
        app.evaluation_summary = "Mindre tid til rapportering, like god kvalitet i tjenesten."
    if state == S.ENDED:
        app.ended_at = now - timedelta(days=5)
        app.outcome = "varig"
        app.outcome_note = "Ordningen ble gjort varig ved endring i kommuneloven."


def seed_trials() -> str:
    if TrialRound.objects.filter(title=ROUND_TITLE).exists():
        return "no new trial applications"
    measures = list(
        Initiative.objects.filter(
            organisation__kind=OrganisationKind.KOMMUNE, workflow_status="publisert"
        )
        .select_related("organisation")
        # Bergen's first: the demo leader of Bergen writes the draft.
        .order_by(Case(When(organisation__municipality_id="4601", then=0), default=1), "pk")[
            : len(APPLICATIONS)
        ]
    )
    if not measures:
        return "no trial applications (no published municipal measures)"
    kdd, kd, hod = (Organisation.objects.get(short_name=n) for n in ("KDD", "KD", "HOD"))
    partners = list(
        Organisation.objects.filter(municipality_id__in=["4601", "5001", "0301", "1804"])
    )
    today, now = timezone.localdate(), timezone.now()
    with transaction.atomic():
        trial_round = TrialRound.objects.create(
            title=ROUND_TITLE,
            text="Kommuner og fylkeskommuner kan søke om forsøk etter forsøksloven, alene eller "
            "sammen. Send en kort forhåndssøknad først; de utvalgte sender endelig søknad med "
            "kommunestyrets vedtak.",
            preliminary_deadline=today + timedelta(days=21),
            final_deadline=today + timedelta(days=90),
            max_years=4,
        )
        for index, (state, title, law, section, why, instead) in enumerate(APPLICATIONS):
            measure = measures[index % len(measures)]
            measure.responsible_ministries.add(kdd, kd if index % 2 else hod)
            index_initiative(measure)
            app = TrialApplication.objects.create(
                initiative=measure,
                round=trial_round,
                title=title,
                purpose=f"{instead} Målet er bedre tjenester med mindre skjema og venting.",
                period_years=3,
                workflow_status=state,
            )
            together = [p for p in partners if p.pk != measure.organisation_id][: 1 + index % 2]
            app.applicants.set([measure.organisation, *together])
            Exemption.objects.create(
                application=app,
                legal_act=LegalAct.objects.get(short_name=law),
                section=section,
                obstacle=why,
                alternative=instead,
                evaluation="Følgeforskning med før- og etter-måling, og en rapport til slutt.",
            )
            _fill(app, state, hod if index % 2 == 0 else kd, now)
            app.save()
            if _reached(state, S.UNDER_ASSESSMENT):
                MinistryAssessment.objects.create(
                    application=app,
                    ministry=kdd,
                    verdict="avklaring" if state == S.UNDER_ASSESSMENT else "anbefalt",
                    reasons="Forsøket treffer et kjent hinder i regelverket.",
                )
    return f"{len(APPLICATIONS)} trial applications in «{ROUND_TITLE}»"
