"""Redis fault: with ``REDIS_URL`` set, Redis stops and starts again under gunicorn with the
production settings. /readyz turns red within seconds and names Redis, what needs Redis
answers 503 (never 500, never a hang), and both recover by themselves once Redis is back.
"""

import re
import time

import pytest
import requests

from .servers import gunicorn, manage, postgres_cluster, production_environment, redis_server

RED_WITHIN = 5  # seconds
SLOWEST_ALLOWED = 5  # seconds any single request may take while Redis is down


def _until(check, limit: float) -> float:
    """Seconds until ``check()`` holds, failing after ``limit``."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < limit, f"not within {limit} s"
        time.sleep(0.2)
    return time.monotonic() - started


def _status(url: str) -> int:
    return requests.get(url, timeout=20, allow_redirects=False).status_code


def _sign_in(base_url: str) -> requests.Response:
    browser = requests.Session()
    page = browser.get(f"{base_url}/konto/login/", timeout=20).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    for cookie in browser.cookies:  # production marks cookies Secure; this is http
        cookie.secure = False
    data = {"login": "nobody@example.no", "password": "x", "csrfmiddlewaretoken": token}
    return browser.post(f"{base_url}/konto/login/", data=data, timeout=20, allow_redirects=False)


def test_redis_outage_turns_readiness_red_and_pages_503_then_recovers(tmp_path):
    with postgres_cluster() as cluster, redis_server() as redis:
        env = production_environment(cluster.url, REDIS_URL=redis.url)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with gunicorn(env, log_path=tmp_path / "gunicorn.log") as base_url:
            assert _status(f"{base_url}/readyz") == 200
            assert _status(f"{base_url}/tiltak/") == 200

            redis.stop()
            _until(lambda: _status(f"{base_url}/readyz") == 503, RED_WITHIN)
            probe = requests.get(f"{base_url}/readyz", timeout=20)
            assert probe.text == "redis unreachable\n"
            # Pages that need Redis (cached counts, sessions, rate limits) answer 503; a page
            # that needs none of it, such as the home page for a visitor, still works.
            statuses = {}
            for path in ("/tiltak/", "/statistikk/", "/konto/login/", "/"):
                started = time.monotonic()
                response = requests.get(base_url + path, timeout=20, allow_redirects=False)
                assert time.monotonic() - started < SLOWEST_ALLOWED
                statuses[path] = response.status_code
                if response.status_code == 503:
                    assert "Retry-After" in response.headers
                    assert "Tillitsportalen" in response.text
            assert statuses == {
                "/tiltak/": 503,
                "/statistikk/": 503,
                "/konto/login/": 200,
                "/": 200,
            }
            assert _sign_in(base_url).status_code == 503  # the attempt counter is in Redis
            assert _status(f"{base_url}/healthz") == 200

            redis.start()
            _until(lambda: _status(f"{base_url}/readyz") == 200, RED_WITHIN)
            assert _status(f"{base_url}/tiltak/") == 200
        log = (tmp_path / "gunicorn.log").read_text()
    assert "cache unavailable" in log


pytestmark = pytest.mark.deploy
