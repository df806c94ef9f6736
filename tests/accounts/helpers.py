"""Signing in through the real allauth pages, and TOTP codes computed like an authenticator app."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from allauth.mfa.utils import decrypt

from ..factories import PASSWORD


def sign_in(client, user, password=PASSWORD, **extra):
    return client.post("/konto/login/", {"login": user.email, "password": password}, **extra)


def totp_code(secret: str) -> str:
    """The current code, waiting out the last second of a 30-second window."""
    if time.time() % 30 > 28.5:
        time.sleep(2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def user_totp_secret(user) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def give_totp(user) -> str:
    """An authenticator app for ``user``, added the way allauth's activation does."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def unused_recovery_codes(user) -> list[str]:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    return RecoveryCodes(authenticator).get_unused_codes()


def reauthenticate(client, password=PASSWORD):
    """Confirm the password again, as allauth asks before any change to MFA or e-mail."""
    response = client.post("/konto/reauthenticate/", {"password": password})
    assert response.status_code == 302, response
    return response
