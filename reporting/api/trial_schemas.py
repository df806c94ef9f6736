"""The API's records of approved trials (forsøk): the decision, the exemptions granted and
the evaluation. Norwegian field names like the rest of the API."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema

from .schemas import OrganisasjonRef, Side


class Unntak(Schema):
    lov: str = Field(description="The law or regulation, by its short name or as written.")
    paragraf: str
    hvorfor: str = Field(description="Why the rule stands in the way.")
    alternativ: str = Field(description="What is tried instead.")
    evaluering: str = Field(description="How it will be evaluated.")


class Vedtak(Schema):
    departement: str = Field(description="The approving ministry's short name.")
    forskrift: str = Field(description="The title of the local regulation.")
    forskriftsdato: date | None
    fra: date | None = Field(description="The trial period's first day.")
    til: date | None = Field(description="The trial period's last day.")
    vilkar: str = Field(description="Conditions of the approval.")
    utvelging_begrunnelse: str = Field(description="The coordinating ministry's reasons.")


class Forsok(Schema):
    id: int
    tittel: str
    formal: str = Field(description="What the trial is to achieve.")
    tilstand: str = Field(description="godkjent, pagar, evaluert or avsluttet.")
    runde: str = Field(description="The round of applications.")
    sokere: list[OrganisasjonRef] = Field(description="The applying municipalities.")
    tiltak_id: int = Field(description="The measure the trial was made from.")
    unntak: list[Unntak]
    vedtak: Vedtak
    evaluering_url: str
    evaluering_oppsummering: str
    utfall: str = Field(description="varig, forlenget, stanset, or empty while it runs.")
    url: str


class ForsokSide(Side):
    resultater: list[Forsok]
