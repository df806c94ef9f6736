"""Two-factor authentication: set-up, sign-in with a code or a recovery code, passkeys, the
audit trail, and the requirement for leaders, ministry staff and editors."""

import pytest
from allauth.mfa.models import Authenticator

from tillit.core.models import AuditEvent

from ..factories import InitiativeFactory, UserFactory
from .helpers import (
    give_totp,
    reauthenticate,
    sign_in,
    totp_code,
    unused_recovery_codes,
    user_totp_secret,
)

pytestmark = pytest.mark.django_db

REQUIRED = ["leder", "departement", "redaktor"]


def _activate_totp(client, user):
    """Set up an authenticator app through the pages, after confirming the password."""
    reauthenticate(client)
    page = client.get("/konto/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    assert 'class="mfa-qr"' in page.content.decode()
    response = client.post("/konto/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


def test_totp_set_up_then_sign_in_needs_the_code(client):
    user = UserFactory()
    sign_in(client, user)
    reauthenticate(client)
    wrong = client.post("/konto/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200 and "ds-error-summary" in wrong.content.decode()
    assert wrong.context["form"]["code"].value() == "000000"  # what was typed stays
    secret = _activate_totp(client, user)
    assert user_totp_secret(user) == secret
    client.post("/konto/logout/")

    response = sign_in(client, user)
    assert response.status_code == 302 and response.url == "/konto/2fa/authenticate/"
    assert client.get("/mitt/").status_code == 302  # the password alone does not sign in
    refused = client.post("/konto/2fa/authenticate/", {"code": "123456"})
    assert refused.status_code == 200
    response = client.post("/konto/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/mitt/").status_code == 200


def test_a_recovery_code_signs_in_once(client):
    user = UserFactory()
    sign_in(client, user)
    _activate_totp(client, user)
    code = unused_recovery_codes(user)[0]
    client.post("/konto/logout/")

    sign_in(client, user)
    client.post("/konto/2fa/authenticate/", {"code": code})
    assert client.get("/mitt/").status_code == 200
    assert code not in unused_recovery_codes(user)
    client.post("/konto/logout/")
    sign_in(client, user)
    assert client.post("/konto/2fa/authenticate/", {"code": code}).status_code == 200
    assert client.get("/mitt/").status_code == 302


def test_mfa_changes_are_in_the_audit_trail(client, django_capture_on_commit_callbacks):
    user = UserFactory()
    sign_in(client, user)
    with django_capture_on_commit_callbacks(execute=True):  # allauth signals after commit
        _activate_totp(client, user)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/konto/2fa/recovery-codes/generate/").status_code == 302
    client.post("/konto/2fa/totp/deactivate/")
    actions = list(
        AuditEvent.objects.filter(actor_id=user.pk, action__startswith="mfa.")
        .order_by("id")
        .values_list("action", "details__type")
    )
    assert actions == [
        ("mfa.authenticator_added", "totp"),
        ("mfa.authenticator_added", "recovery_codes"),  # made with the app
        ("mfa.authenticator_reset", "recovery_codes"),
        ("mfa.authenticator_removed", "totp"),
        ("mfa.authenticator_removed", "recovery_codes"),  # useless without the app
    ]
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    added = AuditEvent.objects.filter(action="mfa.authenticator_added").first()
    assert added.label != added.action  # it has a label in ACTION_LABELS


def test_a_wrong_code_at_sign_in_is_recorded(client):
    user = UserFactory()
    give_totp(user)
    sign_in(client, user)
    client.post("/konto/2fa/authenticate/", {"code": "000000"})
    assert AuditEvent.objects.filter(action="mfa.authentication_failed", actor_id=user.pk).exists()


def test_changing_mfa_asks_for_the_password_again(client):
    user = UserFactory()
    client.force_login(user)  # not a fresh sign-in with a password
    response = client.get("/konto/2fa/totp/activate/")
    assert response.status_code == 302 and response.url.startswith("/konto/reauthenticate/")
    refused = client.post(response.url, {"password": "feil-passord-123"})
    assert refused.status_code == 200 and "ds-error-summary" in refused.content.decode()
    assert client.get("/konto/2fa/totp/activate/").status_code == 302
    reauthenticate(client)
    assert client.get("/konto/2fa/totp/activate/").status_code == 200


def test_passkeys_can_be_added_and_used_to_sign_in(client):
    login_page = client.get("/konto/login/").content.decode()
    assert 'id="passkey_login"' in login_page and "mfa/js/webauthn.js" in login_page
    user = UserFactory()
    sign_in(client, user)
    assert client.get("/konto/2fa/webauthn/add/").url.startswith("/konto/reauthenticate/")
    reauthenticate(client)
    page = client.get("/konto/2fa/webauthn/add/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="mfa_webauthn_add"' in html and 'id="js_data"' in html
    assert "passwordless" in page.context["form"].fields
    overview = client.get("/konto/2fa/").content.decode()
    assert "/konto/2fa/webauthn/add/" in overview and "/konto/2fa/totp/activate/" in overview


# --- MFA_REQUIRED_ROLES -----------------------------------------------------------------------


def test_a_leader_without_mfa_is_sent_to_set_it_up_and_cannot_publish(client, settings, people):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    leader = people["leder"]
    initiative = InitiativeFactory(organisation_id=_org(leader), workflow_status="til_godkjenning")
    client.force_login(leader)
    response = client.get("/mitt/")
    assert response.status_code == 302 and response.url == "/konto/2fa/"
    page = client.get("/konto/2fa/")
    assert "two-factor" in page.content.decode().lower() or "tofaktor" in page.content.decode()
    assert any("tofaktorautentisering" in str(m) for m in page.context["messages"])
    response = client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "publish"})
    assert response.status_code == 302 and response.url == "/konto/2fa/"
    initiative.refresh_from_db()
    assert initiative.workflow_status == "til_godkjenning"

    give_totp(leader)
    client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "publish"})
    initiative.refresh_from_db()
    assert initiative.workflow_status == "publisert"


def _org(user):
    return user.memberships.get().organisation_id


@pytest.mark.parametrize("role", ["departement", "redaktor"])
def test_ministry_staff_and_editors_need_mfa_too(client, settings, people, role):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    client.force_login(people[role])
    assert client.get("/mitt/").url == "/konto/2fa/"


def test_the_admin_needs_mfa(client, settings, people):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    editor = people["redaktor"]
    editor.is_staff = editor.is_superuser = True
    editor.save()
    client.force_login(editor)
    assert client.get("/admin/").url == "/konto/2fa/"
    give_totp(editor)
    assert client.get("/admin/").status_code == 200


def test_staff_and_union_reps_are_not_asked(client, settings, people, bergen):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    for role in ("ansatt", "tillitsvalgt", "outsider"):
        client.force_login(people[role])
        assert client.get("/mitt/").status_code == 200, role


def test_the_account_pages_and_sign_out_stay_open(client, settings, people):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    client.force_login(people["leder"])
    for path in ("/konto/2fa/", "/konto/sessions/", "/konto/email/", "/tilgjengelighet/"):
        assert client.get(path).status_code == 200, path
    assert client.post("/i18n/setlang/", {"language": "en"}).status_code == 302
    client.post("/konto/logout/")
    assert client.get("/").status_code == 200  # public pages are public again


def test_a_second_factor_vouched_for_by_the_sso_provider_counts(client, settings, people):
    settings.MFA_REQUIRED_ROLES = REQUIRED
    client.force_login(people["leder"])
    session = client.session
    session["tillit_sso_mfa"] = True
    session.save()
    assert client.get("/mitt/").status_code == 200
    session["tillit_sso_mfa"] = "yes"  # only True counts
    session.save()
    assert client.get("/mitt/").status_code == 302


def test_without_the_setting_nothing_is_required(client, settings, people):
    settings.MFA_REQUIRED_ROLES = []
    leader = people["leder"]
    initiative = InitiativeFactory(organisation_id=_org(leader), workflow_status="til_godkjenning")
    client.force_login(leader)
    assert client.get("/mitt/").status_code == 200
    client.post(f"/tiltak/{initiative.pk}/godkjenning/", {"decision": "publish"})
    initiative.refresh_from_db()
    assert initiative.workflow_status == "publisert"


def _settings_in(module: str, **env) -> dict:
    """The security settings as a fresh process with ``module`` sees them."""
    import json
    import subprocess
    import sys

    from ..core.test_security import BASE_DIR, PRODUCTION_ENV
    from ..subprocess_env import clean_environment

    code = (
        "import json; from django.conf import settings; print(json.dumps({k: getattr(settings, k)"
        " for k in ['MFA_REQUIRED_ROLES', 'SESSION_IDLE_TIMEOUT', 'SESSION_ABSOLUTE_TIMEOUT',"
        " 'ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE', 'ACCOUNT_PREVENT_ENUMERATION',"
        " 'MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN']}))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=clean_environment(**{**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": module, **env}),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_requires_mfa_of_leaders_ministries_and_editors_and_the_demo_does_not():
    production = _settings_in("tillit.settings.production")
    assert production["MFA_REQUIRED_ROLES"] == ["leder", "departement", "redaktor"]
    assert production["SESSION_IDLE_TIMEOUT"] == 30 * 60
    assert production["SESSION_ABSOLUTE_TIMEOUT"] == 12 * 60 * 60
    assert production["ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE"] is True
    assert production["ACCOUNT_PREVENT_ENUMERATION"] is True
    assert production["MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN"] is False
    only_leaders = _settings_in("tillit.settings.production", MFA_REQUIRED_ROLES="leder")
    assert only_leaders["MFA_REQUIRED_ROLES"] == ["leder"]
    switched_off = _settings_in("tillit.settings.production", MFA_REQUIRED_ROLES="")
    assert switched_off["MFA_REQUIRED_ROLES"] == []
    assert _settings_in("tillit.settings.dev")["MFA_REQUIRED_ROLES"] == []
