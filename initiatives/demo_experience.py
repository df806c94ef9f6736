"""Demo experience reports and focus-area texts for ``seed_demo``, written for this portal."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import ExperienceReport, FocusArea, Initiative, WorkflowStatus
from .overview.cache import bump_data_version

FOCUS_TEXTS = {  # by focus-area number (tillit/data/fokusomrader.csv)
    1: "De som møter innbyggerne, får bruke mer av sitt faglige skjønn. Tillit betyr her at "
    "ansatte i førstelinjen bestemmer mer av hvordan arbeidet gjøres, innenfor klare rammer.",
    2: "Mindre tid på rapportering og dokumentasjon som ingen bruker, og mer tid til "
    "oppgavene. Kartlegg hva som rapporteres, hvem som leser det, og fjern det som ikke gir "
    "nytte.",
    3: "Staten styrer kommuner og fylkeskommuner med færre detaljerte krav, slik at de kan "
    "tilpasse tjenestene til lokale forhold og prioritere selv.",
    4: "Ansatte og deres organisasjoner er med og utvikler tjenestene. Partssamarbeidet er "
    "grunnmuren: endringer som angår de ansatte, drøftes med dem før de bestemmes.",
    5: "Styring med mål og resultater i stedet for detaljer: kortere tildelingsbrev, mer "
    "dialog i etatsstyringen og bedre samordning mellom sektorer og forvaltningsnivåer.",
    6: "Ledere som viser tillit, gir handlingsrom og er tett på arbeidet. Tillitsbasert ledelse "
    "handler om relasjoner, dialog og ansvar, ikke om færre ledere.",
    7: "Tilsyn og kontroll som bygger på tillit: mer veiledning og læring, færre "
    "dokumentasjonskrav, og kontroll der risikoen faktisk er størst.",
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
