"""Scale-out: two gunicorn servers share one PostgreSQL primary, its streaming replica
(``pg_basebackup -R``) and one Redis, and behave as one site.

A session made on one server is valid on the other (and lives in Redis), a rate limit counts
requests to both, a measure published through one shows at once in the other's overview and
statistics, the overview reads from the replica, and the browser that just wrote reads from
the primary. While the replica is down, its pages read from the primary.
"""

import json
import re
import time

import pytest
import requests

from .servers import (
    Browser,
    gunicorn,
    manage,
    postgres_cluster,
    production_environment,
    redis_server,
    streaming_replica,
    wait_until,
)

API_LIMIT = 5
TIMEOUT = 20

SEED = """
import json
from tests.factories import InitiativeFactory, MembershipFactory
from tillit.accounts.models import Organisation, Role
bergen = Organisation.objects.get(municipality_id="4601")
leader = MembershipFactory(organisation=bergen, roles=[Role.LEDER]).user
pending = [
    InitiativeFactory(
        organisation=bergen, workflow_status="til_godkjenning", created_by=leader, title=title
    ).pk
    for title in (
        "Tillitsmodell i barnevernet Ulvøy",
        "Mindre skjema i skolen Kvitfjell",
        "Faste team i hjemmetjenesten Bjørkvik",
    )
]
print(json.dumps({"email": leader.email, "pending": pending}))
"""


class Leader(Browser):
    def publish(self, base_url: str, measure: int) -> None:
        url = f"{base_url}/tiltak/{measure}/godkjenning/"
        data = {"decision": "publish", "note": "", "csrfmiddlewaretoken": self.token(url)}
        response = self.request("post", url, data=data)
        assert response.status_code == 302, response.text[:2000]


def published_total(page: str) -> int:
    match = re.search(r'id="results-heading"[^>]*>\s*(\d+)', page)
    assert match, page[:2000]
    return int(match.group(1))


def lists_published(page: str, title: str) -> bool:
    """Whether the overview lists ``title`` as published (unpublished ones carry a tag)."""
    return title in page and 'data-color="warning"' not in page


def wait_for_replay(primary, replica) -> None:
    position = primary.psql("SELECT pg_current_wal_lsn()").strip()
    replica.psql(
        "DO $$ BEGIN WHILE pg_last_wal_replay_lsn() < "
        f"'{position}'::pg_lsn LOOP PERFORM pg_sleep(0.05); END LOOP; END $$"
    )


def test_two_servers_share_sessions_limits_cache_and_the_replica(tmp_path):
    with postgres_cluster() as primary, redis_server() as redis:
        env = production_environment(primary.url)
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        seeded = json.loads(manage(env, "shell", "-c", SEED).strip().splitlines()[-1])
        first, second, third = seeded["pending"]

        with streaming_replica(primary) as replica:
            # A publish is acknowledged only once the replica has applied it, so no server
            # shows (or caches) a state older than what it was told about.
            primary.psql("ALTER SYSTEM SET synchronous_standby_names = '*'")
            primary.psql("ALTER SYSTEM SET synchronous_commit = 'remote_apply'")
            primary.psql("SELECT pg_reload_conf()")
            env = production_environment(
                primary.url,
                DATABASE_REPLICA_URL=replica.url,
                REDIS_URL=redis.url,
                API_RATE_LIMIT_COUNT=str(API_LIMIT),
                MFA_REQUIRED_ROLES="",  # the leader publishes without setting up two-factor
                REPLICA_RETRY_INTERVAL="2",
            )
            with (
                gunicorn(env, log_path=tmp_path / "a.log") as server_a,
                gunicorn(env, log_path=tmp_path / "b.log") as server_b,
            ):
                check_shared_session(server_a, server_b, redis, seeded["email"])
                check_shared_rate_limit(server_a, server_b)
                check_publish_shows_at_once(server_a, server_b, seeded["email"], first)
                check_reads_reach_replica(primary, replica, server_a, server_b, seeded, second)
                check_replica_outage(replica, [server_a, server_b], seeded["email"], third)


def check_shared_session(server_a, server_b, redis, email):
    browser = Browser()
    browser.sign_in(server_a, email)
    key = browser.session.cookies["sessionid"]
    assert redis.client().exists(f":1:django.contrib.sessions.cache{key}") == 1
    page = browser.request("get", f"{server_b}/konto/email/")
    assert page.status_code == 200, page.status_code
    assert email in page.text
    assert Browser().request("get", f"{server_b}/konto/email/").status_code == 302


def check_shared_rate_limit(server_a, server_b):
    """The API's limit per client address and minute counts requests to both servers."""
    if time.time() % 60 > 50:  # finish within one minute's window
        time.sleep(61 - time.time() % 60)
    statuses = [
        requests.get(f"{server}/api/v1/tiltak/", timeout=TIMEOUT).status_code
        for server in [server_a, server_b] * API_LIMIT
    ]
    assert statuses == [200] * API_LIMIT + [429] * API_LIMIT, statuses


def check_publish_shows_at_once(server_a, server_b, email, measure):
    search = f"{server_b}/tiltak/?q=Ulv%C3%B8y"
    statistics = f"{server_b}/statistikk/?fylke=46"
    anonymous = Browser()
    assert "Tillitsmodell i barnevernet" not in anonymous.request("get", search).text
    before = published_total(anonymous.request("get", statistics).text)
    assert published_total(anonymous.request("get", statistics).text) == before  # cached

    leader = Leader()
    leader.sign_in(server_a, email)
    leader.publish(server_a, measure)

    assert lists_published(anonymous.request("get", search).text, "Tillitsmodell i barnevernet")
    assert published_total(anonymous.request("get", statistics).text) == before + 1


def check_reads_reach_replica(primary, replica, server_a, server_b, seeded, measure):
    """With the replica's replay paused, the public overview (read from the replica) does not
    yet show a new publish, while the leader who published it sees it (read from the primary,
    pinned by the write)."""
    primary.psql("ALTER SYSTEM SET synchronous_standby_names = ''")
    primary.psql("SELECT pg_reload_conf()")
    replica.psql("SELECT pg_wal_replay_pause()")
    title = "Mindre skjema i skolen"
    search = "/tiltak/?q=Kvitfjell"

    leader = Leader()
    leader.sign_in(server_a, seeded["email"])
    leader.publish(server_a, measure)
    assert leader.session.cookies.get("tillit_primary") == "1"
    assert lists_published(leader.request("get", server_b + search).text, title)

    anonymous = Browser()
    assert title not in anonymous.request("get", server_b + search).text
    leader.session.cookies.clear(name="tillit_primary", domain="127.0.0.1", path="/")
    assert not lists_published(leader.request("get", server_b + search).text, title)

    replica.psql("SELECT pg_wal_replay_resume()")
    wait_for_replay(primary, replica)
    assert lists_published(anonymous.request("get", server_a + search).text, title)


def check_replica_outage(replica, servers, email, measure):
    """With the replica stopped, its pages read from the primary: a measure published
    meanwhile is listed, the statistics answer, and /readyz names the replica but keeps the
    server in rotation. Once the replica is back the servers connect to it again."""
    replica.stop()
    leader = Leader()
    leader.sign_in(servers[0], email)
    leader.publish(servers[0], measure)
    anonymous = Browser()  # no pin cookie: these pages would read from the replica
    for server in servers:
        page = anonymous.request("get", f"{server}/tiltak/?q=Bj%C3%B8rkvik")
        assert page.status_code == 200, page.status_code
        assert lists_published(page.text, "Faste team i hjemmetjenesten")
        assert anonymous.request("get", f"{server}/statistikk/").status_code == 200
        probe = anonymous.request("get", f"{server}/readyz")
        assert (probe.status_code, probe.text) == (200, "ok; database replica unreachable\n")

    replica.start()
    connected = (
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
    )

    def servers_read_from_replica() -> bool:
        for server in servers:
            assert anonymous.request("get", f"{server}/tiltak/").status_code == 200
        return int(replica.psql(connected)) > 0

    wait_until(servers_read_from_replica, 30, "the servers to read from the replica again")


pytestmark = pytest.mark.deploy
