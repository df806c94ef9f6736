"""Failed sign-ins are counted per client address and account together, so nobody can lock
another person out from elsewhere; the answer says how long to wait, alike for every address."""

from __future__ import annotations

import math
import time

from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

ACTION = "login_failed"
APP = "allauth.account"


def attempt_key(*, address: str, login: str) -> str:
    """The counter's key: this client address trying this account (known or not)."""
    return f"{address}:{login.strip().lower()}"


def seconds_until_allowed(request, *, key: str) -> int:
    """How long until the next attempt for ``key`` is let through (0 when it would be now)."""
    now = time.time()
    wait = 0.0
    for rate in ratelimit.get_rates(app=APP, action=ACTION):
        cache_key = ratelimit.get_cache_key(request, app=APP, action=ACTION, rate=rate, key=key)
        history = [hit for hit in cache.get(cache_key, []) if hit > now - rate.duration]
        if len(history) >= rate.amount:  # newest first: the hit that must expire
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)


def throttled_error(seconds: int) -> ValidationError:
    minutes = max(1, math.ceil(seconds / 60))
    return ValidationError(
        ngettext(
            "Too many failed sign-in attempts from this device. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts from this device. Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code="too_many_login_attempts",
    )
