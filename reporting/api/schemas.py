"""The API's records as Pydantic schemas: Norwegian field names, like the URLs; the field
descriptions in the OpenAPI document are in English, the language of the code. Codes are the
stored values (a date's precision excepted: dag, maned, ar); the documentation page lists their
meanings in the visitor's language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from .effect_schemas import Effekt, RapporteringFjernet

# How much of a date is known: the day, the month (maned) or only the year (ar).
Presisjon = Literal["dag", "maned", "ar"]


class Melding(Schema):
    """An error: what went wrong, in the visitor's language."""

    melding: str


class ForMangeForesporsler(Melding):
    vent_sekunder: int = Field(description="Seconds until the limit resets (as Retry-After).")


class Fylke(Schema):
    nummer: str = Field(description="County number, two digits (the 2024 division).")
    navn: str


class Kommune(Schema):
    nummer: str = Field(description="Municipality number, four digits.")
    navn: str
    fylke: Fylke | None


class OrganisasjonRef(Schema):
    id: int
    navn: str
    url: str = Field(description="The organisation's page in the portal.")
    api_url: str


class Organisasjon(OrganisasjonRef):
    type: str = Field(
        description="kommune, fylkeskommune, statlig, departement, helseforetak, "
        "arbeidstakerorganisasjon or annet."
    )
    kortnavn: str
    organisasjonsnummer: str
    kommune: Kommune | None
    fylke: Fylke | None
    departement: OrganisasjonRef | None = Field(
        description="The owning ministry, for state agencies (see ansvarlige_departementer)."
    )
    beskrivelse: str
    nettsted: str
    antall_tiltak: int = Field(description="Published measures the organisation owns.")


class Departement(Schema):
    id: int
    kortnavn: str
    navn: str
    url: str
    api_url: str


NAVN_PER_SPRAK = Field(
    description=(
        "The name in each language of the portal: nb (for the seven official areas the "
        "government's label), nn and en. An area without a translation has its name as "
        "written in all three."
    )
)


class Sprak(Schema):
    nb: str
    nn: str
    en: str


class Fokusomrade(Schema):
    nummer: int
    slug: str
    navn: str = Field(description="The name as stored, in bokmål (kept for compatibility).")
    navn_per_sprak: Sprak = NAVN_PER_SPRAK
    beskrivelse: str
    url: str
    antall_tiltak: int = Field(description="Published measures in the focus area.")


class TiltakFokusomrade(Schema):
    nummer: int
    slug: str
    navn: str = Field(description="The name as stored, in bokmål (kept for compatibility).")
    navn_per_sprak: Sprak = NAVN_PER_SPRAK
    primaer: bool = Field(description="The measure's primary focus area.")


class Mal(Schema):
    """The results chain."""

    ressurser: str
    aktiviteter: str
    resultater: str
    brukereffekter: str
    samfunnseffekter: str


class Medvirkning(Schema):
    vurdering: str = Field(description="Union confirmation: bekreftet, ikke_involvert or ukjent.")
    fagforening: str
    kommentar: str = Field(description="The union representative's published comment.")


class Kontakt(Schema):
    navn: str
    epost: str
    telefon: str = ""


class Vedlegg(Schema):
    navn: str
    type: str
    storrelse: int = Field(description="Size in bytes.")
    url: str


class Lenke(Schema):
    id: int
    tittel: str
    url: str


class TiltakLenke(Lenke):
    api_url: str


class NettverkLenke(TiltakLenke):
    nettverk: str = Field(description="The name of the network or programme, if given.")


class Tiltak(Schema):
    id: int
    url: str = Field(description="The measure's page in the portal.")
    tittel: str
    sammendrag: str
    beskrivelse: str
    organisasjon: OrganisasjonRef
    partnere: list[OrganisasjonRef] = Field(description="Organisations that helped.")
    deltakende_organisasjoner: list[OrganisasjonRef] = Field(
        description="Organisations that run the measure with its owner (a shared service's "
        "other municipalities); the kommune and fylke filters find the measure under them too."
    )
    ansvarlige_departementer: list[OrganisasjonRef] = Field(
        description="The ministries whose area the measure touches (a state agency's owning "
        "ministry, those a municipality chose); the departement filter finds it under each."
    )
    type: str = Field(description="Kind of measure (a code); empty when not given.")
    sektor: str
    fokusomrader: list[TiltakFokusomrade]
    annet_omrade: str
    tillitsrelasjoner: list[str]
    status: str = Field(description="planlagt, pagar, avsluttet or avbrutt; empty when not given.")
    startdato: date | None = Field(
        description="The first day of the period startdato_presisjon names."
    )
    startdato_presisjon: Presisjon = Field(
        description="dag, maned or ar (day, month or year): how much of startdato is known "
        "(2024-03-01 with maned means March 2024)."
    )
    sluttdato: date | None
    sluttdato_presisjon: Presisjon = Field(
        description="dag, maned or ar (day, month or year), as startdato_presisjon."
    )
    startet_for_reformen: bool
    deltakere: list[str]
    unntak_fra: str
    mal: Mal
    medvirkning: Medvirkning
    kommune: Kommune | None
    fylke: Fylke | None
    departement: OrganisasjonRef | None = Field(
        description="The owning ministry, for state agencies (see ansvarlige_departementer)."
    )
    kontakt: Kontakt | None = Field(description="Only when the organisation chose to publish it.")
    lenker: list[str]
    vedlegg: list[Vedlegg]
    erfaringer: list[Lenke] = Field(description="Published experience reports.")
    bygger_pa: list[TiltakLenke] = Field(
        description="Published measures this one builds on (it was adopted from them)."
    )
    provd_videre_av: list[TiltakLenke] = Field(
        description="Published measures that build on this one (tried further elsewhere)."
    )
    samme_nettverk: list[NettverkLenke] = Field(
        description="Published measures in the same network or programme."
    )
    effekt: Effekt
    rapportering_fjernet: RapporteringFjernet = Field(
        description="Reporting and documentation requirements the measure removed or simplified."
    )
    publisert: datetime | None
    oppdatert: datetime


class Erfaring(Schema):
    id: int
    url: str
    tittel: str
    sammendrag: str
    hva_ble_gjort: str
    hva_virket: str
    hva_virket_ikke: str
    suksessfaktorer: str
    rad: str
    overforbarhet: str = Field(description="ja, delvis, nei or usikkert.")
    om_overforbarhet: str
    resultater: str
    kontakt: Kontakt | None
    tiltak: TiltakLenke
    organisasjon: OrganisasjonRef
    effekt: Effekt
    publisert: datetime | None
    oppdatert: datetime


class Side(Schema):
    """The envelope of a paged list."""

    antall: int = Field(description="Matches on all pages.")
    side: int
    sider: int
    neste: str | None = Field(description="The next page's address, or null.")
    forrige: str | None = Field(description="The previous page's address, or null.")
    ignorert: list[str] = Field(description="Parameters ignored because they were not valid.")
    lisens: str


class TiltakSide(Side):
    resultater: list[Tiltak]


class ErfaringSide(Side):
    resultater: list[Erfaring]


class OrganisasjonSide(Side):
    resultater: list[Organisasjon]


class Liste(Schema):
    antall: int
    lisens: str


class FokusomradeListe(Liste):
    resultater: list[Fokusomrade]


class KommuneListe(Liste):
    resultater: list[Kommune]


class FylkeListe(Liste):
    resultater: list[Fylke]


class DepartementListe(Liste):
    resultater: list[Departement]
