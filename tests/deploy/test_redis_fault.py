"""Redis fault: with ``REDIS_URL`` set, Redis stops and starts again under gunicorn with the
production settings. /readyz turns red within seconds and names Redis, what needs Redis
answers 503 (never 500, never a hang), a signed-in visitor stays signed in, and everything
recovers by itself once Redis is back.
"""

import json
import time

import pytest

from .servers import (
    Browser,
    get,
    gunicorn,
    manage,
    postgres_cluster,
    production_environment,
    redis_server,
    wait_until,
)

RED_WITHIN = 5  # seconds
SLOWEST_ALLOWED = 5  # seconds any single request may take while Redis is down

SEED = """
import json
from tests.factories import UserFactory
print(json.dumps({"email": UserFactory().email}))
"""


def test_redis_outage_turns_readiness_red_and_pages_503_then_recovers(tmp_path):
    with postgres_cluster() as cluster, redis_server() as redis:
        env = production_environment(cluster.url, REDIS_URL=redis.url)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        email = json.loads(manage(env, "shell", "-c", SEED).strip().splitlines()[-1])["email"]
        with gunicorn(env, log_path=tmp_path / "gunicorn.log") as base_url:
            member = Browser()
            member.sign_in(base_url, email)
            account = f"{base_url}/konto/email/"
            assert member.request("get", account).status_code == 200
            assert get(f"{base_url}/readyz") == 200

            redis.stop()
            wait_until(lambda: get(f"{base_url}/readyz") == 503, RED_WITHIN, "readiness red")
            assert Browser().request("get", f"{base_url}/readyz").text == "redis unreachable\n"
            # Pages that need Redis (the signed-in session, cached counts, rate limits) answer
            # 503 (the front page too, since it shows the register's cached figures); a page
            # that needs none of it, such as the accessibility statement, works.
            visitor = Browser()
            statuses = {}
            for browser, path in [
                (member, "/konto/email/"),
                (visitor, "/tiltak/"),
                (visitor, "/statistikk/"),
                (visitor, "/"),
                (visitor, "/tilgjengelighet/"),
            ]:
                started = time.monotonic()
                response = browser.request("get", base_url + path)
                assert time.monotonic() - started < SLOWEST_ALLOWED
                statuses[path] = response.status_code
                if response.status_code == 503:
                    assert "Retry-After" in response.headers
                    assert "Tillitsportalen" in response.text
            assert statuses == {
                "/konto/email/": 503,
                "/tiltak/": 503,
                "/statistikk/": 503,
                "/": 503,
                "/tilgjengelighet/": 200,
            }
            assert get(f"{base_url}/healthz") == 200

            redis.start()
            wait_until(lambda: get(f"{base_url}/readyz") == 200, RED_WITHIN, "readiness green")
            assert get(f"{base_url}/tiltak/") == 200
            assert "sessionid" in member.session.cookies  # the 503s kept the cookie

            # A Redis that hangs instead of refusing: 503 within the timeout, and the
            # signed-in visitor is still signed in once it answers again.
            member = Browser()
            member.sign_in(base_url, email)
            redis.freeze()
            started = time.monotonic()
            assert member.request("get", account).status_code == 503
            assert time.monotonic() - started < SLOWEST_ALLOWED
            redis.thaw()
            assert member.request("get", account).status_code == 200
        log = (tmp_path / "gunicorn.log").read_text()
    assert "cache unavailable" in log


pytestmark = pytest.mark.deploy
