import subprocess
import sys
from pathlib import Path

import pytest

from ..subprocess_env import clean_environment

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "tillit.settings.production",
    "SECRET_KEY": "k3#9vQ!p2Lr7sZ$w8Xy1Tb6Nm4Hc0Jd5Fg8Ke2Ua7Wq3Rt9Yo1Ip6As4Dl0Gz5",
    "ALLOWED_HOSTS": "tillitsportalen.no",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
    "SITE_URL": "https://tillitsportalen.no",
}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/konto/login/", "/organisasjoner/", "/finnes-ikke/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert "'nonce-" in directives["script-src"]
    assert "'unsafe-inline'" not in csp
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_signed_in_pages_are_not_stored_but_public_pages_may_be(client, people):
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    client.force_login(people["ansatt"])
    for path in ["/", "/mitt/", "/organisasjoner/"]:
        assert "no-store" in client.get(path)["Cache-Control"]


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {**PRODUCTION_ENV, missing: ""}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"Production needs the environment variable {missing}" in result.stderr
