"""allauth's account adapter, where the portal's rules differ from allauth's defaults."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from tillit.core.clients import client_address


class PortalAccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits and session list count by the same client address as the rest
        of the portal (``tillit.core.clients``), which never fails on a short X-Forwarded-For."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address
