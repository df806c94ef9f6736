"""The stored search vector of a measure or an experience report, made in Python.

Every word keeps its position (stop words are counted, so phrases still match) and gets its
lexemes from ``tillit.core.norsk``: lemmas of both written standards and, for compounds,
their parts. Names (organisations, places, ministries) are taken as written and folded, not
lemmatised. Weights: A the title; B the summary and the names; C the long texts; a
compound's parts and the other standard's lemmas one step below the field's weight."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils import translation

from initiatives.models import ExperienceReport, Initiative
from initiatives.models.display import GOAL_FIELDS
from initiatives.models.initiatives import KIND_LABELS
from tillit.accounts.search import normalise, parallel_names
from tillit.core.norsk.analyser import analyser

from .query import quote, surface_forms

TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_POSITION = 16383  # PostgreSQL's limit
MAX_POSITIONS = 256  # per lexeme, as PostgreSQL keeps
MAX_LEXEME = 500  # characters (PostgreSQL refuses more than 2047 bytes)
Field = tuple[str, str]  # (text, weight)
# A compound's parts, and a word's lemma in the other written standard, count a step below
# the word as written: "kulturskolen" in a title is found by "skole" but ranks below a title
# that says "skolen"; "sykehjemmet" is found by "sjukeheim", below "sjukeheimen".
PART_WEIGHT = {"A": "B", "B": "C", "C": "D", "D": "D"}


def tokens(text: str) -> list[tuple[str, list[str]]]:
    """Each token and the words it is analysed as: "Nav-kontoret" is itself, Nav and kontoret."""
    found = []
    for match in TOKEN.finditer(text or ""):
        token = match.group()
        parts = token.split("-")
        found.append((token, [*parts, "".join(parts)] if len(parts) > 1 else parts))
    return found


def document_vector(texts: Iterable[Field], names: Iterable[Field] = ()) -> str:
    """A tsvector literal of ``texts`` (analysed) followed by ``names`` (as written)."""
    texts, names = list(texts), list(names)
    analysed = [(tokens(text), weight) for text, weight in texts]
    words = {word for found, _ in analysed for _, parts in found for word in parts}
    analyses = analyser().analyse(words)
    entries: dict[str, list[str]] = {}
    position = 0

    def add(found: set[str], weight: str) -> None:
        mark = f"{min(position, MAX_POSITION)}{weight if weight != 'D' else ''}"
        for lexeme in found:
            if lexeme and len(lexeme) <= MAX_LEXEME:
                positions = entries.setdefault(lexeme, [])
                if len(positions) < MAX_POSITIONS:
                    positions.append(mark)

    for found, weight in analysed:
        for _token, parts in found:
            position += 1
            native = {lexeme for word in parts for lexeme in analyses[word].native}
            add(native, weight)
            lower = {lexeme for word in parts for lexeme in analyses[word].translated}
            lower |= {lexeme for word in parts for lexeme in analyses[word].parts}
            add(lower - native, PART_WEIGHT[weight])
    for text, weight in names:
        for token, parts in tokens(text):
            position += 1
            add({form for word in [token, *parts] for form in surface_forms(word)}, weight)
    return " ".join(f"{quote(lexeme)}:{','.join(marks)}" for lexeme, marks in entries.items())


def _organisation_names(organisation) -> list[str]:
    names = [organisation.name, organisation.short_name]
    municipality = organisation.municipality
    if municipality is not None:
        names.append(municipality.name)
        names.extend(parallel_names().get(municipality.number, ()))
    if organisation.county is not None:
        names.append(organisation.county.name)
    return [name for name in names if name]


def kind_labels(kind: str) -> list[str]:
    if kind not in KIND_LABELS:
        return []
    labels = []
    for language in ("nb", "nn"):
        with translation.override(language):
            labels.append(str(KIND_LABELS[kind]))
    return labels


def measure_names(initiative: Initiative, *, participants=None, ministries=None) -> list[str]:
    """The names a measure is found by: its owner and participants with their places and
    parallel names, the responsible ministries (name and short name). ``participants`` and
    ``ministries`` (in the relations' order, by name) stand in for the relations of a measure
    not saved yet (the bulk seeder)."""
    if participants is None:
        participants = initiative.participating_organisations.all()
    if ministries is None:
        ministries = initiative.responsible_ministries.all()
    names = _organisation_names(initiative.organisation)
    for organisation in participants:
        names += _organisation_names(organisation)
    for ministry in ministries:
        names += [ministry.name, ministry.short_name]
    unique = dict.fromkeys(normalise(name) for name in names if name)
    return list(unique)


def measure_texts(initiative: Initiative) -> list[Field]:
    goals = "\n".join(getattr(initiative, name) for name in GOAL_FIELDS)
    return [
        (initiative.title, "A"),
        (initiative.summary, "B"),
        (initiative.description, "C"),
        (goals, "C"),
        (" ".join(kind_labels(initiative.kind)), "B"),
    ]


def measure_vector(initiative: Initiative, *, participants=None, ministries=None) -> str:
    names = " ".join(measure_names(initiative, participants=participants, ministries=ministries))
    return document_vector(measure_texts(initiative), [(names, "B")])


REPORT_B = ("summary", "what_was_done")
REPORT_C = ("what_worked", "challenges", "success_conditions", "advice", "outcomes")


def report_vector(report: ExperienceReport) -> str:
    """Title A; summary and what was done B, with the measure's owner; the rest C."""
    texts = [(report.title, "A")]
    texts += [(getattr(report, name), "B") for name in REPORT_B]
    texts += [(getattr(report, name), "C") for name in REPORT_C]
    owner = report.initiative.organisation
    names = " ".join(dict.fromkeys(normalise(n) for n in _organisation_names(owner)))
    return document_vector(texts, [(names, "B")])
