"""Load: 50 simulated users for 60 seconds (bench/locustfile.py) against two gunicorn servers
that share one PostgreSQL and one Redis, each request to either server at random.

No request fails (no 5xx, no connection error, no unexpected status), members' comments are
stored, and both servers served. p50, p95 and requests per second are reported, not asserted:
timings on shared CI machines are too noisy for a bound.
"""

import json
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

import pytest

from bench.load import SERVER_ENVIRONMENT, prepare, run_locust, table

from .servers import gunicorn, manage, postgres_cluster, production_environment, redis_server

USERS = 50
SECONDS = 60
MEASURES = 3000
COMMENTS = "POST /tiltak/[id]/kommentarer/"


def _lines(log: str) -> list[dict]:
    return [json.loads(line) for line in log.splitlines() if line.startswith("{")]


def test_two_servers_serve_fifty_users_without_a_failure(tmp_path, capsys):
    with postgres_cluster() as cluster, redis_server() as redis:
        env = production_environment(
            cluster.url, REDIS_URL=redis.url, LOG_FORMAT="json", **SERVER_ENVIRONMENT
        )
        with ThreadPoolExecutor(1) as beside:  # collectstatic while the database fills
            static = beside.submit(manage, env, "collectstatic", "--noinput", "--verbosity", "0")
            manage(env, "migrate", "--noinput")
            seed = ("--initiatives", str(MEASURES), "--seed", "1", "--allow-nondebug")
            manage(env, "seed_demo", *seed)
            static.result()
        prepare(lambda script: manage(env, "shell", "-c", script), tmp_path / "data.json")

        logs = [tmp_path / "gunicorn-a.log", tmp_path / "gunicorn-b.log"]
        with ExitStack() as servers:
            hosts = [servers.enter_context(gunicorn(env, log_path=log)) for log in logs]
            rows, output = run_locust(
                hosts, tmp_path / "data.json", tmp_path / "locust", users=USERS, seconds=SECONDS
            )
        # The simulated members' comments (bench/locustfile.py writes "load-<hex>").
        stored = int(
            cluster.psql("SELECT count(*) FROM initiatives_comment WHERE body LIKE 'load-%'")
        )

    report = table(rows)
    with capsys.disabled():
        print(f"\n{USERS} users, {SECONDS} s, two servers:\n{report}")
    lines = [_lines(log.read_text()) for log in logs]
    # Requests each server's app logged (one JSON line each), and its errors.
    served = [sum(line.get("logger") == "tillit.request" for line in each) for each in lines]
    errors = [line for each in lines for line in each if line.get("level") in ("ERROR", "CRITICAL")]
    context = f"{report}\n{output[-3000:]}\nserver errors: {errors[-3:]}"
    total = rows[-1]
    assert total["name"] == "total" and total["requests"] > 0, context
    assert total["failures"] == 0, context
    posted = next((r for r in rows if r["name"] == COMMENTS), {"requests": 0})
    # Every acknowledged comment is stored; one cut off when locust stopped may be too.
    assert 0 < posted["requests"] <= stored, f"{stored} stored\n{context}"
    assert all(count > total["requests"] / 10 for count in served), f"served {served}\n{context}"


pytestmark = pytest.mark.deploy
