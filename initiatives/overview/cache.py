"""Caching the unfiltered overview's facet counts, per visibility scope and data version.

Every write to a measure goes through the services, which call ``bump_data_version``; a
new version makes every cached count stale at once. Only requests without a text query or
facet selection use the cache, so filtered searches are always counted afresh.
"""

from __future__ import annotations

import os

from django.core.cache import cache

from tillit.policy.roles import is_editor, memberships_of, ministry_ids

VERSION_KEY = "initiatives:data-version"
TIMEOUT = 600
STATS = os.environ.get("FACET_CACHE_STATS") == "1"  # set by `make bench` to report hit rates


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


def cached_counts(user, compute):
    """The unfiltered facet counts for ``user``'s scope, computed once per data version."""
    version = cache.get_or_set(VERSION_KEY, 1, timeout=None)
    key = f"initiatives:facets:{version}:{_scope(user)}"
    counts = cache.get(key)
    if STATS:
        cache.get_or_set("initiatives:facets:hits", 0, timeout=None)
        cache.get_or_set("initiatives:facets:misses", 0, timeout=None)
        cache.incr("initiatives:facets:hits" if counts is not None else "initiatives:facets:misses")
    if counts is None:
        counts = compute()
        cache.set(key, counts, timeout=TIMEOUT)
    return counts
