"""What every answer of the open data API shares: a rate limit per client address, the
licence as a ``Link`` header, and validators (``ETag``, ``Last-Modified``) so harvesters can
ask "has anything changed?" and get 304 Not Modified for the price of one small query."""

from __future__ import annotations

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import gettext as _

from initiatives.models import ExperienceReport, FocusArea, Initiative, WorkflowStatus
from tillit.accounts.models import Organisation
from tillit.core.clients import client_address
from tillit.core.ratelimit import hit
from tillit.core.routing import read_connection
from trials.models import TrialApplication
from trials.models.choices import GRANTED_STATES

from .dataset import licence_link_header

MAX_AGE = 60  # seconds a cache may reuse an answer without asking


def too_many_requests(request):
    """None while the client is within ``API_RATE_LIMIT``; else the 429 answer."""
    limit, period = settings.API_RATE_LIMIT
    if hit(f"api:{client_address(request) or 'unknown'}", limit=limit, period=period):
        return None
    wait = period - int(time.time()) % period
    response = JsonResponse(
        {
            "melding": _("Too many requests. Wait %(seconds)d seconds and try again.")
            % {"seconds": wait},
            "vent_sekunder": wait,
        },
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def _published_state() -> tuple:
    """The newest change to anything the API shows, and how many there are, in one query.
    Only what is or was published counts, so editing a draft changes nothing here."""
    initiatives = Initiative._meta.db_table
    reports = ExperienceReport._meta.db_table
    organisations = Organisation._meta.db_table
    focus_areas = FocusArea._meta.db_table
    trials = TrialApplication._meta.db_table
    shown = "(workflow_status = %(published)s OR published_at IS NOT NULL)"
    sql = (
        f"SELECT (SELECT max(updated_at) FROM {initiatives} WHERE {shown}),"  # noqa: S608 (constants)
        f" (SELECT count(*) FROM {initiatives} WHERE workflow_status = %(published)s),"
        f" (SELECT max(updated_at) FROM {reports} WHERE {shown}),"
        f" (SELECT count(*) FROM {reports} WHERE workflow_status = %(published)s),"
        f" (SELECT max(updated_at) FROM {organisations}),"
        f" (SELECT count(*) FROM {organisations}),"
        f" (SELECT md5(string_agg(number || slug || name || description, '|' ORDER BY number))"
        f" FROM {focus_areas}),"
        f" (SELECT max(updated_at) FROM {trials} WHERE decided_at IS NOT NULL),"
        f" (SELECT count(*) FROM {trials} WHERE workflow_status = ANY(%(granted)s))"
    )
    with read_connection(Initiative).cursor() as cursor:
        cursor.execute(
            sql, {"published": WorkflowStatus.PUBLISERT, "granted": sorted(GRANTED_STATES)}
        )
        return cursor.fetchone()


def validators(request) -> tuple[str, object]:
    """(ETag, the newest change) for this request, worked out once per request."""
    if not hasattr(request, "_api_validators"):
        state = _published_state()
        times = [moment for moment in (state[0], state[2], state[4], state[7]) if moment]
        fingerprint = f"{translation.get_language()}|{'|'.join(map(str, state))}"
        digest = hashlib.sha256(fingerprint.encode()).hexdigest()[:32]
        request._api_validators = (f'W/"{digest}"', max(times) if times else None)
    return request._api_validators


def _with_validators(response, etag: str, modified) -> None:
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())


def rate_limited(view):
    """The rate limit and the licence header, for every answer under /api/v1/."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = too_many_requests(request) or view(request, *args, **kwargs)
        response["Link"] = licence_link_header()
        return response

    return wrapped


def public_api(view):
    """``rate_limited``, and a conditional GET: 304 when the client's copy is current."""

    @rate_limited
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        etag, modified = validators(request)
        timestamp = int(modified.timestamp()) if modified is not None else None
        response = get_conditional_response(request, etag=etag, last_modified=timestamp)
        if response is None:
            response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            _with_validators(response, etag, modified)
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    return wrapped
