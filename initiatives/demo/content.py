"""The demo's texts, read from the TOML files in ``data/`` and checked as they are read:
every value is one the register knows, and each text has the length and shape the pages
expect. A broken file stops ``seed_demo`` with a message naming the text."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from tillit.accounts.reference_data import read_rows

from ..models import Kind, Participant, Sector, Transferability, TrustRelation
from ..models.experience import WRITTEN_FIELDS

DATA_DIR = Path(__file__).resolve().parent / "data"
# The demo users named by their role (their e-mail's local part), and who writes the demo's
# comments: one of them, or "kollega" (staff in another municipality).
DEMO_ROLES = frozenset({"ansatt", "leder", "tillitsvalgt", "departement", "redaktor"})
COMMENTERS = DEMO_ROLES | {"kollega"}


class DemoContentError(ValueError):
    """A demo data file breaks one of the rules below."""


@dataclass(frozen=True)
class Results:
    resources: str
    activities: str
    outputs: str
    user_effects: str
    societal_effects: str


@dataclass(frozen=True)
class InitiativeText:
    title: str
    kind: str
    sector: str
    focus_areas: list[str]
    trust_relations: list[str]
    participants: list[str]
    state_agency: bool
    exemption: str
    summary: str
    description: str
    results: Results


@dataclass(frozen=True)
class Notes:
    union_notes_confirmed: list[str]
    union_notes_not_involved: list[str]
    return_notes: list[str]


@dataclass(frozen=True)
class Reply:
    who: str
    text: str


@dataclass(frozen=True)
class Thread:
    who: str
    text: str
    replies: list[Reply]


@dataclass(frozen=True)
class Conversation:
    threads: list[Thread]
    report_comment: Reply


@dataclass(frozen=True)
class ReportText:
    initiative: str  # the title of the published initiative it is about
    fields: dict[str, str]  # ExperienceReport fields


@dataclass(frozen=True)
class Experience:
    focus_area_texts: dict[int, str]  # by focus-area number
    reports: list[ReportText]


REPORT_FIELDS = set(WRITTEN_FIELDS)


def _read(path: Path) -> dict:
    with path.open("rb") as handle:
        try:
            return tomllib.load(handle)
        except tomllib.TOMLDecodeError as error:
            raise DemoContentError(f"{path.name}: {error}") from error


def _make(cls, table: dict, where: str):
    """``cls(**table)``, with a missing or unknown key told as a content error."""
    expected = {f.name for f in fields(cls)}
    if set(table) != expected:
        raise DemoContentError(f"{where}: keys {sorted(set(table) ^ expected)} wrong")
    return cls(**table)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise DemoContentError(message)


def _sentences(text: str) -> int:
    """Count sentence-ending punctuation followed by whitespace or end of text."""
    return sum(
        1
        for i, ch in enumerate(text)
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n")
    )


def _check_initiative(text: InitiativeText, focus_areas: set[str]) -> None:
    title = text.title
    _require(0 < len(title) <= 120, f"{title}: title length")
    _require(120 <= len(text.summary) <= 280, f"{title}: summary of {len(text.summary)} chars")
    _require(1 <= _sentences(text.summary) <= 2, f"{title}: summary not 1-2 sentences")
    _require(400 <= len(text.description) <= 1200, f"{title}: description length")
    _require(3 <= _sentences(text.description) <= 6, f"{title}: description not 3-6 sentences")
    _require(text.kind in Kind.values, f"{title}: unknown kind {text.kind!r}")
    _require(text.sector in Sector.values, f"{title}: unknown sector {text.sector!r}")
    for values, known, most in (
        (text.focus_areas, focus_areas, 3),
        (text.trust_relations, set(TrustRelation.values), 2),
        (text.participants, set(Participant.values), 4),
    ):
        _require(1 <= len(values) <= most, f"{title}: {values} not 1-{most} values")
        _require(len(set(values)) == len(values), f"{title}: {values} repeats a value")
        _require(set(values) <= known, f"{title}: unknown {sorted(set(values) - known)}")
    _require(isinstance(text.state_agency, bool), f"{title}: state_agency is not true/false")
    results = vars(text.results).values()
    _require(all(isinstance(v, str) for v in results), f"{title}: a result is not text")
    _require(sum(1 for v in results if not v) <= 2, f"{title}: more than two results empty")
    if text.exemption:
        _require(
            text.kind in (Kind.FORSOK, Kind.PILOT) and not text.state_agency,
            f"{title}: only a municipal trial or pilot asks for an exemption",
        )
    for part in (title, text.summary, text.description, *results):
        _require("lorem" not in part.lower(), f"{title}: placeholder text")


def read_initiatives(path: Path = DATA_DIR / "initiatives.toml") -> list[InitiativeText]:
    """The demo initiatives in file order (the seed's random choices depend on it)."""
    texts = []
    for table in _read(path).get("initiative", []):
        where = f"{path.name}: {table.get('title', '?')}"
        results = _make(Results, table.get("results", {}), where)
        texts.append(_make(InitiativeText, {**table, "results": results}, where))
    focus_areas = {row["kortnavn"] for row in read_rows("fokusomrader.csv")}
    for text in texts:
        _check_initiative(text, focus_areas)
    titles = [text.title for text in texts]
    _require(len(texts) >= 40, f"{path.name}: {len(texts)} initiatives, fewer than 40")
    _require(len(set(titles)) == len(titles), f"{path.name}: a title is used twice")
    for values, used_by, least in (
        (Kind.values, lambda t: [t.kind], 2),
        (Sector.values, lambda t: [t.sector], 2),
        (focus_areas, lambda t: t.focus_areas, 5),
    ):
        for value in values:
            used = sum(value in used_by(text) for text in texts)
            _require(used >= least, f"{path.name}: {value!r} used {used} times, not {least}")
    state = sum(text.state_agency for text in texts)
    _require(10 <= state <= 14, f"{path.name}: {state} state agencies' initiatives, not 10-14")
    return texts


def _check_lines(name: str, lines: list[str]) -> None:
    _require(bool(lines), f"{name} is empty")
    _require(len(set(lines)) == len(lines), f"{name} repeats a line")
    for line in lines:
        _require(isinstance(line, str) and 20 <= len(line) <= 200, f"{name}: {line!r}")


def read_notes(path: Path = DATA_DIR / "notes.toml") -> Notes:
    """Union representatives' assessments and leaders' notes on drafts sent back."""
    notes = _make(Notes, _read(path), path.name)
    for field in fields(Notes):
        _check_lines(f"{path.name}: {field.name}", getattr(notes, field.name))
    return notes


def read_conversation(path: Path = DATA_DIR / "comments.toml") -> Conversation:
    """The demo's comment threads, in order, and the comment on an experience report."""
    data = _read(path)
    threads = [
        Thread(
            who=table["who"],
            text=table["text"],
            replies=[_make(Reply, reply, path.name) for reply in table.get("reply", [])],
        )
        for table in data.get("thread", [])
    ]
    conversation = Conversation(threads, _make(Reply, data.get("report_comment", {}), path.name))
    replies = [reply for thread in threads for reply in thread.replies]
    for comment in [conversation.report_comment, *threads, *replies]:
        _require(comment.who in COMMENTERS, f"{path.name}: unknown writer {comment.who!r}")
        _require(bool(comment.text.strip()), f"{path.name}: an empty comment")
    return conversation


def read_experience(path: Path = DATA_DIR / "experience.toml") -> Experience:
    """Focus-area descriptions by number and the experience reports, in order."""
    data = _read(path)
    numbers = {int(row["nummer"]) for row in read_rows("fokusomrader.csv")}
    texts = {area["number"]: area["description"] for area in data.get("focus_area", [])}
    _require(set(texts) <= numbers, f"{path.name}: unknown focus areas {set(texts) - numbers}")
    reports = []
    for table in data.get("report", []):
        report = ReportText(
            initiative=table.get("initiative", ""),
            fields={k: v for k, v in table.items() if k != "initiative"},
        )
        where = f"{path.name}: {report.initiative}"
        _require(set(report.fields) <= REPORT_FIELDS, f"{where}: unknown report fields")
        _require(
            report.fields.get("transferability") in Transferability.values,
            f"{where}: transferability",
        )
        reports.append(report)
    return Experience(focus_area_texts=texts, reports=reports)
