"""Every request that cannot reach the database answers the 503 page, in every settings module:
a signed-in one too (it fails in the session middleware, before any view), with DEBUG on too,
and the API answers JSON. Real gunicorn servers on a real PostgreSQL cluster that is stopped."""

import json

import pytest
import requests

from .servers import gunicorn, manage, postgres_cluster, production_environment

SETTINGS_MODULES = ("tillit.settings.dev", "tillit.settings.test", "tillit.settings.production")

SIGN_IN = """
import json
from django.conf import settings
from django.test import Client
from tests.factories import UserFactory
client = Client()
client.force_login(UserFactory(email=EMAIL))
name = settings.SESSION_COOKIE_NAME
print(json.dumps({name: client.cookies[name].value}))
"""


def _get(base_url: str, path: str, cookies: dict) -> requests.Response:
    cookie = "; ".join(f"{name}={value}" for name, value in cookies.items())
    return requests.get(
        base_url + path, headers={"Cookie": cookie}, allow_redirects=False, timeout=20
    )


def test_signed_in_and_api_requests_answer_503_while_the_database_is_down(tmp_path):
    with postgres_cluster() as cluster:
        base = production_environment(cluster.url, DATABASE_POOL_TIMEOUT="2")
        manage(base, "migrate", "--noinput")
        manage(base, "collectstatic", "--noinput", "--verbosity", "0")
        environments, sessions = {}, {}
        for number, module in enumerate(SETTINGS_MODULES):
            env = {**base, "DJANGO_SETTINGS_MODULE": module}
            code = f"EMAIL = 'outage{number}@example.no'\n{SIGN_IN}"
            environments[module] = env
            sessions[module] = json.loads(manage(env, "shell", "-c", code).splitlines()[-1])

        answers = {}
        for module in SETTINGS_MODULES:
            log = tmp_path / f"{module}.log"
            with gunicorn(environments[module], workers=1, log_path=log) as base_url:
                cookies = sessions[module]
                signed_in = _get(base_url, "/mitt/", cookies)
                assert signed_in.status_code == 200, (module, signed_in.text[:500])
                cluster.stop()
                try:
                    answers[module] = {
                        path: _get(base_url, path, cookies)
                        for path in ("/mitt/", "/api/v1/tiltak/", "/")
                    }
                finally:
                    cluster.start()

    for module, by_path in answers.items():
        page = by_path["/mitt/"]
        assert page.status_code == 503, (module, page.text[:3000])
        assert "The portal is temporarily unavailable" in page.text or (
            "midlertidig" in page.text
        ), module
        assert page.headers["Retry-After"] == "10"
        api = by_path["/api/v1/tiltak/"]
        assert api.status_code == 503, (module, api.text[:3000])
        assert api.headers["Content-Type"] == "application/json", module
        assert api.json()["vent_sekunder"] == 10
        assert by_path["/"].status_code == 503, module


pytestmark = pytest.mark.deploy
