"""Who is asking, as far as the network tells: the client's address for rate limits and the
audit trail."""

from __future__ import annotations

from contextvars import ContextVar
from ipaddress import ip_address

from django.conf import settings

# The address of the request being handled in this thread or task; None outside a request
# (background tasks, management commands).
current_client_address: ContextVar[str | None] = ContextVar("client_address", default=None)


def client_address(request) -> str | None:
    """The client's IP address. Behind ``TRUSTED_PROXY_COUNT`` reverse proxies, each of which
    appends the address it was called from to ``X-Forwarded-For``, that is the entry the
    outermost proxy added; anything further left was written by the client and is not trusted.
    Without proxies, or when the header is short or malformed, it is ``REMOTE_ADDR``."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("x-forwarded-for", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        if len(hops) >= proxies and _is_address(hops[-proxies]):
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _is_address(text: str) -> bool:
    try:
        ip_address(text)
    except ValueError:
        return False
    return True


class ClientAddressMiddleware:
    """Remembers the request's client address for the audit trail of everything it changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_client_address.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            current_client_address.reset(token)
