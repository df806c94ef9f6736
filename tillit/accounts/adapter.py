"""allauth's account adapter, where the portal's rules differ from allauth's defaults."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit
from django.core.exceptions import PermissionDenied

from tillit.core.clients import client_address
from tillit.core.mail import absolute_url, portal_site

from . import throttle


class PortalAccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits and session list count by the same client address as the rest
        of the portal (``tillit.core.clients``), which never fails on a short X-Forwarded-For."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed sign-ins count per client address (an IPv6 address by its network, as
        allauth's own limits) and account together (``throttle``)."""
        login = credentials.get("email", credentials.get("username", ""))
        return throttle.attempt_key(address=ratelimit.get_ip(request), login=login)

    def pre_authenticate(self, request, **credentials) -> None:
        """As allauth's, with the per-account ceiling too, and a refusal that says how long
        to wait."""
        login = credentials.get("email", credentials.get("username", ""))
        self._login_failed_rl_usage = throttle.consume(request, login=login)

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        """After a password reset: this address's failures and the account's ceiling."""
        throttle.clear(request, login=credentials.get("email", ""))

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """allauth's e-mails greet from "Tillitsportalen" at SITE_URL's host, whatever host
        the request came in on."""
        super().send_mail(template_prefix, email, {**context, "current_site": portal_site()})

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return absolute_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key: str) -> str:
        return absolute_url(super().get_reset_password_from_key_url(key))
