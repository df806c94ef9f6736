"""Failed sign-ins are counted per client address and account together, so nobody can lock
another person out from elsewhere, and under a loose ceiling per account across all addresses;
the answer says how long to wait, alike for known and unknown accounts."""

from __future__ import annotations

import math
import time

from allauth.core.internal import ratelimit
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

ACTION = "login_failed"
# Failures against one account from any address (ACCOUNT_RATE_LIMITS), loose enough that
# strangers elsewhere rarely lock the owner out, tight enough to stop spread-out guessing.
ACCOUNT_ACTION = "login_failed_account"
APP = "allauth.account"


def attempt_key(*, address: str, login: str) -> str:
    """The counter's key: this client address trying this account (known or not)."""
    return f"{address}:{login.strip().lower()}"


def account_key(*, login: str) -> str:
    """The ceiling's key: this account (known or not), from anywhere."""
    return login.strip().lower()


def consume(request, *, login: str):
    """Count one attempt against both limits; a usage to roll back, or a ValidationError."""
    address = ratelimit.get_ip(request)
    keys = {
        ACTION: attempt_key(address=address, login=login),
        ACCOUNT_ACTION: account_key(login=login),
    }
    usages = []
    for action, key in keys.items():
        usage = ratelimit.consume(request, app=APP, action=action, key=key)
        if not usage:
            for earlier in usages:
                earlier.rollback()
            raise throttled_error(
                seconds_until_allowed(request, key=key, action=action),
                for_account=action == ACCOUNT_ACTION,
            )
        usages.append(usage)
    return ratelimit.RateLimitUsage(usage=[one for usage in usages for one in usage.usage])


def clear(request, *, login: str) -> None:
    """Forget the failures from this address and the account's ceiling (a password reset)."""
    address = ratelimit.get_ip(request)
    ratelimit.clear(request, app=APP, action=ACTION, key=attempt_key(address=address, login=login))
    ratelimit.clear(request, app=APP, action=ACCOUNT_ACTION, key=account_key(login=login))


def seconds_until_allowed(request, *, key: str, action: str = ACTION) -> int:
    """How long until the next attempt for ``key`` is let through (0 when it would be now)."""
    now = time.time()
    wait = 0.0
    for rate in ratelimit.get_rates(app=APP, action=action):
        cache_key = ratelimit.get_cache_key(request, app=APP, action=action, rate=rate, key=key)
        history = [hit for hit in cache.get(cache_key, []) if hit > now - rate.duration]
        if len(history) >= rate.amount:  # newest first: the hit that must expire
            wait = max(wait, history[rate.amount - 1] + rate.duration - now)
    return math.ceil(wait)


def throttled_error(seconds: int, *, for_account: bool = False) -> ValidationError:
    minutes = max(1, math.ceil(seconds / 60))
    if for_account:
        message = ngettext(
            "Too many failed sign-in attempts for this account. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts for this account. Try again in %(minutes)d minutes.",
            minutes,
        )
    else:
        message = ngettext(
            "Too many failed sign-in attempts from this device. Try again in %(minutes)d minute.",
            "Too many failed sign-in attempts from this device. Try again in %(minutes)d minutes.",
            minutes,
        )
    return ValidationError(message % {"minutes": minutes}, code="too_many_login_attempts")
