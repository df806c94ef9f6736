"""Demo experience reports and focus-area texts for ``seed_demo``, written for this portal."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import ExperienceReport, FocusArea, Initiative, WorkflowStatus
from .overview.cache import bump_data_version

FOCUS_TEXTS = {
    1: "Ledere og medarbeidere i førstelinjen får mer rom til å bruke skjønn og fagkunnskap. "
    "Tillit betyr her at de som møter innbyggerne, får bestemme mer av hvordan arbeidet gjøres.",
    2: "Ansatte, tillitsvalgte og ledere utvikler tjenestene sammen. Partssamarbeidet er "
    "grunnmuren: endringer som angår de ansatte, drøftes med dem før de bestemmes.",
    3: "Mindre tid på rapportering som ingen bruker, og mer tid til oppgavene. Kartlegg hva "
    "som rapporteres, hvem som leser det, og fjern det som ikke gir nytte.",
    4: "Tilsyn og kontroll som bygger på tillit: mer veiledning og læring, færre "
    "dokumentasjonskrav, og kontroll der risikoen faktisk er størst.",
    5: "Staten styrer kommuner og virksomheter med færre detaljerte krav og mer dialog. "
    "Tildelingsbrev og styringsdialog handler om mål og resultater, ikke om hvordan.",
    6: "Innbyggerne møter tjenester som henger sammen. Etater og sektorer samarbeider på tvers, "
    "og førstelinjen får handlingsrom til å finne løsninger sammen med brukerne.",
    7: "Tillitsreformen handler også om tilliten mellom stat og kommune og mellom politikk "
    "og forvaltning: åpenhet, forutsigbarhet og respekt for ulike roller.",
}

REPORTS = {
    "Færre skjema i hjemmetjenesten": {
        "title": "Tre skjema borte – dette lærte vi",
        "summary": "Vi fjernet tre skjema i hjemmetjenesten. Ansatte fikk tid tilbake, men vi "
        "undervurderte hvor mye opplæring den nye rutinen trengte.",
        "what_was_done": "En arbeidsgruppe med ansatte, tillitsvalgt og leder gikk gjennom alle "
        "skjema i tjenesten. Tre skjema ble fjernet, og ett ble slått sammen med journalen.",
        "what_worked": "Ansatte brukte mindre tid foran skjermen og mer tid hos brukerne. "
        "Tillitsvalgte var med fra start, og det ga eierskap til endringen.",
        "challenges": "Noen savnet oversikten skjemaene ga. Vi måtte lage en kort muntlig "
        "rapport ved vaktskifte i stedet, og det tok to måneder før den satt.",
        "success_conditions": "At ledelsen tør å fjerne noe uten å erstatte det med noe nytt, "
        "og at de tillitsvalgte er med i hele prosessen.",
        "advice": "Start med å spørre hvem som leser hvert skjema. Svaret er ofte ingen.",
        "transferability": "ja",
        "outcomes": "Tid brukt på dokumentasjon: fra om lag 50 til 35 minutter per vakt "
        "(egen registrering over to uker før og etter).",
    },
    "Faste team i hjemmesykepleien": {
        "title": "Faste team: færre ansikter for brukerne",
        "summary": "Brukerne møter færre ulike ansatte, og sykefraværet har gått ned. "
        "Helgene er fortsatt vanskelige å dekke.",
        "what_was_done": "Hjemmesykepleien ble delt i fire faste team som selv fordeler "
        "brukerne og planlegger dagen.",
        "what_worked": "Brukerne møter færre ulike ansatte, og teamene løser mer selv uten å gå "
        "via koordinator.",
        "challenges": "Helgevakter og ferieavvikling krever fortsatt felles planlegging. Ett "
        "team ble for lite og måtte slås sammen med et annet.",
        "advice": "La teamene selv bestemme hvordan brukerne fordeles. Planen blir bedre.",
        "transferability": "delvis",
        "transferability_note": "Forutsetter et visst antall ansatte per team.",
        "outcomes": "Sykefravær: fra 9,8 til 7,9 prosent på ett år.",
    },
    "Saksbehandlere avgjør enkle byggesaker uten dobbel kontroll": {
        "title": "Enkle byggesaker uten dobbel kontroll",
        "summary": "Saksbehandlingstiden gikk ned, og feilene ble ikke flere.",
        "what_was_done": "Erfarne saksbehandlere fikk fullmakt til å avgjøre enkle "
        "byggesaker alene. Et utvalg saker ble kontrollert i etterkant.",
        "what_worked": "Saksbehandlingstiden for enkle saker gikk ned, og de ansatte opplever "
        "mer ansvar og tillit.",
        "challenges": "Det var uklart hva som var en enkel sak. Vi måtte lage en kort liste "
        "med eksempler.",
        "transferability": "ja",
        "outcomes": "Gjennomsnittlig saksbehandlingstid: fra 21 til 12 dager.",
    },
    "Lærerne bestemmer innholdet i den felles utviklingstiden": {
        "title": "Lærerstyrt utviklingstid: mer engasjement",
        "summary": "Lærerne velger selv tema for utviklingstiden. Engasjementet økte, men det "
        "ble vanskeligere å dele på tvers av skolene.",
        "what_was_done": "Hver skole fikk bestemme innholdet i utviklingstiden selv, etter "
        "drøfting i kollegiet.",
        "what_worked": "Lærerne opplever at tiden brukes på det som betyr noe i egen klasse.",
        "challenges": "Skolene lærte mindre av hverandre. Vi har nå ett felles møte i halvåret.",
        "transferability": "usikkert",
    },
}


def seed_experience(*, author=None) -> int:
    """Give a published measure of each title above a published report (once), and the
    focus areas their texts where they have none. Returns how many reports were added."""
    added = 0
    with transaction.atomic():
        for number, text in FOCUS_TEXTS.items():
            FocusArea.objects.filter(number=number, description="").update(description=text)
        for measure_title, fields in REPORTS.items():
            measure = (
                Initiative.objects.filter(
                    title=measure_title, workflow_status=WorkflowStatus.PUBLISERT
                )
                .order_by("pk")
                .first()
            )
            if measure is None or measure.experience_reports.filter(title=fields["title"]).exists():
                continue
            ExperienceReport.objects.create(
                initiative=measure,
                created_by=author or measure.created_by,
                workflow_status=WorkflowStatus.PUBLISERT,
                published_at=timezone.now(),
                **fields,
            )
            Initiative.objects.filter(pk=measure.pk).update(has_experience=True)
            added += 1
    if added:
        bump_data_version()
    return added
