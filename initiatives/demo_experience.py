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

# Keyed by the title of a measure that the default seed publishes.
REPORTS = {
    "Tid til samtale på sykehjemmet": {
        "title": "Tre skjema borte, mer tid til samtale",
        "summary": "Vi fjernet tre skjema på sykehjemmet. Ansatte fikk tid tilbake, men vi "
        "undervurderte hvor mye opplæring den nye rutinen trengte.",
        "what_was_done": "En arbeidsgruppe med ansatte, tillitsvalgt og leder gikk gjennom alle "
        "skjema i avdelingen. Tre skjema ble fjernet, og ett ble slått sammen med journalen.",
        "what_worked": "Ansatte brukte mindre tid foran skjermen og mer tid sammen med "
        "beboerne. Tillitsvalgte var med fra start, og det ga eierskap til endringen.",
        "challenges": "Noen savnet oversikten skjemaene ga. Vi måtte lage en kort muntlig "
        "rapport ved vaktskifte i stedet, og det tok to måneder før den satt.",
        "success_conditions": "At ledelsen tør å fjerne noe uten å erstatte det med noe nytt, "
        "og at de tillitsvalgte er med i hele prosessen.",
        "advice": "Start med å spørre hvem som leser hvert skjema. Svaret er ofte ingen.",
        "transferability": "ja",
        "outcomes": "Tid brukt på dokumentasjon: fra om lag 50 til 35 minutter per vakt "
        "(egen registrering over to uker før og etter).",
    },
    "Pårørendeforum i omsorgstjenesten": {
        "title": "Pårørendeforum: færre klager, flere gode samtaler",
        "summary": "Et fast forum for pårørende ga færre skriftlige klager og bedre samtaler, "
        "men det var vanskelig å nå de pårørende som bor langt unna.",
        "what_was_done": "Omsorgstjenesten inviterte pårørende til et forum fire ganger i året, "
        "ledet av en pårørende og en ansatt sammen.",
        "what_worked": "Spørsmål ble tatt opp før de ble til klager, og ansatte fikk høre hva "
        "de pårørende setter pris på.",
        "challenges": "Pårørende som bor langt unna, deltok sjelden. Digitalt møte hjalp litt, "
        "men samtalen ble stivere.",
        "advice": "La en pårørende lede møtet sammen med en ansatt, ikke en leder.",
        "transferability": "delvis",
        "transferability_note": "Passer best der tjenesten har mange langvarige brukere.",
        "outcomes": "Skriftlige klager: fra 14 til 6 i løpet av det første året.",
    },
    "Saksbehandlere i barnevernet avgjør enkle hjelpetiltak selv": {
        "title": "Enkle hjelpetiltak uten dobbel kontroll",
        "summary": "Familiene fikk svar raskere, og feilene ble ikke flere.",
        "what_was_done": "Erfarne saksbehandlere fikk fullmakt til å avgjøre enkle "
        "hjelpetiltak alene. Et utvalg saker ble gjennomgått i etterkant, som læring.",
        "what_worked": "Tiden fra søknad til vedtak gikk ned, og de ansatte opplever mer "
        "ansvar og tillit.",
        "challenges": "Det var uklart hva som var et enkelt tiltak. Vi måtte lage en kort liste "
        "med eksempler og gå gjennom den sammen.",
        "transferability": "ja",
        "outcomes": "Tid fra søknad til vedtak: fra 21 til 12 dager i snitt.",
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
