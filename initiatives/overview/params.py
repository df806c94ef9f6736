"""Reading the overview's query parameters. Unknown or malformed values are dropped and
named back to the user; the valid ones still apply."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .registry import FACETS

MAX_QUERY_LENGTH = 200
MAX_VALUES = 50  # per facet; more than this is not a real selection
SORTINGS = {
    "relevans": _("relevance"),
    "nyeste": _("newest"),
    "oppdatert": _("recently updated"),
    "tittel": _("title"),
}


@dataclass
class OverviewParams:
    q: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)  # facet → valid values
    sorting: str = "nyeste"
    sorting_chosen: bool = False  # False: the default order (relevance when searching)
    page: int = 1
    exact: bool = False  # eksakt=1: search for the words as typed, without correcting them
    ignored: list[str] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        """How many facet values are chosen (the folded filters' summary on a phone)."""
        return sum(len(values) for values in self.selected.values())

    @property
    def sorting_options(self) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for the order select. The order in effect is selected;
        when it is only the default it submits as empty, so typing a search text afterwards
        sorts by relevance instead of keeping "newest"."""
        return [
            ("" if value == self.sorting and not self.sorting_chosen else value, label, selected)
            for value, label in SORTINGS.items()
            for selected in [value == self.sorting]
        ]


def _clean_text(value: str) -> str:
    return "".join(ch for ch in value if ch.isprintable() or ch == " ").strip()


def parse(query, *, allowed: dict[str, set[str]]) -> OverviewParams:
    """Turn a QueryDict into validated parameters, noting everything that was ignored."""
    params = OverviewParams()
    raw_q = _clean_text(query.get("q", ""))
    if raw_q != query.get("q", "").strip():
        params.ignored.append(str(_("unreadable characters in the search text")))
    if len(raw_q) > MAX_QUERY_LENGTH:
        params.ignored.append(str(_("the search text after %d characters") % MAX_QUERY_LENGTH))
        raw_q = raw_q[:MAX_QUERY_LENGTH]
    params.q = raw_q
    for facet in FACETS:
        values = [v for v in query.getlist(facet.name) if v != ""][:MAX_VALUES]
        valid, invalid = [], []
        for value in values:
            (valid if facet.accepts(value, allowed[facet.name]) else invalid).append(value)
        if invalid:
            shown = ", ".join(_clean_text(v)[:30] for v in invalid[:3])
            params.ignored.append(f"{facet.name}={shown}")
        params.selected[facet.name] = list(dict.fromkeys(valid))
    sorting = query.get("sortering", "")
    if sorting and sorting not in SORTINGS:
        params.ignored.append(f"sortering={_clean_text(sorting)[:30]}")
    default = "relevans" if params.q else "nyeste"
    params.sorting = sorting if sorting in SORTINGS else default
    params.sorting_chosen = sorting in SORTINGS
    if params.sorting == "relevans" and not params.q:
        params.sorting, params.sorting_chosen = "nyeste", False
    exact = query.get("eksakt", "")
    params.exact = exact == "1"
    if exact not in ("", "1"):
        params.ignored.append(f"eksakt={_clean_text(exact)[:30]}")
    page = query.get("side", "1")
    if page.isascii() and page.isdigit() and 0 < int(page) < 100_000:
        params.page = int(page)
    elif page:
        params.ignored.append(f"side={_clean_text(page)[:30]}")
    return params
