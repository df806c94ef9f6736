"""The API's records of what a measure achieved: how its effect was judged, its indicators and
the reporting it removed (``initiatives.models.effects``). Norwegian field names like the rest
of the API."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class Indikator(Schema):
    navn: str = Field(description="What was measured.")
    enhet: str = Field(description="The unit, for example prosent; empty when not given.")
    verdi_for: float | None = Field(description="The value before the measure (baseline).")
    dato_for: date | None = Field(description="When the value before was measured.")
    siste_verdi: float | None = Field(description="The latest value measured.")
    siste_dato: date | None = Field(description="When the latest value was measured.")
    kilde: str = Field(description="Where the figures come from.")


class Effekt(Schema):
    """How the effect was judged, and what was measured. Every field is optional to fill in."""

    metoder: list[str] = Field(
        description="How the effect was judged (codes below): sammenlignet, folgeforskning, "
        "for_og_etter, sporreundersokelse, egen_vurdering."
    )
    evidens: str | None = Field(
        description="The strongest of the methods (that order, strongest first), or null."
    )
    evidens_etikett: str | None = Field(
        description="The label the portal shows for it, in the visitor's language."
    )
    indikatorer: list[Indikator]


class FjernetKrav(Schema):
    krav: str = Field(description="The reporting or documentation requirement.")
    endring: str = Field(description="fjernet (removed) or forenklet (simplified).")
    krevd_av: str = Field(
        description="Who required it: egen, departement, direktorat or tilsyn; empty when "
        "not given."
    )
    krevd_av_navn: str
    hyppighet: str = Field(
        description="per_sak, daglig, ukentlig, manedlig, kvartalsvis or arlig; empty when "
        "not given."
    )
    timer_per_ar: int | None = Field(
        description="Hours a year given back: the organisation's own estimate."
    )
    gitt_tilbake_til: str = Field(description="ansatte, ledere or begge; empty when not given.")


class RapporteringFjernet(Schema):
    krav: list[FjernetKrav]
    timer_per_ar_sum: int | None = Field(
        description="The sum of the hours given, estimated by the organisation itself; null "
        "when no requirement has an estimate."
    )
