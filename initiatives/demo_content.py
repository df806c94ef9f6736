"""Demo texts for the ``seed_demo`` command.

Freshly written, generic Norwegian (bokmål) texts describing typical trust-reform
measures (tiltak) and pilots (forsøk). The texts avoid named places and persons so
the generator can attach them to any municipality or state agency.
"""

from __future__ import annotations

MEASURES: list[dict] = [
    {
        "title": "Færre skjema i hjemmetjenesten",
        "summary": (
            "Hjemmetjenesten fjerner skjemaer som ingen bruker, og lar de ansatte dokumentere det "
            "som faktisk har betydning for oppfølgingen av brukeren."
        ),
        "description": (
            "Ansatte i hjemmetjenesten brukte mye tid på å fylle ut skjemaer ved hvert besøk, "
            "også når ingenting hadde endret seg hos brukeren. En arbeidsgruppe med sykepleiere, "
            "helsefagarbeidere og tillitsvalgte gikk gjennom alle skjemaene og spurte hvem som "
            "faktisk leste dem. Resultatet ble at elleve av tjueto skjemaer ble fjernet, og at "
            "fire andre ble slått sammen til ett.\n\n"
            "Det som gjenstår, er dokumentasjon som regelverket krever, eller som kollegene "
            "trenger for å gi trygg oppfølging. Enheten vil måle tidsbruken på nytt etter et "
            "halvt år og justere hvis det viser seg at viktig informasjon blir borte."
        ),
        "kind": "prosjekt",
        "sector": "helse_omsorg",
        "focus_areas": ["mindre-rapportering", "faglig-frihet"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Arbeidsgruppe på seks personer, frikjøpt én dag i uken i tre måneder.",
            "activities": "Gjennomgang av alle skjemaer og intervjuer med ansatte i tre soner.",
            "outputs": "Elleve skjemaer fjernet og fire slått sammen til ett.",
            "user_effects": "Mer tid sammen med brukeren ved hvert besøk.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Faste team i hjemmesykepleien",
        "summary": (
            "Hjemmesykepleien prøver ut små, faste team som selv planlegger dagen og fordeler "
            "besøkene, slik at brukerne møter færre ulike ansatte."
        ),
        "description": (
            "Mange brukere av hjemmesykepleien møter over tjue forskjellige ansatte i løpet av en "
            "måned. I piloten får tre team på seks til åtte personer ansvar for hvert sitt område "
            "og en fast gruppe brukere. Teamene legger selv kjørelisten og avgjør sammen med "
            "brukeren hvordan tiden best brukes. Lederen er tilgjengelig for støtte, men går ikke "
            "inn i den daglige prioriteringen. Piloten evalueres etter tolv måneder med vekt på "
            "kontinuitet, sykefravær og brukernes egne erfaringer."
        ),
        "kind": "pilot",
        "sector": "helse_omsorg",
        "focus_areas": ["tillitsbasert-ledelse", "faglig-frihet"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "brukere"],
        "state": False,
        "results": {
            "resources": "Prosjektleder i halv stilling og midler til opplæring i teamarbeid.",
            "activities": "Opplæring av teamene og månedlige refleksjonsmøter.",
            "outputs": "Tre selvstyrte team i drift fra høsten.",
            "user_effects": (
                "Brukerne møter færre ulike ansatte og slipper å forklare det samme flere ganger."
            ),
            "societal_effects": (
                "Lavere sykefravær kan gjøre det lettere å rekruttere til hjemmetjenesten."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Tid til samtale på sykehjemmet",
        "summary": (
            "Sykehjemmet setter av en fast halvtime per vakt der pleierne kan sitte ned med "
            "beboerne, uten at tiden må registreres i et eget system."
        ),
        "description": (
            "Ansatte på sykehjemmet meldte at samtaler med beboerne ofte ble nedprioritert fordi "
            "de ikke var synlige i oppgavelistene. Avdelingene har derfor innført en fast "
            "halvtime per vakt som er satt av til samvær, og det er pleierne selv som avgjør hvem "
            "som trenger den mest. Tiden skal ikke føres i noen egen statistikk, og "
            "avdelingslederne følger i stedet opp gjennom korte samtaler i personalmøtene.\n\n"
            "Tiltaket ble utviklet i et verksted der beboere, pårørende og ansatte deltok. Det er "
            "planlagt en enkel evaluering med intervjuer etter ett år."
        ),
        "kind": "innovasjon",
        "sector": "helse_omsorg",
        "focus_areas": ["faglig-frihet", "mindre-rapportering"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "Ingen ekstra midler; tiden er hentet fra en omlegging av vaktene.",
            "activities": "Verksted med beboere, pårørende og ansatte.",
            "outputs": "Fast samværstid på alle fire avdelinger.",
            "user_effects": "Beboerne får mer tid til samtale og aktivitet.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Trepartsmøter om bemanning i omsorgstjenesten",
        "summary": (
            "Politikere, ledelse og tillitsvalgte møtes fire ganger i året for å drøfte bemanning "
            "og kompetanse i omsorgstjenesten før budsjettet legges fram."
        ),
        "description": (
            "Tidligere ble bemanningsspørsmål i omsorgstjenesten avgjort sent i "
            "budsjettprosessen, uten at de ansattes erfaringer kom tydelig fram. Kommunen har nå "
            "etablert et fast trepartsforum der det politiske utvalget for helse og omsorg, "
            "kommunedirektørens ledergruppe og hovedtillitsvalgte møtes jevnlig. Møtene har en "
            "åpen agenda, og alle tre parter kan melde inn saker. Det skrives et kort referat som "
            "følger budsjettsaken til kommunestyret. Målet er at vanskelige prioriteringer blir "
            "drøftet tidlig og på et felles kunnskapsgrunnlag."
        ),
        "kind": "mote",
        "sector": "helse_omsorg",
        "focus_areas": ["medbestemmelse", "styring-og-samordning"],
        "trust_relations": ["arbeidsgiver_tillitsvalgte"],
        "participants": ["politisk_ledelse", "administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Sekretariat fra kommunedirektørens stab.",
            "activities": "Fire møter i året med felles saksforberedelse.",
            "outputs": "Referater som følger budsjettsaken til kommunestyret.",
            "user_effects": "",
            "societal_effects": (
                "Økt tillit mellom politikere, ledelse og ansatte i budsjettarbeidet."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Pårørendeforum i omsorgstjenesten",
        "summary": (
            "Omsorgstjenesten inviterer pårørende til et fast forum der de kan gi innspill på "
            "hvordan tjenestene organiseres, og få vite hva som skjer med innspillene."
        ),
        "description": (
            "Pårørende har ofte verdifull kunnskap om hva som fungerer for brukerne, men opplever "
            "at de bare blir kontaktet når noe har gått galt. Forumet møtes hver tredje måned og "
            "ledes av en pårørende sammen med en avdelingsleder. Hvert møte starter med en kort "
            "gjennomgang av hva som er gjort med innspillene fra forrige gang. Ansatte deltar på "
            "omgang, slik at de hører tilbakemeldingene direkte. Forumet skal ikke erstatte "
            "klagebehandling, men bidra til at små forbedringer skjer raskt og uten unødvendig "
            "byråkrati."
        ),
        "kind": "brukerforum",
        "sector": "helse_omsorg",
        "focus_areas": ["medbestemmelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["brukere", "administrativ_ledelse"],
        "state": False,
        "results": {
            "resources": "Møterom og en koordinator i ti prosent stilling.",
            "activities": "Fire forumsmøter i året.",
            "outputs": "Oversikt over innspill med status, publisert på kommunens nettside.",
            "user_effects": (
                "Pårørende opplever å bli hørt og ser at innspillene fører til endringer."
            ),
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Muntlig halvårsvurdering i ungdomsskolen",
        "summary": (
            "Ungdomsskolene prøver å erstatte deler av den skriftlige halvårsvurderingen med "
            "strukturerte elevsamtaler, for å frigjøre lærertid til tilbakemeldinger eleven kan "
            "bruke."
        ),
        "description": (
            "Lærerne bruker mange timer hvert halvår på skriftlige vurderinger som elever og "
            "foresatte sier at de sjelden leser grundig. I forsøket får elevene i stedet en "
            "samtale med kontaktlærer og faglærer der de går gjennom hva som fungerer, og hva de "
            "bør jobbe videre med. Et kort skriftlig sammendrag sendes hjem etter samtalen. "
            "Kommunen søker om unntak fra kravet om fullstendig skriftlig vurdering i alle fag. "
            "Forsøket følges av en forskergruppe som sammenligner elevenes opplevelse av læring "
            "med skoler som ikke deltar."
        ),
        "kind": "forsok",
        "sector": "oppvekst_skole",
        "focus_areas": ["faglig-frihet", "mindre-rapportering"],
        "trust_relations": ["stat_kommune", "leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "brukere", "forskere"],
        "state": False,
        "results": {
            "resources": "Midler til følgeforskning og to planleggingsdager per skole.",
            "activities": "Utprøving på tre ungdomsskoler i to skoleår.",
            "outputs": "Ny mal for elevsamtaler og et kort skriftlig sammendrag.",
            "user_effects": "Elevene får mer konkrete tilbakemeldinger de kan bruke i arbeidet.",
            "societal_effects": "",
        },
        "exemption": (
            "Forskrift til opplæringsloven, krav om skriftlig halvårsvurdering i hvert fag"
        ),
    },
    {
        "title": "Lærerne bestemmer innholdet i den felles utviklingstiden",
        "summary": (
            "Lærerne på hver skole velger selv tema og arbeidsform for den felles "
            "utviklingstiden, i stedet for å følge et felles program bestemt av kommunen."
        ),
        "description": (
            "Kommunen har i flere år styrt innholdet i skolenes felles utviklingstid gjennom "
            "sentrale satsinger. Mange lærere opplevde at temaene ikke passet med behovene på "
            "egen skole. Fra nytt skoleår bestemmer hvert lærerkollegium selv hva tiden skal "
            "brukes til, etter drøfting med rektor og tillitsvalgte. Skoleeier ber bare om en "
            "kort beskrivelse av hva skolen har valgt, og hvorfor. Erfaringene deles på et felles "
            "møte for alle rektorer på slutten av skoleåret."
        ),
        "kind": "prosjekt",
        "sector": "oppvekst_skole",
        "focus_areas": ["faglig-frihet", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Ingen nye midler; eksisterende utviklingstid brukes annerledes.",
            "activities": "Drøfting i hvert kollegium og et felles erfaringsmøte for rektorene.",
            "outputs": "Lokale planer for utviklingstiden på alle skolene.",
            "user_effects": "",
            "societal_effects": (
                "Mer motiverte lærere kan bidra til at flere blir værende i yrket."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Kortere tilstandsrapport for grunnskolen",
        "summary": (
            "Kommunen kutter tilstandsrapporten for grunnskolen ned til det regelverket krever, "
            "og bruker heller dialogmøter med hver skole for å følge opp kvaliteten."
        ),
        "description": (
            "Den årlige tilstandsrapporten hadde vokst til over sytti sider med tabeller som både "
            "rektorer og politikere syntes var vanskelige å bruke. Skoleadministrasjonen har nå "
            "laget en kort rapport med de opplysningene som kreves, og én side om de viktigste "
            "utfordringene. Rektorene slipper å levere egne delrapporter for hver skole. I stedet "
            "har skoleeier et dialogmøte med hver skole der ledelse og tillitsvalgte deltar. "
            "Politikerne i oppvekstutvalget får en muntlig gjennomgang og kan stille spørsmål "
            "direkte."
        ),
        "kind": "prosjekt",
        "sector": "oppvekst_skole",
        "focus_areas": ["mindre-rapportering", "styring-og-samordning"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["politisk_ledelse", "administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Omprioritering av tid i skoleadministrasjonen.",
            "activities": "Dialogmøter med alle skolene i løpet av høsten.",
            "outputs": "Tilstandsrapport på tolv sider i stedet for sytti.",
            "user_effects": "",
            "societal_effects": (
                "Politikerne får et tydeligere grunnlag for å prioritere i oppvekstsektoren."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Egne årsplaner i barnehagene uten felles kommunal mal",
        "summary": (
            "Barnehagene får lage årsplanen slik de selv mener er mest nyttig for barn, foreldre "
            "og personale, så lenge kravene i rammeplanen er oppfylt."
        ),
        "description": (
            "Den kommunale malen for årsplan var lang og lik for alle barnehagene, og foreldrene "
            "fant lite i den som handlet om deres barnehage. Styrere og pedagogiske ledere har nå "
            "frihet til å velge form, lengde og innhold. Noen barnehager har laget korte digitale "
            "planer med bilder, mens andre har valgt et enkelt oppslag i garderoben og en "
            "månedlig oppdatering. Kommunen som barnehagemyndighet kontrollerer bare at kravene i "
            "rammeplanen er dekket. Erfaringene deles i barnehagenettverket og samles i en "
            "frivillig idébank."
        ),
        "kind": "innovasjon",
        "sector": "oppvekst_skole",
        "focus_areas": ["faglig-frihet", "mindre-rapportering"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Verksted for styrere og pedagogiske ledere.",
            "outputs": "Nye årsplaner i alle kommunale barnehager.",
            "user_effects": "Foreldrene får planer som er lettere å lese og mer relevante.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Årlig dialogmøte mellom elevråd, foreldre og kommunestyret",
        "summary": (
            "Elevrådene og foreldreutvalgene får et fast møte med kommunestyret der de legger "
            "fram hva som fungerer i skolen, og hva som bør endres."
        ),
        "description": (
            "Barn og foreldre har sjelden direkte kontakt med politikerne som bestemmer rammene "
            "for skolen. Kommunen arrangerer derfor et årlig dialogmøte der representanter for "
            "elevråd og foreldreutvalg fra alle skolene møter kommunestyret. Elevene forbereder "
            "innleggene sammen med en kontaktlærer, og temaene velges av elevrådene selv. Etter "
            "møtet lager administrasjonen et kort notat som viser hvilke innspill som følges opp, "
            "og hvordan. Notatet sendes tilbake til skolene før neste skoleår."
        ),
        "kind": "brukerforum",
        "sector": "oppvekst_skole",
        "focus_areas": ["medbestemmelse", "styring-og-samordning"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["politisk_ledelse", "administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": (
                "Tid til forberedelser i elevrådene og hjelp fra det politiske sekretariatet."
            ),
            "activities": "Ett dialogmøte i året med forberedelser på hver skole.",
            "outputs": "Notat om oppfølging av innspillene.",
            "user_effects": "Elever og foreldre ser at innspillene deres blir tatt på alvor.",
            "societal_effects": "Unge får erfaring med hvordan lokaldemokratiet fungerer.",
        },
        "exemption": "",
    },
    {
        "title": "Familieteam på tvers av barnevern, helsestasjon og NAV",
        "summary": (
            "Familier med sammensatte behov får ett fast team med ansatte fra barnevern, "
            "helsestasjon og NAV, som kan handle uten å vente på formelle henvisninger mellom "
            "tjenestene."
        ),
        "description": (
            "Familier som trenger hjelp fra flere tjenester, forteller at de må gjenta historien "
            "sin mange ganger og vente på vedtak fra hver enkelt tjeneste. I forsøket samles "
            "ansatte fra barneverntjenesten, helsestasjonen og NAV-kontoret i ett team som møter "
            "familien sammen. Med familiens samtykke kan teamet dele informasjon og sette inn "
            "tiltak raskt. Kommunen søker om å prøve ut en felles, forenklet dokumentasjon i "
            "stedet for separate journaler i hver tjeneste. Forsøket varer i tre år og følges av "
            "et forskningsmiljø."
        ),
        "kind": "forsok",
        "sector": "barnevern",
        "focus_areas": ["styring-og-samordning", "faglig-frihet", "kommunalt-handlingsrom"],
        "trust_relations": ["stat_kommune", "leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere", "forskere"],
        "state": False,
        "results": {
            "resources": (
                "Tre årsverk omdisponert fra eksisterende tjenester og midler til følgeforskning."
            ),
            "activities": "Felles kartlegging og ukentlige teammøter med familiene.",
            "outputs": "Én felles plan for hver familie i stedet for flere.",
            "user_effects": "Familiene får raskere hjelp og én kontaktperson å forholde seg til.",
            "societal_effects": "Færre barn trenger mer inngripende tiltak senere.",
        },
        "exemption": (
            "Barnevernsloven og sosialtjenesteloven, krav om separat dokumentasjon i hver tjeneste"
        ),
    },
    {
        "title": "Saksbehandlere i barnevernet avgjør enkle hjelpetiltak selv",
        "summary": (
            "Erfarne saksbehandlere i barneverntjenesten får fullmakt til å sette i gang enkle "
            "hjelpetiltak uten å vente på godkjenning fra leder."
        ),
        "description": (
            "Før piloten måtte alle forslag til hjelpetiltak godkjennes av avdelingsleder, også "
            "når tiltaket var enkelt og saken oversiktlig. Det førte til ventetid for familiene "
            "og mange korte møter for lederne. I piloten får saksbehandlere med minst to års "
            "erfaring fullmakt til å fatte vedtak om avlastning, støttekontakt og "
            "foreldreveiledning. Vanskelige saker drøftes fortsatt i team med leder til stede. "
            "Tjenesten følger med på kvaliteten i vedtakene gjennom stikkprøver og faglige "
            "samtaler."
        ),
        "kind": "pilot",
        "sector": "barnevern",
        "focus_areas": ["tillitsbasert-ledelse", "faglig-frihet"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Nytt delegeringsvedtak og opplæring i vedtaksskriving.",
            "outputs": "Endret fullmaktsstruktur i barneverntjenesten.",
            "user_effects": "Kortere tid fra et behov er avdekket til familien får hjelp.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Internkontroll som læring i barneverntjenesten",
        "summary": (
            "Barneverntjenesten legger om internkontrollen fra avkrysningslister til faste "
            "læringsmøter der ansatte går gjennom egne saker sammen."
        ),
        "description": (
            "Internkontrollen i barneverntjenesten besto i stor grad av sjekklister som ble fylt "
            "ut etter at saken var avsluttet. Få ansatte opplevde at dette gjorde arbeidet bedre. "
            "Tjenesten har nå innført månedlige læringsmøter der en saksbehandler legger fram en "
            "sak, og kollegene stiller spørsmål om vurderingene som ble gjort. Avvik og "
            "forbedringspunkter noteres og følges opp av leder. Sjekklistene er redusert til det "
            "som trengs for å dokumentere at lovpålagte frister er overholdt."
        ),
        "kind": "prosjekt",
        "sector": "barnevern",
        "focus_areas": ["tilsyn-og-kontroll", "mindre-rapportering"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Fagkoordinator bruker én dag i måneden på å forberede møtene.",
            "activities": "Månedlige læringsmøter for alle saksbehandlere.",
            "outputs": "Forenklet sjekkliste og en logg over forbedringspunkter.",
            "user_effects": "Bedre begrunnede vedtak for barn og familier.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Veiledere i sosialtjenesten styrer egen tidsbruk",
        "summary": (
            "Veilederne i den kommunale delen av NAV-kontoret får selv fordele tiden mellom "
            "samtaler, hjemmebesøk og saksbehandling, i stedet for å følge faste kvoter."
        ),
        "description": (
            "Veilederne i sosialtjenesten hadde faste mål for antall samtaler per uke, uavhengig "
            "av hvor krevende sakene var. Flere sa at kvotene gjorde det vanskelig å bruke nok "
            "tid på brukerne med størst behov. I piloten er kvotene fjernet, og hver veileder "
            "planlegger uken ut fra egen faglig vurdering. Teamet møtes hver mandag for å fordele "
            "nye saker og hjelpe hverandre. Kommunalsjefen får en kort statusrapport hvert "
            "kvartal i stedet for ukentlige tall."
        ),
        "kind": "pilot",
        "sector": "nav_velferd",
        "focus_areas": ["faglig-frihet", "mindre-rapportering", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Ukentlige teammøter og en kvartalsvis statusrapport.",
            "outputs": "Faste kvoter fjernet for alle veiledere i sosialtjenesten.",
            "user_effects": "Brukere med sammensatte behov får mer tid med veilederen.",
            "societal_effects": "Flere kommer over i arbeid eller aktivitet.",
        },
        "exemption": "",
    },
    {
        "title": "Enklere registrering i introduksjonsprogrammet",
        "summary": (
            "Flyktningtjenesten prøver en enklere måte å dokumentere deltakernes fravær og "
            "framgang på, slik at programrådgiverne får mer tid til veiledning."
        ),
        "description": (
            "Programrådgiverne i flyktningtjenesten bruker mye tid på å registrere fravær time "
            "for time og rapportere i flere systemer. I forsøket registreres fravær per uke, og "
            "framgangen dokumenteres i en samtale med deltakeren hver sjette uke. Kommunen søker "
            "om å fravike enkelte krav til detaljert registrering i forsøksperioden. "
            "Statsforvalteren og direktoratet har deltatt i planleggingen for å sikre at "
            "deltakernes rettigheter blir ivaretatt. Forsøket evalueres etter to år."
        ),
        "kind": "forsok",
        "sector": "nav_velferd",
        "focus_areas": ["mindre-rapportering", "kommunalt-handlingsrom"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "Prosjektmidler til tilpasning av fagsystemet.",
            "activities": (
                "Nye rutiner for ukentlig fraværsregistrering og faste oppfølgingssamtaler."
            ),
            "outputs": "Forenklet registrering for alle deltakere i programmet.",
            "user_effects": "Deltakerne får mer tid med rådgiveren sin.",
            "societal_effects": "",
        },
        "exemption": "Integreringsloven med forskrift, krav til detaljert registrering av fravær",
    },
    {
        "title": "Kulturskolen utvikler tilbudet sammen med elevene",
        "summary": (
            "Kulturskolelærerne får frihet til å prøve nye undervisningsformer sammen med "
            "elevene, uten at hvert nytt tilbud må godkjennes i en egen sak."
        ),
        "description": (
            "Kulturskolens tilbud hadde i mange år vært det samme, og det var tungvint å prøve "
            "noe nytt fordi alle endringer krevde en egen sak. Nå får lærerne en fast pott med "
            "timer som de kan bruke til nye kurs og samarbeid på tvers av fag. Elevene blir spurt "
            "om hva de ønsker å lære, og flere tilbud er laget sammen med ungdommene. Rektor "
            "godkjenner rammene én gang i året, og lærerne viser fram resultatene på en felles "
            "visningskveld. Det første året ble det blant annet startet et kurs i låtskriving og "
            "et kurs i digital animasjon."
        ),
        "kind": "innovasjon",
        "sector": "kultur",
        "focus_areas": ["faglig-frihet", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "En pott på 200 lærertimer per år.",
            "activities": "Spørreundersøkelse blant elevene og utprøving av nye kurs.",
            "outputs": "Fire nye kurstilbud det første året.",
            "user_effects": "Flere ungdommer finner et tilbud som passer for dem.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Bibliotekarene bestemmer åpningstidene på filialene",
        "summary": (
            "De ansatte på biblioteket får ansvar for å tilpasse åpningstider og bemanning på "
            "hver filial til hvordan innbyggerne faktisk bruker biblioteket."
        ),
        "description": (
            "Alle filialene hadde like åpningstider, selv om besøket varierte mye mellom "
            "bydelene. Ansatte på filialene la merke til at mange ville bruke biblioteket på "
            "kvelden og i helgene, mens formiddagene var stille. Prosjektet gir hver filial "
            "frihet til å sette egne bemannede åpningstider innenfor det samme budsjettet. "
            "Meråpent bibliotek med selvbetjening brukes i tidene uten bemanning. De ansatte har "
            "selv tatt initiativ til samarbeid med frivillige lag om arrangementer på kveldstid."
        ),
        "kind": "prosjekt",
        "sector": "kultur",
        "focus_areas": ["faglig-frihet", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "brukere"],
        "state": False,
        "results": {
            "resources": "Innenfor eksisterende budsjett.",
            "activities": "Telling av besøk og samtaler med brukere på hver filial.",
            "outputs": "Nye åpningstider tilpasset hver filial.",
            "user_effects": "Innbyggerne får et bibliotek som er åpent når de trenger det.",
            "societal_effects": "Biblioteket blir en mer brukt møteplass i nærmiljøet.",
        },
        "exemption": "",
    },
    {
        "title": "Enklere tilskudd til lag og foreninger",
        "summary": (
            "Kommunen erstatter detaljerte søknader og regnskapskrav for små kulturtilskudd med "
            "en kort søknad og en enkel bekreftelse på at pengene er brukt som avtalt."
        ),
        "description": (
            "Små lag og foreninger brukte uforholdsmessig mye tid på søknader og rapporter for "
            "tilskudd på noen få tusen kroner. Kulturavdelingen har laget en ny ordning der "
            "tilskudd under en fastsatt grense søkes gjennom et skjema på én side. "
            "Saksbehandlerne kan innvilge disse tilskuddene uten politisk behandling. Etter bruk "
            "bekrefter laget at pengene er brukt til formålet, og legger ved noen bilder eller en "
            "kort beskrivelse. Kommunen tar stikkprøver i stedet for å kontrollere alle regnskap. "
            "Ordningen ble utformet etter et møte med frivillighetsrådet."
        ),
        "kind": "annet",
        "sector": "kultur",
        "focus_areas": ["mindre-rapportering", "tilsyn-og-kontroll"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["politisk_ledelse", "administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Møte med frivillighetsrådet og utforming av et nytt søknadsskjema.",
            "outputs": "Ny tilskuddsordning med søknad på én side.",
            "user_effects": (
                "Frivillige bruker mindre tid på papirarbeid og mer tid på aktiviteter."
            ),
            "societal_effects": "Et mer aktivt frivillig kulturliv.",
        },
        "exemption": "",
    },
    {
        "title": "Saksbehandlere avgjør enkle byggesaker uten dobbel kontroll",
        "summary": (
            "Byggesaksavdelingen prøver ut at erfarne saksbehandlere signerer enkle vedtak alene, "
            "slik at søkerne får svar raskere enn i dag."
        ),
        "description": (
            "Alle byggesaksvedtak ble tidligere kontrollert og signert av to personer, også enkle "
            "tiltak som garasjer og små tilbygg. Dette ga lang saksbehandlingstid i perioder med "
            "mange søknader. I piloten kan saksbehandlere med god erfaring fatte vedtak alene i "
            "saker som står på en fast liste over enkle tiltak. Leder og kolleger går gjennom et "
            "utvalg av vedtakene hver måned for å se at praksisen er lik. Avdelingen har avtalt "
            "med de tillitsvalgte hvordan ansvaret skal fordeles hvis det oppstår feil."
        ),
        "kind": "pilot",
        "sector": "teknisk",
        "focus_areas": ["tillitsbasert-ledelse", "tilsyn-og-kontroll"],
        "trust_relations": ["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "",
            "activities": (
                "Utarbeiding av en liste over enkle tiltak og månedlig gjennomgang av vedtak."
            ),
            "outputs": "Nytt delegeringsvedtak for enkle byggesaker.",
            "user_effects": "Kortere ventetid for innbyggere som søker om enkle tiltak.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Driftsteamene prioriterer vedlikeholdet selv",
        "summary": (
            "Ansatte i vei- og parkdriften får selv ansvar for å prioritere vedlikeholdsoppgaver "
            "i sitt område, basert på det de ser når de er ute."
        ),
        "description": (
            "Vedlikeholdsoppgavene i vei- og parkdriften ble tidligere fordelt hver uke fra "
            "kontoret gjennom arbeidsordrer. Ansatte ute i felt så ofte skader og behov som ikke "
            "sto på listene, men hadde ikke myndighet til å endre rekkefølgen. Nå har hvert "
            "driftsteam fått ansvar for et område og et eget budsjett for mindre vedlikehold. "
            "Teamene registrerer det som er gjort, i en enkel app, og leder bruker oversikten til "
            "å planlegge større tiltak. Meldinger fra innbyggerne om feil går direkte til teamet "
            "i området."
        ),
        "kind": "prosjekt",
        "sector": "teknisk",
        "focus_areas": ["faglig-frihet", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Eget budsjett for mindre vedlikehold i hvert driftsteam.",
            "activities": "Innføring av områdeansvar og en ny app for registrering.",
            "outputs": "Fem driftsteam med eget områdeansvar.",
            "user_effects": "Feil på veier og lekeplasser blir rettet raskere.",
            "societal_effects": "Bedre vedlikeholdte fellesarealer i nærmiljøene.",
        },
        "exemption": "",
    },
    {
        "title": "Partssammensatt gruppe for nye digitale verktøy",
        "summary": (
            "Før nye fagsystemer tas i bruk i teknisk sektor, drøftes behov og konsekvenser i en "
            "fast gruppe med ledere, tillitsvalgte og verneombud."
        ),
        "description": (
            "Flere digitale verktøy var innført i teknisk sektor uten at de som skulle bruke dem, "
            "hadde vært med på å velge dem. Det førte til dobbeltregistrering og frustrasjon "
            "blant de ansatte. Nå behandles alle større innkjøp av fagsystemer i en "
            "partssammensatt gruppe som møtes hver måned. Gruppen vurderer om verktøyet faktisk "
            "sparer tid, og hvem som bør teste det før det tas i bruk. Tillitsvalgte og "
            "verneombud er med fra første fase av anskaffelsen."
        ),
        "kind": "mote",
        "sector": "teknisk",
        "focus_areas": ["medbestemmelse", "styring-og-samordning"],
        "trust_relations": ["arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Møtetid for deltakerne og støtte fra IT-avdelingen.",
            "activities": "Månedlige møter og brukertesting før innkjøp.",
            "outputs": "Ny rutine for medvirkning ved innføring av digitale verktøy.",
            "user_effects": "",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Kommunestyret går over til rammestyring av enhetene",
        "summary": (
            "Kommunestyret vedtar færre detaljerte føringer i budsjettet og gir enhetene større "
            "frihet til å prioritere innenfor en samlet ramme."
        ),
        "description": (
            "Budsjettet hadde over tid fått mange øremerkede poster og detaljerte verbalvedtak "
            "som gjorde det vanskelig for enhetene å tilpasse seg endrede behov. Etter en prosess "
            "i formannskapet har kommunestyret vedtatt å gå over til rammestyring. Hver enhet får "
            "en samlet ramme og noen få overordnede mål. Enhetslederne rapporterer to ganger i "
            "året på måloppnåelse og økonomi, og forklarer de viktigste prioriteringene. "
            "Politikerne beholder ansvaret for de store linjene, mens fagfolkene får ansvar for "
            "hvordan målene nås."
        ),
        "kind": "annet",
        "sector": "annet",
        "focus_areas": ["styring-og-samordning", "mindre-rapportering", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["politisk_ledelse", "administrativ_ledelse"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Arbeidsmøter i formannskapet og opplæring av enhetsledere.",
            "outputs": "Nytt budsjettformat med samlede rammer per enhet.",
            "user_effects": "",
            "societal_effects": "Mer treffsikker bruk av kommunens ressurser.",
        },
        "exemption": "",
    },
    {
        "title": "Fast trepartsforum for tillitsreformen i kommunen",
        "summary": (
            "Ordfører, kommunedirektør og hovedtillitsvalgte har opprettet et fast forum som skal "
            "velge ut, følge og evaluere kommunens tillitstiltak."
        ),
        "description": (
            "Kommunen ønsket at arbeidet med tillitsreformen skulle forankres bredt og ikke bli "
            "et prosjekt for administrasjonen alene. Det er derfor opprettet et trepartsforum med "
            "ordfører, gruppeledere, kommunedirektør og hovedtillitsvalgte. Forumet har valgt ut "
            "tre områder der ansatte har meldt om mest unødvendig byråkrati. Hvert område har en "
            "arbeidsgruppe med ansatte som kjenner tjenesten godt. Forumet møtes annenhver måned "
            "og legger fram en kort status for kommunestyret to ganger i året."
        ),
        "kind": "mote",
        "sector": "annet",
        "focus_areas": ["medbestemmelse", "styring-og-samordning", "tillitsbasert-ledelse"],
        "trust_relations": ["arbeidsgiver_tillitsvalgte"],
        "participants": ["politisk_ledelse", "administrativ_ledelse", "tillitsvalgte"],
        "state": False,
        "results": {
            "resources": "Sekretariat fra kommunedirektørens stab og frikjøp av tillitsvalgte.",
            "activities": "Møter annenhver måned og tre arbeidsgrupper.",
            "outputs": "Prioritert liste over innsatsområder og statusnotater til kommunestyret.",
            "user_effects": "",
            "societal_effects": "Økt tillit mellom folkevalgte, ledelse og ansatte.",
        },
        "exemption": "",
    },
    {
        "title": "Lederutvikling med vekt på tillit og delegering",
        "summary": (
            "Alle ledere i kommunen deltar i et lederprogram der de øver på å delegere, gi rom "
            "for faglig skjønn og følge opp uten detaljkontroll."
        ),
        "description": (
            "Mange ledere sier at de ønsker å vise de ansatte tillit, men at de er usikre på "
            "hvordan de skal følge opp uten å kontrollere alt. Lederprogrammet er utviklet sammen "
            "med en høgskole og består av samlinger, veiledningsgrupper og oppgaver som lederne "
            "prøver ut i egen enhet. Tillitsvalgte deltar på deler av programmet, slik at partene "
            "får en felles forståelse av hva tillitsbasert ledelse betyr i praksis. Hver leder "
            "avslutter med å beskrive én konkret endring i egen enhet. Erfaringene samles i et "
            "notat som brukes i kommunens arbeidsgiverstrategi."
        ),
        "kind": "prosjekt",
        "sector": "annet",
        "focus_areas": ["tillitsbasert-ledelse", "medbestemmelse"],
        "trust_relations": ["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "forskere"],
        "state": False,
        "results": {
            "resources": "Midler fra kompetansebudsjettet og samarbeid med en høgskole.",
            "activities": "Seks samlinger og veiledningsgrupper for alle ledere.",
            "outputs": "Over sytti ledere har gjennomført programmet.",
            "user_effects": "",
            "societal_effects": (
                "En ledelseskultur som gjør kommunen mer attraktiv som arbeidsgiver."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Nytt delegeringsreglement som flytter avgjørelser nærmere tjenestene",
        "summary": (
            "Kommunen reviderer delegeringsreglementet slik at flere avgjørelser tas av "
            "enhetsledere og saksbehandlere som kjenner sakene best."
        ),
        "description": (
            "Det gamle delegeringsreglementet la mange rutinesaker til kommunedirektøren eller "
            "til politiske utvalg, noe som ga lang behandlingstid. I revisjonen har hver sektor "
            "gått gjennom hvilke saker som gjentar seg ofte og har lav risiko. Disse er nå "
            "delegert til enhetslederne, som igjen kan delegere videre til saksbehandlere. "
            "Prinsipielle saker og saker med stor betydning for innbyggerne skal fortsatt til "
            "politisk behandling. Reglementet skal evalueres etter to år."
        ),
        "kind": "annet",
        "sector": "annet",
        "focus_areas": ["tillitsbasert-ledelse", "styring-og-samordning"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["politisk_ledelse", "administrativ_ledelse"],
        "state": False,
        "results": {
            "resources": "",
            "activities": "Gjennomgang av sakstyper i alle sektorer.",
            "outputs": "Revidert delegeringsreglement vedtatt i kommunestyret.",
            "user_effects": "Innbyggerne får raskere svar i rutinesaker.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Innbyggerpanel som tester nye tjenester før lansering",
        "summary": (
            "Kommunen har satt sammen et panel av innbyggere som prøver ut nye skjemaer, "
            "nettsider og tjenester før de tas i bruk av alle."
        ),
        "description": (
            "Nye digitale tjenester ble ofte lansert uten at innbyggerne hadde fått prøve dem, og "
            "mange måtte ringe for å få hjelp. Innbyggerpanelet består av rundt førti personer i "
            "ulike aldre og livssituasjoner. Panelet inviteres til korte tester, enten digitalt "
            "eller på servicetorget. De ansatte som lager tjenestene, deltar selv i testene og "
            "kan gjøre endringer med en gang. Panelet får tilbakemelding om hva som ble endret "
            "etter innspillene."
        ),
        "kind": "brukerforum",
        "sector": "annet",
        "focus_areas": ["styring-og-samordning", "medbestemmelse"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["brukere", "administrativ_ledelse"],
        "state": False,
        "results": {
            "resources": "En koordinator i 20 prosent stilling og gavekort til deltakerne.",
            "activities": "Brukertester hver måned.",
            "outputs": "Et fast innbyggerpanel med om lag førti deltakere.",
            "user_effects": "Tjenester som er enklere å forstå og bruke.",
            "societal_effects": (
                "Færre henvendelser til servicetorget om hvordan tjenestene brukes."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Samordnet statlig tilsyn med helse- og omsorgstjenesten",
        "summary": (
            "Kommunen prøver sammen med statsforvalteren ut en ordning der tilsyn med helse- og "
            "omsorgstjenestene samles i ett felles tilsynsbesøk i året."
        ),
        "description": (
            "Helse- og omsorgstjenesten fikk tidligere flere tilsyn fra ulike myndigheter i løpet "
            "av ett år, med egne dokumentasjonskrav for hvert av dem. Det tok mye ledertid og "
            "gjorde det vanskelig å se sammenhengen i funnene. I forsøket samordnes tilsynene til "
            "ett årlig besøk med felles forberedelse og ett sett med dokumenter. Kommunen og "
            "tilsynsmyndighetene avtaler på forhånd hvilke temaer som er viktigst. Forsøket skal "
            "vise om samordning gir like god kontroll med mindre belastning på tjenestene."
        ),
        "kind": "forsok",
        "sector": "helse_omsorg",
        "focus_areas": ["tilsyn-og-kontroll", "kommunalt-handlingsrom", "styring-og-samordning"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse", "politisk_ledelse"],
        "state": False,
        "results": {
            "resources": "Ledertid til felles forberedelse.",
            "activities": "Felles planleggingsmøte og ett samordnet tilsynsbesøk i året.",
            "outputs": "Én samlet tilsynsrapport i stedet for flere.",
            "user_effects": "",
            "societal_effects": "Tilsyn som gir mer læring og mindre dobbeltarbeid.",
        },
        "exemption": "Kommuneloven kapittel 30, bestemmelser om statlig tilsyn med kommunene",
    },
    {
        "title": "Brukerstyrte korttidsplasser i rus- og psykisk helsetjeneste",
        "summary": (
            "Brukere i rus- og psykisk helsetjenesten kan selv bestille et kort opphold når de "
            "kjenner at de trenger det, uten ny søknad og nytt vedtak hver gang."
        ),
        "description": (
            "Brukere med langvarige rus- og psykiske helseplager vet ofte selv når de er i ferd "
            "med å få det verre. Likevel måtte de søke og vente på vedtak før de kunne få et "
            "korttidsopphold. I piloten kan brukere med avtale om brukerstyrt plass ringe direkte "
            "og få inntil fem døgns opphold. Ansatte i tjenesten vurderer sammen med brukeren hva "
            "oppholdet skal inneholde. Kommunen søker om å bruke en rammeavtale med brukeren i "
            "stedet for nytt enkeltvedtak ved hvert opphold."
        ),
        "kind": "pilot",
        "sector": "helse_omsorg",
        "focus_areas": ["faglig-frihet", "kommunalt-handlingsrom"],
        "trust_relations": ["stat_kommune", "leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere"],
        "state": False,
        "results": {
            "resources": "To plasser omdisponert fra den eksisterende korttidsavdelingen.",
            "activities": "Avtaler om brukerstyrt plass med inntil femten brukere.",
            "outputs": "Ny rutine for direkte innleggelse.",
            "user_effects": "Brukerne får hjelp tidlig og opplever mer kontroll over eget liv.",
            "societal_effects": "Færre akuttinnleggelser i spesialisthelsetjenesten.",
        },
        "exemption": (
            "Helse- og omsorgstjenesteloven, krav om enkeltvedtak ved hvert korttidsopphold"
        ),
    },
    {
        "title": "Fleksibelt konsultasjonsprogram på helsestasjonen",
        "summary": (
            "Helsesykepleierne får tilpasse antall og innhold i konsultasjonene etter familienes "
            "behov, slik at de som trenger det mest, får mer oppfølging."
        ),
        "description": (
            "Alle familier får i dag det samme programmet med faste konsultasjoner, uavhengig av "
            "om alt går bra eller om familien strever. Helsesykepleierne mener at noen av de "
            "faste kontrollene kunne vært erstattet med en telefonsamtale, mens andre familier "
            "trenger hjemmebesøk oftere. I forsøket kan helsesykepleieren endre programmet etter "
            "en samlet vurdering og i samråd med foreldrene. Alle barn får fortsatt de "
            "undersøkelsene som er nødvendige for å fange opp sykdom og skjevutvikling. En "
            "forsker følger ordningen og ser på om familiene med størst behov faktisk får mer "
            "hjelp."
        ),
        "kind": "forsok",
        "sector": "helse_omsorg",
        "focus_areas": ["faglig-frihet", "kommunalt-handlingsrom"],
        "trust_relations": ["stat_kommune", "leder_medarbeider"],
        "participants": ["administrativ_ledelse", "brukere", "forskere"],
        "state": False,
        "results": {
            "resources": "Midler til følgeforskning i to år.",
            "activities": "Individuell vurdering av behovet for konsultasjoner hos alle nyfødte.",
            "outputs": "Tilpassede oppfølgingsplaner for familiene.",
            "user_effects": "Familier med store behov får flere hjemmebesøk.",
            "societal_effects": (
                "Tidlig hjelp kan redusere behovet for tiltak senere i barndommen."
            ),
        },
        "exemption": (
            "Forskrift om helsestasjons- og skolehelsetjenesten, fast konsultasjonsprogram"
        ),
    },
    {
        "title": "Tidlig støtte i skolen uten å vente på sakkyndig vurdering",
        "summary": (
            "Skolene får sette inn ekstra støtte til elever raskt, uten å vente på sakkyndig "
            "vurdering, i enklere saker der elev og foreldre er enige."
        ),
        "description": (
            "Ventetiden på sakkyndige vurderinger førte til at elever kunne gå lenge uten "
            "nødvendig hjelp. I forsøket får skolene en fast ressurs som lærerteamene kan bruke "
            "til tidlig innsats i små grupper eller én til én. Når foreldre og elev er enige, kan "
            "skolen sette i gang støtten uten å vente på vurdering fra PP-tjenesten. PP-tjenesten "
            "bruker heller mer tid på å veilede lærerne og på de mest krevende sakene. Foreldrene "
            "beholder retten til å be om sakkyndig vurdering når som helst."
        ),
        "kind": "forsok",
        "sector": "oppvekst_skole",
        "focus_areas": ["kommunalt-handlingsrom", "faglig-frihet"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "brukere"],
        "state": False,
        "results": {
            "resources": "Fast ressurs til tidlig innsats, fordelt etter elevtall.",
            "activities": "Veiledning fra PP-tjenesten og utprøving på fem skoler.",
            "outputs": "Rutine for tidlig støtte uten sakkyndig vurdering i enkle saker.",
            "user_effects": "Elevene får hjelp tidligere.",
            "societal_effects": (
                "Tidlig hjelp kan bidra til at flere fullfører videregående opplæring."
            ),
        },
        "exemption": (
            "Opplæringsloven, krav om sakkyndig vurdering før vedtak om individuell tilrettelegging"
        ),
    },
    {
        "title": "Kortere tildelingsbrev med færre styringsparametere",
        "summary": (
            "Departementet halverer lengden på tildelingsbrevet til direktoratet og fjerner "
            "styringsparametere som ikke brukes i styringsdialogen."
        ),
        "description": (
            "Tildelingsbrevet hadde over flere år vokst til mange sider med oppdrag, "
            "rapporteringskrav og styringsparametere. Direktoratet brukte betydelige ressurser på "
            "å rapportere tall som sjelden ble diskutert i etatsstyringsmøtene. Departementet og "
            "direktoratet gikk derfor sammen gjennom alle kravene og spurte om de faktisk ble "
            "brukt til å ta beslutninger. Styringsparametere uten slik bruk er fjernet, og flere "
            "enkeltoppdrag er samlet under overordnede mål. Årsrapporten skal i større grad "
            "forklare utviklingen med ord i stedet for lange tabeller."
        ),
        "kind": "tildelingsbrev",
        "sector": "statlig_forvaltning",
        "focus_areas": ["mindre-rapportering", "styring-og-samordning"],
        "trust_relations": ["departement_virksomhet"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Arbeidstid i departementet og direktoratet.",
            "activities": "Felles gjennomgang av alle krav i tildelingsbrevet.",
            "outputs": "Tildelingsbrev med halvparten så mange styringsparametere.",
            "user_effects": "",
            "societal_effects": "Mer av direktoratets kapasitet kan brukes på faglig arbeid.",
        },
        "exemption": "",
    },
    {
        "title": "Flerårige mål i tildelingsbrevet",
        "summary": (
            "Virksomheten får mål som gjelder for fire år om gangen, slik at den kan planlegge "
            "langsiktig og slipper nye prioriteringer hvert år."
        ),
        "description": (
            "Årlige endringer i mål og prioriteringer gjorde det vanskelig for virksomheten å "
            "gjennomføre langsiktig utviklingsarbeid. Departementet har derfor innført flerårige "
            "mål som ligger fast i en periode på fire år. Tildelingsbrevet for det enkelte året "
            "inneholder bare budsjettrammer og eventuelle nye oppdrag som ikke kunne forutses. "
            "Virksomheten rapporterer utfyllende på målene én gang i perioden og kortere de andre "
            "årene. Ordningen drøftes i etatsstyringsmøtet hvert år, slik at den kan justeres ved "
            "behov."
        ),
        "kind": "tildelingsbrev",
        "sector": "statlig_forvaltning",
        "focus_areas": ["styring-og-samordning", "mindre-rapportering"],
        "trust_relations": ["departement_virksomhet"],
        "participants": ["politisk_ledelse", "administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "",
            "activities": "Dialog om et felles målbilde for fireårsperioden.",
            "outputs": "Nytt tildelingsbrev med flerårige mål.",
            "user_effects": "",
            "societal_effects": "Mer langsiktig og forutsigbar utvikling av tjenestene.",
        },
        "exemption": "",
    },
    {
        "title": "Etatsstyringsmøter med vekt på dialog framfor rapportering",
        "summary": (
            "Departementet og etaten har lagt om etatsstyringsmøtene slik at de brukes til å "
            "drøfte utfordringer og risiko, ikke til å gå gjennom tallrapporter."
        ),
        "description": (
            "Etatsstyringsmøtene hadde blitt en gjennomgang av tall som begge parter allerede "
            "kjente. Nå sender etaten en kort skriftlig status på forhånd, og selve møtet brukes "
            "til å drøfte to eller tre utvalgte temaer. Temaene velges i fellesskap, og etaten "
            "kan selv foreslå saker der den trenger avklaringer fra departementet. Referatet "
            "beskriver hva partene er enige om, og hva som skal følges opp til neste møte. Begge "
            "parter har gitt tilbakemelding om at møtene nå oppleves som mer nyttige."
        ),
        "kind": "etatsstyringsdialog",
        "sector": "statlig_forvaltning",
        "focus_areas": ["styring-og-samordning", "tillitsbasert-ledelse"],
        "trust_relations": ["departement_virksomhet"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "",
            "activities": "Ny møteform med forhåndsstatus og utvalgte temaer.",
            "outputs": "Kortere referater med tydelige oppfølgingspunkter.",
            "user_effects": "",
            "societal_effects": (
                "Bedre samspill mellom departement og etat om de viktigste utfordringene."
            ),
        },
        "exemption": "",
    },
    {
        "title": "Felles risikovurdering i etatsstyringen",
        "summary": (
            "Direktoratet og departementet lager en felles risikovurdering hvert år, som "
            "erstatter flere separate rapporteringskrav om intern styring og kontroll."
        ),
        "description": (
            "Departementet hadde bedt om egne rapporter om internkontroll, informasjonssikkerhet "
            "og økonomistyring, som til sammen ga et oppstykket bilde. Partene har nå avtalt å "
            "utarbeide én felles risikovurdering som gjennomgås i etatsstyringsmøtet om våren. "
            "Direktoratet beskriver de viktigste risikoene og hvordan de håndteres, og "
            "departementet supplerer med sitt perspektiv. Kontrollen rettes mot områdene med "
            "størst risiko i stedet for å være lik for alle områder. Ordningen skal evalueres "
            "etter to år."
        ),
        "kind": "etatsstyringsdialog",
        "sector": "statlig_forvaltning",
        "focus_areas": ["tilsyn-og-kontroll", "mindre-rapportering", "styring-og-samordning"],
        "trust_relations": ["departement_virksomhet"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Arbeidstid til felles analyse.",
            "activities": "Årlig arbeidsmøte om risiko mellom departement og direktorat.",
            "outputs": "Én felles risikovurdering i stedet for tre separate rapporter.",
            "user_effects": "",
            "societal_effects": "Mer målrettet kontroll med bruken av offentlige midler.",
        },
        "exemption": "",
    },
    {
        "title": "Større handlingsrom for veiledere i arbeidsrettet oppfølging",
        "summary": (
            "Veilederne på NAV-kontoret får større frihet til å velge tiltak og oppfølging ut fra "
            "den enkelte brukerens behov, med færre interne måltall å styre etter."
        ),
        "description": (
            "Veilederne i den statlige delen av NAV-kontoret opplevde at interne mål for antall "
            "aktivitetsplaner og tiltaksplasser styrte mer enn brukernes behov. I piloten er "
            "flere av disse måltallene tatt bort, og veilederne får et tydeligere mandat til å "
            "bruke faglig skjønn. Hvert team har faste drøftinger der vanskelige saker tas opp "
            "med kolleger og leder. Ledelsen følger med på resultatene gjennom samtaler med "
            "teamene og et fåtall nøkkeltall. Piloten er planlagt sammen med de tillitsvalgte og "
            "evalueres etter ett år."
        ),
        "kind": "pilot",
        "sector": "nav_velferd",
        "focus_areas": ["faglig-frihet", "tillitsbasert-ledelse", "mindre-rapportering"],
        "trust_relations": ["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte", "brukere"],
        "state": True,
        "results": {
            "resources": "",
            "activities": "Faste kollegadrøftinger og opplæring i veiledningsmetodikk.",
            "outputs": "Antall interne måltall redusert fra tolv til fire.",
            "user_effects": "Brukerne får oppfølging som er bedre tilpasset deres situasjon.",
            "societal_effects": "Flere kommer over i varig arbeid.",
        },
        "exemption": "",
    },
    {
        "title": "Brukerutvalg som er med på å prioritere utviklingsarbeidet",
        "summary": (
            "Brukerutvalget ved NAV-kontoret får en fast rolle i å velge ut hvilke forbedringer "
            "kontoret skal jobbe med det kommende året."
        ),
        "description": (
            "Brukerutvalget ble tidligere bare orientert om tiltak som allerede var bestemt. Nå "
            "møter utvalget ledelsen før planene for neste år legges, og er med på å velge ut de "
            "viktigste forbedringsområdene. Medlemmene kommer fra brukerorganisasjoner og har "
            "selv erfaring med tjenestene. Ansatte som arbeider med de aktuelle områdene, deltar "
            "på møtene og forteller hvordan de jobber. Utvalget får en skriftlig tilbakemelding "
            "om hva som er gjennomført."
        ),
        "kind": "brukerforum",
        "sector": "nav_velferd",
        "focus_areas": ["medbestemmelse", "styring-og-samordning"],
        "trust_relations": ["leder_medarbeider"],
        "participants": ["brukere", "administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Møtegodtgjørelse til medlemmene.",
            "activities": "Fire møter i året, der ett er et planleggingsmøte.",
            "outputs": "En felles prioritert liste over forbedringsområder.",
            "user_effects": "Tjenestene utvikles ut fra det brukerne selv opplever som viktigst.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Færre måltall på lederdashbordet",
        "summary": (
            "Enheten rydder i styringsinformasjonen og beholder bare de tallene som ledere og "
            "ansatte faktisk bruker til å forbedre tjenesten."
        ),
        "description": (
            "Lederne i enheten hadde tilgang til over femti ulike indikatorer, og mange opplevde "
            "at tallene ble brukt til kontroll mer enn til læring. En arbeidsgruppe med ledere, "
            "medarbeidere og tillitsvalgte gikk gjennom alle indikatorene. De ble enige om å "
            "beholde et lite sett som sier noe om brukernes situasjon og om ventetid. Tallene "
            "skal brukes som utgangspunkt for samtaler i teamene, ikke til å rangere kontorer "
            "eller ansatte. Ordningen vurderes på nytt etter ett år."
        ),
        "kind": "prosjekt",
        "sector": "nav_velferd",
        "focus_areas": ["mindre-rapportering", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": True,
        "results": {
            "resources": "Arbeidsgruppe med seks deltakere over to måneder.",
            "activities": "Gjennomgang av alle indikatorer på lederdashbordet.",
            "outputs": "Et nytt dashbord med åtte indikatorer.",
            "user_effects": "",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Forenklet rapportering fra kommunene på tilskuddsordninger",
        "summary": (
            "Direktoratet henter tall fra eksisterende registre i stedet for å be kommunene "
            "rapportere de samme opplysningene på nytt for hver tilskuddsordning."
        ),
        "description": (
            "Kommunene måtte levere egne rapporter for hver statlige tilskuddsordning, ofte med "
            "opplysninger som allerede fantes i nasjonale registre. Direktoratet har kartlagt "
            "hvilke opplysninger som kan hentes automatisk, og har fjernet disse spørsmålene fra "
            "rapporteringsskjemaene. For mindre tilskudd er sluttrapporten erstattet med en enkel "
            "bekreftelse fra kommunen. Endringene ble utviklet sammen med et utvalg kommuner og "
            "kommunesektorens organisasjon. Direktoratet følger med på at kvaliteten på "
            "styringsinformasjonen holder seg."
        ),
        "kind": "innovasjon",
        "sector": "statlig_forvaltning",
        "focus_areas": ["mindre-rapportering", "kommunalt-handlingsrom", "styring-og-samordning"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Utviklingsressurser i direktoratets IT-avdeling.",
            "activities": "Kartlegging av rapporteringskrav sammen med kommuner.",
            "outputs": "Rapporteringsskjemaer med langt færre spørsmål.",
            "user_effects": "",
            "societal_effects": "Kommunene frigjør tid som kan brukes på tjenestene.",
        },
        "exemption": "",
    },
    {
        "title": "Veiledningsbesøk før tilsyn hos kommunene",
        "summary": (
            "Statsforvalteren tilbyr kommunene et veiledningsbesøk før et eventuelt tilsyn, slik "
            "at svakheter kan rettes tidlig og uten lange skriftlige prosesser."
        ),
        "description": (
            "Tilsyn blir ofte opplevd som kontroll i etterkant, der kommunen får en rapport om "
            "avvik lenge etter at problemene oppsto. I prosjektet tilbyr statsforvalteren et "
            "veiledningsbesøk der fagfolk fra embetet og kommunen går gjennom rutinene sammen. "
            "Kommunen får muntlige råd og kan rette opp svakheter før et formelt tilsyn. Tilsyn "
            "gjennomføres fortsatt der det er risiko for at innbyggernes rettigheter ikke blir "
            "ivaretatt. Erfaringene skal brukes til å lage en mer risikobasert tilsynsplan."
        ),
        "kind": "prosjekt",
        "sector": "statlig_forvaltning",
        "focus_areas": ["tilsyn-og-kontroll", "kommunalt-handlingsrom"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Fagpersoner fra embetet i tillegg til de ordinære tilsynsressursene.",
            "activities": "Utvikling av en enkel metode for veiledningsbesøk.",
            "outputs": "Veiledningsbesøk i ti kommuner det første året.",
            "user_effects": "",
            "societal_effects": "Raskere retting av svakheter i kommunale tjenester.",
        },
        "exemption": "",
    },
    {
        "title": "Medarbeiderdrevet forbedringsarbeid i saksbehandlingen",
        "summary": (
            "Saksbehandlerne får avsatt tid hver måned til å finne og løse flaskehalser i egne "
            "arbeidsprosesser, uten å måtte søke om prosjektmidler."
        ),
        "description": (
            "Ideer til forbedringer i saksbehandlingen stoppet ofte fordi de måtte gjennom flere "
            "ledd før noe kunne endres. Virksomheten har nå satt av en halv dag i måneden der "
            "hver seksjon kan jobbe med egne forbedringer. Seksjonene velger selv hva de vil "
            "jobbe med, og kan endre egne rutiner uten godkjenning fra ledelsen. Større endringer "
            "som berører andre seksjoner, meldes inn til et forbedringsforum der tillitsvalgte "
            "deltar. De første endringene har gitt kortere tid fra en søknad kommer inn til den "
            "blir fordelt."
        ),
        "kind": "innovasjon",
        "sector": "statlig_forvaltning",
        "focus_areas": ["faglig-frihet", "medbestemmelse", "tillitsbasert-ledelse"],
        "trust_relations": ["leder_medarbeider", "arbeidsgiver_tillitsvalgte"],
        "participants": ["administrativ_ledelse", "tillitsvalgte"],
        "state": True,
        "results": {
            "resources": "En halv dag i måneden per seksjon.",
            "activities": "Månedlige forbedringsøkter og et tverrgående forbedringsforum.",
            "outputs": "Over tjue små endringer i arbeidsprosessene det første året.",
            "user_effects": "Søkerne får raskere svar.",
            "societal_effects": "",
        },
        "exemption": "",
    },
    {
        "title": "Veiledere og rundskriv utvikles sammen med kommunene",
        "summary": (
            "Direktoratet inviterer ansatte fra kommunene til arbeidsmøter når nye veiledere og "
            "rundskriv skal skrives, slik at de blir nyttige i praksis."
        ),
        "description": (
            "Kommunene opplevde at nasjonale veiledere ofte var lange og vanskelige å bruke i det "
            "daglige arbeidet. Direktoratet har derfor innført arbeidsmøter med ansatte fra "
            "kommuner av ulik størrelse før en ny veileder skrives. Deltakerne beskriver hvilke "
            "spørsmål de faktisk trenger svar på, og leser utkast underveis. Veilederne skal "
            "skille tydelig mellom det som er lovkrav, og faglige anbefalinger der kommunen kan "
            "gjøre egne valg. Direktoratet har som mål at nye veiledere skal være kortere enn dem "
            "de erstatter."
        ),
        "kind": "mote",
        "sector": "statlig_forvaltning",
        "focus_areas": ["kommunalt-handlingsrom", "styring-og-samordning"],
        "trust_relations": ["stat_kommune"],
        "participants": ["administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "Reisemidler og møtetid for de kommunale deltakerne.",
            "activities": "Arbeidsmøter med kommuner før og under skrivingen.",
            "outputs": "Kortere veiledere med tydelig skille mellom krav og anbefalinger.",
            "user_effects": "",
            "societal_effects": "Kommunene får bedre rom til å tilpasse tjenestene lokalt.",
        },
        "exemption": "",
    },
    {
        "title": "Felles oppdrag til flere etater i tildelingsbrevene",
        "summary": (
            "To departementer gir etatene sine et felles oppdrag i tildelingsbrevene, slik at de "
            "kan samarbeide om unge utenfor arbeid og skole uten motstridende krav."
        ),
        "description": (
            "Etater som jobber med samme målgruppe, fikk tidligere ulike oppdrag og "
            "rapporteringskrav fra hvert sitt departement. Det gjorde samarbeidet lokalt "
            "vanskeligere, fordi hver etat måtte prioritere egne måltall. Departementene har nå "
            "formulert et likelydende oppdrag i tildelingsbrevene, med felles mål og én felles "
            "rapport. Etatene får frihet til å velge hvordan de organiserer samarbeidet "
            "regionalt. Departementene følger opp i et felles styringsmøte med begge etatene én "
            "gang i året."
        ),
        "kind": "tildelingsbrev",
        "sector": "statlig_forvaltning",
        "focus_areas": ["styring-og-samordning", "mindre-rapportering"],
        "trust_relations": ["departement_virksomhet"],
        "participants": ["politisk_ledelse", "administrativ_ledelse"],
        "state": True,
        "results": {
            "resources": "",
            "activities": "Felles formulering av oppdraget og et felles styringsmøte.",
            "outputs": "Likelydende oppdrag i to tildelingsbrev.",
            "user_effects": "Unge får et mer samordnet tilbud fra etatene.",
            "societal_effects": "Flere unge kommer i arbeid eller utdanning.",
        },
        "exemption": "",
    },
]

UNION_NOTES_CONFIRMED: list[str] = [
    (
        "Fagforbundet og Delta har vært med i arbeidsgruppen siden oppstarten og stiller seg bak "
        "beskrivelsen."
    ),
    (
        "Utdanningsforbundet deltok i planleggingen, og tiltaket er drøftet i møte etter "
        "hovedavtalen."
    ),
    "NSF og Fagforbundet har sittet i styringsgruppen og har lest teksten før den ble sendt inn.",
    "Fellesorganisasjonen var med på å utforme piloten og følger arbeidet i de faste teammøtene.",
    "Tiltaket er drøftet med hovedtillitsvalgte fra Unio, YS og LO, som alle støtter det.",
    (
        "LO Stat og Akademikerne var med i den partssammensatte gruppen og har gitt innspill "
        "underveis."
    ),
    (
        "Delta har hatt en representant i prosjektgruppen, og verneombudet har vært orientert "
        "hele veien."
    ),
    (
        "Akademikerne og Unio ble involvert tidlig, og innspillene våre er tatt med i det "
        "endelige opplegget."
    ),
]

UNION_NOTES_NOT_INVOLVED: list[str] = [
    (
        "Vi ble ikke involvert i planleggingen, men ønsker gjerne å delta i oppfølgingen og "
        "evalueringen."
    ),
    (
        "Tillitsvalgte har ikke vært med så langt. Vi ber om at tiltaket tas opp i neste møte "
        "etter hovedavtalen."
    ),
    (
        "Organisasjonene ble orientert først etter at tiltaket var bestemt. Vi stiller gjerne med "
        "representanter i neste fase."
    ),
    (
        "Fagforeningene har ikke deltatt, men vi ser verdien av tiltaket og ønsker en plass i "
        "arbeidsgruppen."
    ),
    (
        "Det har ikke vært medvirkning fra tillitsvalgte ennå. Vi foreslår et felles "
        "oppstartsmøte før piloten utvides."
    ),
]

RETURN_NOTES: list[str] = [
    "Beskriv tydeligere hva som er nytt i tiltaket sammenlignet med dagens praksis.",
    (
        "Få med hvem som har deltatt, og om tillitsvalgte har vært involvert, før vi sender saken "
        "videre."
    ),
    (
        "Resultatfeltene er for generelle. Legg gjerne inn noen konkrete tall eller eksempler på "
        "hva som er endret."
    ),
    "Sammendraget er for langt. Kort det ned til to setninger som en innbygger kan forstå.",
    "Sjekk at teksten ikke nevner enkeltpersoner eller opplysninger som kan identifisere brukere.",
    "Henvisningen til regelverket det søkes unntak fra, må være mer presis før jeg kan godkjenne.",
]

EXPERIENCE_SNIPPETS: list[str] = [
    (
        "Det tok lengre tid enn ventet å bli enige om hva vi skulle slutte med, men det var den "
        "viktigste delen av arbeidet."
    ),
    (
        "Ansatte ble tryggere på å bruke skjønn da lederen sa tydelig at feil skulle brukes til "
        "læring, ikke til straff."
    ),
    "Å ha tillitsvalgte med fra første møte sparte oss for mange runder senere i prosessen.",
    (
        "Vi fjernet et rapporteringskrav og oppdaget at ingen savnet det. Det ga oss mot til å ta "
        "neste steg."
    ),
    (
        "Brukerne merket endringen før vi rakk å måle den: de fikk færre ulike ansatte å forholde "
        "seg til."
    ),
    (
        "Mer frihet krevde også tydeligere rammer. Teamene ville vite hva de ikke trengte å ta "
        "stilling til."
    ),
    (
        "Dialogen med statsforvalteren ble bedre da vi kom med et konkret forslag i stedet for et "
        "generelt ønske."
    ),
    "Korte, faste møter fungerte bedre enn store samlinger med lang agenda.",
    (
        "Lederne trengte støtte for å slippe kontrollen, ikke bare et vedtak om at de skulle "
        "gjøre det."
    ),
    (
        "Evalueringen ble enklest når vi på forhånd hadde bestemt hvilke få ting vi ville følge "
        "med på."
    ),
]


_KINDS = (
    "prosjekt",
    "mote",
    "tildelingsbrev",
    "innovasjon",
    "etatsstyringsdialog",
    "brukerforum",
    "pilot",
    "forsok",
    "annet",
)
_SECTORS = (
    "helse_omsorg",
    "oppvekst_skole",
    "nav_velferd",
    "barnevern",
    "kultur",
    "teknisk",
    "statlig_forvaltning",
    "annet",
)
_FOCUS_AREAS = (
    "faglig-frihet",
    "mindre-rapportering",
    "kommunalt-handlingsrom",
    "medbestemmelse",
    "styring-og-samordning",
    "tillitsbasert-ledelse",
    "tilsyn-og-kontroll",
)
_TRUST_RELATIONS = (
    "departement_virksomhet",
    "stat_kommune",
    "leder_medarbeider",
    "arbeidsgiver_tillitsvalgte",
)
_PARTICIPANTS = (
    "politisk_ledelse",
    "administrativ_ledelse",
    "tillitsvalgte",
    "brukere",
    "forskere",
)
_RESULT_KEYS = ("resources", "activities", "outputs", "user_effects", "societal_effects")


def _sentences(text: str) -> int:
    """Count sentence-ending punctuation followed by whitespace or end of text."""
    count = 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            count += 1
    return count


def _check() -> None:
    assert len(MEASURES) >= 40, len(MEASURES)
    titles = [m["title"] for m in MEASURES]
    assert len(set(titles)) == len(titles), "duplicate titles"
    keys = {
        "title",
        "summary",
        "description",
        "kind",
        "sector",
        "focus_areas",
        "trust_relations",
        "participants",
        "state",
        "results",
        "exemption",
    }
    for m in MEASURES:
        t = m["title"]
        assert set(m) == keys, (t, set(m) ^ keys)
        assert 0 < len(t) <= 120, t
        assert 120 <= len(m["summary"]) <= 280, (t, len(m["summary"]))
        assert 1 <= _sentences(m["summary"]) <= 2, t
        assert 400 <= len(m["description"]) <= 1200, (t, len(m["description"]))
        assert 3 <= _sentences(m["description"]) <= 6, (t, _sentences(m["description"]))
        assert m["kind"] in _KINDS, t
        assert m["sector"] in _SECTORS, t
        fa = m["focus_areas"]
        assert 1 <= len(fa) <= 3 and len(set(fa)) == len(fa), t
        assert all(f in _FOCUS_AREAS for f in fa), t
        tr = m["trust_relations"]
        assert 1 <= len(tr) <= 2 and len(set(tr)) == len(tr), t
        assert all(r in _TRUST_RELATIONS for r in tr), t
        pa = m["participants"]
        assert 1 <= len(pa) <= 4 and len(set(pa)) == len(pa), t
        assert all(p in _PARTICIPANTS for p in pa), t
        assert isinstance(m["state"], bool), t
        res = m["results"]
        assert tuple(res) == _RESULT_KEYS, t
        assert all(isinstance(v, str) for v in res.values()), t
        assert sum(1 for v in res.values() if not v) <= 2, t
        assert isinstance(m["exemption"], str), t
        if m["exemption"]:
            assert m["kind"] in ("forsok", "pilot") and not m["state"], t
        for text in (t, m["summary"], m["description"], *res.values()):
            assert "lorem" not in text.lower(), t
    for kind in _KINDS:
        assert sum(m["kind"] == kind for m in MEASURES) >= 2, kind
    for sector in _SECTORS:
        assert sum(m["sector"] == sector for m in MEASURES) >= 2, sector
    for focus in _FOCUS_AREAS:
        assert sum(focus in m["focus_areas"] for m in MEASURES) >= 5, focus
    n_state = sum(m["state"] for m in MEASURES)
    assert 10 <= n_state <= 14, n_state
    for lst, n in (
        (UNION_NOTES_CONFIRMED, 8),
        (UNION_NOTES_NOT_INVOLVED, 5),
        (RETURN_NOTES, 6),
        (EXPERIENCE_SNIPPETS, 10),
    ):
        assert len(lst) == n, (len(lst), n)
        assert all(isinstance(s, str) and 20 <= len(s) <= 200 for s in lst)
        assert len(set(lst)) == len(lst)
    assert all(_sentences(s) == 1 for s in UNION_NOTES_CONFIRMED)
    assert all(1 <= _sentences(s) <= 2 for s in EXPERIENCE_SNIPPETS)


if __name__ == "__main__":
    _check()
    print(
        f"OK: {len(MEASURES)} measures "
        f"({sum(m['state'] for m in MEASURES)} state, "
        f"{sum(not m['state'] for m in MEASURES)} municipal), "
        f"{len(UNION_NOTES_CONFIRMED)} confirmed notes, "
        f"{len(UNION_NOTES_NOT_INVOLVED)} not-involved notes, "
        f"{len(RETURN_NOTES)} return notes, "
        f"{len(EXPERIENCE_SNIPPETS)} experience snippets"
    )
    for label, key, values in (
        ("kinds", "kind", _KINDS),
        ("sectors", "sector", _SECTORS),
    ):
        print(label, {v: sum(m[key] == v for m in MEASURES) for v in values})
    print("focus", {f: sum(f in m["focus_areas"] for m in MEASURES) for f in _FOCUS_AREAS})
