"""Caching facet counts for selections without free text, per visibility scope and data version.

Every write to a measure goes through the services, which call ``bump_data_version``; a
new version makes every cached count stale at once. Only requests without a text query use
the cache, so searches are always counted afresh.
"""

from __future__ import annotations

import hashlib
import json

from django.core.cache import cache

from tillit.core.routing import primary_reads
from tillit.policy.roles import is_editor, memberships_of, ministry_ids

from .reference import Reference, load_reference
from .registry import allowed_values

VERSION_KEY = "initiatives:data-version"
TIMEOUT = 600


def bump_data_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def _scope(user) -> str:
    if not user.is_authenticated:
        return "public"
    if is_editor(user):
        return "editor"
    organisations = sorted(m.organisation_id for m in memberships_of(user))
    return f"o{'-'.join(map(str, organisations))}:m{'-'.join(map(str, ministry_ids(user)))}"


def data_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def cached_counts(user, version: int, selected: dict[str, list[str]], compute):
    """Facet counts for a facet selection without free text, per ``user``'s scope, computed
    once per data version (the selections people click are few and repeat)."""
    chosen = json.dumps({name: sorted(values) for name, values in selected.items() if values})
    digest = hashlib.sha256(chosen.encode()).hexdigest()[:32]
    key = f"initiatives:facet-counts:{version}:{_scope(user)}:{digest}"
    counts = cache.get(key)
    if counts is None:
        with primary_reads():  # never cache, for every server, a lagging replica's counts
            counts = compute()
        cache.set(key, counts, timeout=TIMEOUT)
    return counts


def reference(version: int) -> Reference:
    """The overview's reference data (focus areas, counties, municipalities, ministries),
    loaded once per data version and process instead of four queries on every request."""
    if _reference_memo.get("version") != version:
        with primary_reads():
            loaded = load_reference()
            _reference_memo.update(
                version=version, reference=loaded, allowed=allowed_values(loaded)
            )
    return _reference_memo["reference"]


def allowed(version: int) -> dict[str, set[str]]:
    """The public values each facet accepts, kept with ``reference(version)``."""
    reference(version)
    return _reference_memo["allowed"]


_reference_memo: dict = {}
