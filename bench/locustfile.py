"""Simulated portal users for locust, shared by tests/deploy/test_load.py and `make bench`.

Run only as a subprocess (``python -m locust -f bench/locustfile.py --headless``), never
imported into another process: locust patches the standard library with gevent.

LOAD_HOSTS: the app servers' base URLs, comma-separated; each request goes to one at random,
as a load balancer without sticky sessions would. LOAD_DATA: a JSON file from
``bench.load.prepare`` with real measure ids, searches and the accounts that may comment.
"""

import json
import os
import random
import re
import uuid
from pathlib import Path
from urllib.parse import quote

from locust import HttpUser, between, task

HOSTS = os.environ["LOAD_HOSTS"].split(",")
DATA = json.loads(Path(os.environ["LOAD_DATA"]).read_text())
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor(HttpUser):
    """An anonymous reader: the overview with filters and pages, measures, free-text search."""

    abstract = True
    host = HOSTS[0]
    wait_time = between(0.5, 1.5)

    def send(self, method, path, name, expect=200, must_contain="", **kwargs):
        """One request to a random server; a connection error, a status other than ``expect``
        or a page (for a redirect: its Location) without ``must_contain`` is a failure."""
        # Production marks cookies Secure; the servers speak plain http on loopback.
        for cookie in self.client.cookies:
            cookie.secure = False
        url = random.choice(HOSTS) + path
        with self.client.request(
            method, url, name=name, allow_redirects=False, catch_response=True, **kwargs
        ) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code} (expected {expect})")
            elif must_contain not in (
                response.headers.get("Location", "") if expect == 302 else response.text
            ):
                response.failure(f"no {must_contain!r} in the answer")
            return response

    @task(3)
    def overview(self):
        kind, county, sector, status, year, _word = random.choice(DATA["searches"])
        facets = random.choice(
            [f"type={kind}", f"fylke={county}&sektor={sector}", f"status={status}&aar={year}"]
        )
        page = random.choice(["", "", "&side=2"])
        self.send("GET", f"/tiltak/?{facets}{page}", name="/tiltak/?[filters]")

    @task(1)
    def overview_page(self):
        self.send("GET", f"/tiltak/?side={random.randint(1, 5)}", name="/tiltak/?side=[n]")

    @task(3)
    def measure(self):
        self.send("GET", f"/tiltak/{random.choice(DATA['measures'])}/", name="/tiltak/[id]/")

    @task(2)
    def search(self):
        word = random.choice(DATA["searches"])[-1]
        self.send("GET", f"/tiltak/?q={quote(word)}", name="/tiltak/?q=[word]")


class Reader(Visitor):
    weight = 9


class Commenter(Visitor):
    """A member (about one user in ten) who signs in once and comments while reading."""

    weight = 1

    def on_start(self):
        self.send("GET", "/konto/login/", name="/konto/login/")
        login = {
            "login": DATA["accounts"].pop(),  # each simulated member its own account
            "password": DATA["password"],
            "csrfmiddlewaretoken": self.client.cookies["csrftoken"],
        }
        self.send("POST", "/konto/login/", name="/konto/login/", data=login, expect=302)

    @task(1)
    def comment(self):
        measure = random.choice(DATA["measures"])
        path = f"/tiltak/{measure}/kommentarer/"
        page = self.send("GET", f"/tiltak/{measure}/", name="/tiltak/[id]/", must_contain=path)
        token = TOKEN.search(page.text)
        if path not in page.text or token is None:
            return  # a failure, counted above
        data = {"body": f"load-{uuid.uuid4().hex}", "csrfmiddlewaretoken": token.group(1)}
        name = "/tiltak/[id]/kommentarer/"
        # Stored, the comment's anchor; signed out, the sign-in page.
        self.send("POST", path, name=name, data=data, expect=302, must_contain="#kommentar-")
