"""A fixed-window counter in the shared cache (the database cache, or Redis when configured),
so the limit holds across processes and app servers."""

from __future__ import annotations

import time

from django.core.cache import cache


def hit(key: str, *, limit: int, period: int) -> bool:
    """Count one use of ``key``; False once it has been used ``limit`` times in the current
    window of ``period`` seconds."""
    window = int(time.time() // period)
    cache_key = f"ratelimit:{key}:{window}"
    if cache.add(cache_key, 1, timeout=period):
        return True
    try:
        used = cache.incr(cache_key)
    except ValueError:  # the window ended between add and incr
        cache.add(cache_key, 1, timeout=period)
        return True
    return used <= limit
