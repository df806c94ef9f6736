"""The relevance fixture (the ``*.toml`` files beside this module) read and published through
the same services a leader uses in the site: ``initiative_create`` (submitted) and
``initiative_publish``. So the stored rows, their search vectors and overview entries are
made the way real measures' are, whatever the search engine computes them from."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from initiatives.models import FocusArea
from initiatives.services.records import InitiativeInput, initiative_create
from initiatives.services.workflow import initiative_publish
from tillit.accounts.models import Membership, Organisation, OrganisationKind, Role, User

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.toml"
# Owner keys of the state agencies: (name, short name, owning ministry's short name).
AGENCIES = {
    "Hdir": ("Helsedirektoratet", "Hdir", "HOD"),
    "Udir": ("Utdanningsdirektoratet", "Udir", "KD"),
    "NAV": ("Arbeids- og velferdsetaten", "NAV", "AID"),
    "DFO": ("Direktoratet for forvaltning og økonomistyring", "DFØ", "DFD"),
    "SFVestland": ("Statsforvalteren i Vestland", "", "KDD"),
    "SFTrondelag": ("Statsforvalteren i Trøndelag", "", "KDD"),
    "SVV": ("Statens vegvesen", "", "SD"),
    "Skatt": ("Skatteetaten", "", "FIN"),
    "Bufdir": ("Barne-, ungdoms- og familiedirektoratet", "Bufdir", "BFD"),
    "Husbanken": ("Husbanken", "", "KDD"),
    "IMDi": ("Integrerings- og mangfoldsdirektoratet", "IMDi", "AID"),
    "Mattilsynet": ("Mattilsynet", "", "LMD"),
    "Arbeidstilsynet": ("Arbeidstilsynet", "", "AID"),
    "Politiet": ("Politidirektoratet", "POD", "JD"),
}
TRUST_RELATION = {
    OrganisationKind.KOMMUNE: "leder_medarbeider",
    OrganisationKind.FYLKESKOMMUNE: "stat_kommune",
    OrganisationKind.STATLIG: "departement_virksomhet",
}


@dataclass(frozen=True)
class Measure:
    key: str
    owner: str  # municipality number, county number or a key of AGENCIES
    lang: str  # "nb" or "nn"
    kind: str
    sector: str
    areas: list[str]
    title: str
    summary: str
    description: str
    ministries: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)  # municipality numbers


@dataclass(frozen=True)
class Query:
    q: str
    category: str
    must: list[str]
    also: list[str] = field(default_factory=list)
    never: list[str] = field(default_factory=list)


def read_measures() -> list[Measure]:
    measures = []
    for path in sorted(HERE.glob("*.toml")):
        if path != QUERIES:
            with path.open("rb") as handle:
                measures += [Measure(**table) for table in tomllib.load(handle)["measure"]]
    return measures


def read_queries() -> list[Query]:
    with QUERIES.open("rb") as handle:
        return [Query(**table) for table in tomllib.load(handle)["query"]]


class _Owners:
    """The organisations the fixture names, each with a leader who registers and publishes."""

    def __init__(self):
        self.ministries = {
            o.short_name: o for o in Organisation.objects.filter(kind=OrganisationKind.DEPARTEMENT)
        }
        self.municipalities = {
            o.municipality_id: o for o in Organisation.objects.filter(kind=OrganisationKind.KOMMUNE)
        }
        self.counties = {
            o.county_id: o for o in Organisation.objects.filter(kind=OrganisationKind.FYLKESKOMMUNE)
        }
        self.leaders: dict[int, User] = {}

    def organisation(self, code: str) -> Organisation:
        if code in AGENCIES:
            name, short_name, ministry = AGENCIES[code]
            agency, _ = Organisation.objects.get_or_create(
                name=name,
                kind=OrganisationKind.STATLIG,
                defaults={"short_name": short_name, "parent_ministry": self.ministries[ministry]},
            )
            return agency
        return self.municipalities[code] if len(code) == 4 else self.counties[code]

    def leader(self, organisation: Organisation) -> User:
        if organisation.pk not in self.leaders:
            user = User.objects.create(
                email=f"leder-{organisation.pk}@relevans.example.no", name="Leder"
            )
            Membership.objects.create(user=user, organisation=organisation, roles=[Role.LEDER])
            self.leaders[organisation.pk] = user
        return self.leaders[organisation.pk]


def load_measures(measures: list[Measure]) -> dict[int, str]:
    """Registers, submits and publishes every measure; returns each one's key by its id."""
    owners = _Owners()
    areas = {area.slug: area for area in FocusArea.objects.all()}
    keys = {}
    for measure in measures:
        organisation = owners.organisation(measure.owner)
        leader = owners.leader(organisation)
        chosen = [areas[slug] for slug in measure.areas]
        data = InitiativeInput(
            values={
                "title": measure.title,
                "summary": measure.summary,
                "description": measure.description,
                "kind": measure.kind,
                "sector": measure.sector,
                "trust_relations": [TRUST_RELATION[organisation.kind]],
                "lifecycle_status": "pagar",
                "start_date": date(2024, 9, 1),
            },
            focus_areas=chosen,
            primary_focus_area=chosen[0],
            responsible_ministries=[owners.ministries[s] for s in measure.ministries] or None,
            participating_organisations=[owners.organisation(n) for n in measure.participants],
        )
        initiative = initiative_create(organisation=organisation, by=leader, data=data, submit=True)
        initiative_publish(initiative=initiative, by=leader)
        keys[initiative.pk] = measure.key
    return keys
