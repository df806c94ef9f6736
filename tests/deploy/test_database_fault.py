"""Database fault: PostgreSQL stops and starts again under a steady load of page reads and
comment writes, against gunicorn with the production settings.

Every request during the outage gets a 503 (never a 500, never a hang), the service returns by
itself within 10 seconds of the restart, and afterwards every comment whose POST was
acknowledged is stored exactly once, with its notification queued, and none that failed is.
"""

import json
import threading
import time
import uuid
from dataclasses import dataclass

import pytest
import requests

from .servers import Browser, gunicorn, manage, postgres_cluster, production_environment

OUTAGE_SECONDS = 10  # long enough that requests start, wait out the pool and get 503 within it
# DATABASE_POOL_TIMEOUT's default: while the database is down a request waits this long for a
# connection, then answers 503.
POOL_TIMEOUT = 3
RECOVERY_LIMIT = 10  # seconds after the restart by which everything must answer again
SLOWEST_ALLOWED = 10  # seconds any single request may take
REQUEST_TIMEOUT = 20

SEED = """
import json
from tests.factories import InitiativeFactory, MembershipFactory
from tillit.accounts.models import Organisation, Role
bergen = Organisation.objects.get(municipality_id="4601")
member = MembershipFactory(
    organisation=bergen, roles=[Role.TILLITSVALGT], union_name="Fagforbundet"
).user
measure = InitiativeFactory(organisation=bergen, workflow_status="publisert", created_by=member)
print(json.dumps({"email": member.email, "measure": measure.pk}))
"""

STORED = """
import json
from django_tasks_db.models import DBTaskResult
from initiatives.models import Comment
tasks = DBTaskResult.objects.filter(task_path__endswith="comment_notifications")
queued = [row.args_kwargs["args"][0] for row in tasks]
print(json.dumps({
    "comments": [
        [c.pk, c.body, c.body_html] for c in Comment.objects.filter(body__startswith="fault-")
    ],
    "queued": queued,
}))
"""


@dataclass
class Outcome:
    kind: str
    started: float
    duration: float
    status: int | None  # None: no answer at all (connection error or timeout)
    body: str = ""


class Load:
    """Readers and writers hitting the site until told to stop; every outcome is recorded."""

    def __init__(self, base_url: str, measure: int, email: str):
        self.base_url, self.measure, self.email = base_url, measure, email
        self.outcomes: list[Outcome] = []
        self.lock = threading.Lock()
        self.stopped = threading.Event()

    def signed_in(self) -> tuple[requests.Session, str]:
        browser = Browser()
        browser.sign_in(self.base_url, self.email)
        return browser.session, browser.token(f"{self.base_url}/tiltak/{self.measure}/")

    def _send(self, session, method, path, **kwargs):
        # Production marks its cookies Secure; this test speaks plain http on loopback.
        for cookie in session.cookies:
            cookie.secure = False
        return session.request(
            method,
            self.base_url + path,
            allow_redirects=False,
            timeout=REQUEST_TIMEOUT,
            **kwargs,
        )

    def _record(self, kind, session, method, path, body="", **kwargs) -> None:
        started = time.monotonic()
        try:
            status = self._send(session, method, path, **kwargs).status_code
        except requests.RequestException:
            status = None
        outcome = Outcome(kind, started, time.monotonic() - started, status, body)
        with self.lock:
            self.outcomes.append(outcome)

    def reader(self, session: requests.Session, _token: str) -> None:
        anonymous = requests.Session()
        while not self.stopped.is_set():
            self._record("measure", session, "get", f"/tiltak/{self.measure}/")
            self._record("overview", anonymous, "get", "/tiltak/")
            time.sleep(0.05)

    def writer(self, session: requests.Session, token: str) -> None:
        while not self.stopped.is_set():
            body = f"fault-{uuid.uuid4().hex}"
            data = {"body": body, "csrfmiddlewaretoken": token}
            path = f"/tiltak/{self.measure}/kommentarer/"
            self._record("comment", session, "post", path, body=body, data=data)
            time.sleep(0.05)


def _watch_readiness(base_url: str, stopped: threading.Event, seen: list) -> None:
    while not stopped.is_set():
        started = time.monotonic()
        try:
            status = requests.get(f"{base_url}/readyz", timeout=REQUEST_TIMEOUT).status_code
        except requests.RequestException:
            status = None
        seen.append((started, time.monotonic() - started, status))
        time.sleep(0.2)


def test_database_outage_answers_503_and_recovers_without_losing_acknowledged_writes(tmp_path):
    with postgres_cluster() as cluster:
        env = production_environment(
            cluster.url, COMMENT_RATE_LIMIT_COUNT="1000000", LOG_FORMAT="json"
        )
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        seeded = json.loads(manage(env, "shell", "-c", SEED).strip().splitlines()[-1])

        with gunicorn(env, workers=3, log_path=tmp_path / "gunicorn.log") as base_url:
            load = Load(base_url, seeded["measure"], seeded["email"])
            readiness: list = []
            threads = [
                *(threading.Thread(target=load.reader, args=load.signed_in()) for _ in range(2)),
                *(threading.Thread(target=load.writer, args=load.signed_in()) for _ in range(3)),
                threading.Thread(target=_watch_readiness, args=(base_url, load.stopped, readiness)),
            ]
            for thread in threads:
                thread.start()
            time.sleep(3)
            stopping = time.monotonic()
            cluster.stop()
            down = time.monotonic()
            time.sleep(OUTAGE_SECONDS)
            cluster.start()
            up = time.monotonic()
            time.sleep(RECOVERY_LIMIT + 2)
            load.stopped.set()
            for thread in threads:
                thread.join(timeout=30)
        log = (tmp_path / "gunicorn.log").read_text()

        stored = json.loads(manage(env, "shell", "-c", STORED).strip().splitlines()[-1])

    outcomes = load.outcomes
    timeline = [
        (o.kind, round(o.started - stopping, 2), round(o.duration, 2), o.status) for o in outcomes
    ]
    (tmp_path / "timeline.json").write_text(json.dumps(timeline))
    statuses = {outcome.status for outcome in outcomes}
    assert statuses <= {200, 302, 503}, (statuses, log[-5000:])
    assert None not in statuses  # every request got an answer
    slowest = max(outcome.duration for outcome in outcomes)
    assert slowest < SLOWEST_ALLOWED, slowest

    before = [o for o in outcomes if o.started + o.duration < stopping]
    assert before and all(o.status in (200, 302) for o in before)
    # Requests that started while the database was down, in time to give up before it returned.
    during = [o for o in outcomes if down < o.started < up - POOL_TIMEOUT - 0.5]
    assert len(during) >= 3, timeline
    assert {o.status for o in during} == {503}, log[-5000:]
    after = [o for o in outcomes if o.started > up + RECOVERY_LIMIT]
    assert len(after) >= 5
    assert all(o.status in (200, 302) for o in after), [o for o in after if o.status == 503]

    ready_down = [r for r in readiness if down < r[0] and r[0] + r[1] < up]
    assert all(r[2] == 503 for r in ready_down)
    first_red = min(r[0] + r[1] for r in readiness if r[2] == 503 and r[0] + r[1] > down)
    # Red within seconds: the probe may queue behind workers that are themselves waiting out
    # the pool timeout for the load's requests, so up to two pool timeouts and the probe's pause.
    assert first_red - down < 2 * POOL_TIMEOUT + 2
    # /readyz itself answers within seconds (the same queueing as above)
    assert max(r[1] for r in readiness) < 2 * POOL_TIMEOUT + 1
    back = min(r[0] for r in readiness if r[0] > up and r[2] == 200)
    assert back - up < RECOVERY_LIMIT

    comments = [o for o in outcomes if o.kind == "comment"]
    acknowledged = {o.body for o in comments if o.status == 302}
    failed = {o.body for o in comments if o.status != 302}
    assert acknowledged and failed
    rows = stored["comments"]
    bodies = [body for _pk, body, _html in rows]
    assert sorted(bodies) == sorted(acknowledged)  # each exactly once, no failed one
    assert not failed & set(bodies)
    assert all(body in html for _pk, body, html in rows)
    assert sorted(pk for pk, _body, _html in rows) == sorted(stored["queued"])
    # One JSON line per request, with its request id.
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    requests_logged = [line for line in lines if line["logger"] == "tillit.request"]
    assert {line["status"] for line in requests_logged} >= {200, 302, 503}
    assert all(len(line["request_id"]) == 32 for line in requests_logged)


pytestmark = pytest.mark.deploy
