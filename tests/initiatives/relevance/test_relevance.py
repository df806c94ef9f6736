"""How well the overview's search finds what people mean: the queries in ``queries.toml`` run
over the fixture of published measures, ranked exactly as ``/tiltak/?q=…`` ranks them (the
overview selector the view calls), scored by recall@3, recall@10 and MRR.

``pytest tests/initiatives/relevance -s`` prints the table; set ``RELEVANCE_REPORT=<file>``
to write it to a file as well. The thresholds are the README's ("Relevance test")."""

from __future__ import annotations

import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import QueryDict

from initiatives.overview.selectors import overview

from .loader import Query, load_measures, read_measures, read_queries

# The thresholds, set from the measured figures (README, "Relevance test"). Raise them when
# the search gets better; never lower them to let a change through.
MIN_RECALL_AT_3 = 0.87
MIN_RECALL_AT_10 = 0.86
MIN_MRR = 0.95
MAX_EXCLUSION_LEAKS = 0  # measures a -word should have kept out, shown in the first 10
DEEPEST = 20  # the first page of the overview: ranks beyond it count as not found

pytestmark = pytest.mark.django_db


@dataclass
class Corpus:
    keys: dict[int, str]  # measure key by id
    seconds: float  # how long loading took


@dataclass
class Score:
    query: Query
    ranked: list[str]  # the keys of the first page, in order
    recall_3: float
    recall_10: float
    reciprocal_rank: float
    leaks: list[str]

    @property
    def passed(self) -> bool:
        return self.recall_3 == 1 and self.recall_10 == 1 and not self.leaks


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """The fixture loaded once for this module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        started = time.perf_counter()
        keys = load_measures(read_measures())
        yield Corpus(keys, time.perf_counter() - started)
        transaction.set_rollback(True)


def ranked_keys(corpus: Corpus, text: str) -> list[str]:
    """The first page of ``/tiltak/?q=text`` as an anonymous visitor sees it, as keys."""
    result = overview(query=QueryDict(urlencode({"q": text})), user=AnonymousUser())
    return [corpus.keys.get(row.pk, f"?{row.pk}") for row in result.page.object_list]


def score(query: Query, ranked: list[str]) -> Score:
    wanted = query.must + [key for key in query.also if key not in query.must]
    rank = {key: position for position, key in enumerate(ranked, start=1)}
    in_top_3 = sum(1 for key in query.must if rank.get(key, DEEPEST + 1) <= 3)
    in_top_10 = sum(1 for key in wanted if rank.get(key, DEEPEST + 1) <= 10)
    first = min((rank[key] for key in wanted if key in rank), default=None)
    return Score(
        query=query,
        ranked=ranked,
        recall_3=in_top_3 / min(3, len(query.must)),
        recall_10=in_top_10 / min(10, len(wanted)),
        reciprocal_rank=1 / first if first else 0.0,
        leaks=[key for key in query.never if rank.get(key, DEEPEST + 1) <= 10],
    )


def report(scores: list[Score], corpus: Corpus, seconds: float) -> str:
    lines = [f"{'category':<13}{'query':<34}{'R@3':>5}{'R@10':>6}{'RR':>6}  must at rank"]
    for s in scores:
        rank = {key: position for position, key in enumerate(s.ranked, start=1)}
        ranks = ",".join(str(rank.get(key, "-")) for key in s.query.must)
        mark = "" if s.passed else "  FAIL" + (f" (shown: {', '.join(s.leaks)})" if s.leaks else "")
        lines.append(
            f"{s.query.category:<13}{s.query.q[:33]:<34}{s.recall_3:>5.2f}{s.recall_10:>6.2f}"
            f"{s.reciprocal_rank:>6.2f}  {ranks}{mark}"
        )
    by_category = defaultdict(list)
    for s in scores:
        by_category[s.query.category].append(s)
    lines.append("")
    lines.append(f"{'category':<13}{'queries':>8}{'failing':>8}{'R@3':>6}{'R@10':>6}{'MRR':>6}")
    for category, group in [*by_category.items(), ("all", scores)]:
        lines.append(
            f"{category:<13}{len(group):>8}{sum(not s.passed for s in group):>8}"
            f"{mean(s.recall_3 for s in group):>6.3f}{mean(s.recall_10 for s in group):>6.3f}"
            f"{mean(s.reciprocal_rank for s in group):>6.3f}"
        )
    lines.append("")
    lines.append(
        f"totals: recall@3 {mean(s.recall_3 for s in scores):.4f}, "
        f"recall@10 {mean(s.recall_10 for s in scores):.4f}, "
        f"MRR {mean(s.reciprocal_rank for s in scores):.4f}; "
        f"excluded measures shown: {sum(len(s.leaks) for s in scores)}"
    )
    lines.append(
        f"{len(corpus.keys)} measures loaded in {corpus.seconds:.1f} s; "
        f"{len(scores)} queries searched in {seconds:.1f} s"
    )
    return "\n".join(lines)


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)


def test_fixture_is_a_realistic_mix(corpus):
    """At least 300 measures, about 40 % nynorsk, and every query's measures are in it."""
    measures = read_measures()
    keys = {m.key for m in measures}
    assert len(measures) >= 300
    assert len(keys) == len(measures), "measure keys are unique"
    assert 0.35 <= sum(m.lang == "nn" for m in measures) / len(measures) <= 0.45
    assert sorted(corpus.keys.values()) == sorted(keys)
    queries = read_queries()
    assert len(queries) >= 60
    for query in queries:
        named = set(query.must) | set(query.also) | set(query.never)
        assert query.must and named <= keys, query.q


@pytest.mark.parametrize("text", ["legevakt", "sjukeheim", "fastlege -fastlønn"])
def test_ranking_is_the_overview_page(corpus, client, text):
    """The selector the test scores gives the order the page ``/tiltak/?q=…`` shows."""
    page = client.get("/tiltak/", {"q": text}).content.decode()
    shown = list(dict.fromkeys(re.findall(r'href="/tiltak/(\d+)/', page)))
    assert shown
    assert [corpus.keys[int(pk)] for pk in shown] == ranked_keys(corpus, text)


def test_relevance_above_thresholds(corpus):
    started = time.perf_counter()
    scores = [score(query, ranked_keys(corpus, query.q)) for query in read_queries()]
    text = report(scores, corpus, time.perf_counter() - started)
    print("\n" + text)
    if path := os.environ.get("RELEVANCE_REPORT"):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    recall_3 = mean(s.recall_3 for s in scores)
    recall_10 = mean(s.recall_10 for s in scores)
    mrr = mean(s.reciprocal_rank for s in scores)
    leaks = sum(len(s.leaks) for s in scores)
    assert recall_3 >= MIN_RECALL_AT_3, f"recall@3 {recall_3:.3f} < {MIN_RECALL_AT_3}"
    assert recall_10 >= MIN_RECALL_AT_10, f"recall@10 {recall_10:.3f} < {MIN_RECALL_AT_10}"
    assert mrr >= MIN_MRR, f"MRR {mrr:.3f} < {MIN_MRR}"
    assert leaks <= MAX_EXCLUSION_LEAKS, f"{leaks} excluded measures shown"
