"""Which reads may go to the replica. The replica itself is exercised end to end in
tests/deploy/test_scale_out.py; here the router's decisions are checked one by one."""

import pytest
from django.contrib.sessions.models import Session
from django.test import RequestFactory
from django.urls import resolve

from initiatives.models import Initiative, OverviewEntry
from tillit.core import routing
from tillit.core.routing import PIN_COOKIE, ReplicaRouter


@pytest.fixture
def replica_reads():
    token = routing._replica_reads.set(True)
    yield
    routing._replica_reads.reset(token)


def test_reads_use_the_primary_outside_replica_views():
    assert ReplicaRouter().db_for_read(Initiative) == "default"


def test_replica_views_read_content_from_the_replica_but_writes_and_the_cache_stay(
    replica_reads,
):
    router = ReplicaRouter()
    assert router.db_for_read(OverviewEntry) == "replica"
    assert router.db_for_write(OverviewEntry) == "default"
    assert router.db_for_read(Session) == "default"
    assert router.allow_migrate("replica", "initiatives") is False


def _request(method: str, path: str, **cookies):
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies)
    request.resolver_match = resolve(path)
    return request


@pytest.mark.parametrize(
    ("method", "path", "cookies", "replica"),
    [
        ("get", "/tiltak/", {}, True),
        ("get", "/statistikk/", {}, True),
        ("get", "/oversikt/2025/", {}, True),
        ("get", "/api/v1/tiltak/", {}, True),
        ("head", "/tiltak/", {}, True),
        ("get", "/tiltak/", {PIN_COOKIE: "1"}, False),  # this browser just wrote
        ("post", "/tiltak/", {}, False),
        ("get", "/tiltak/1/", {}, False),  # a measure's page shows its comments as written
        ("get", "/konto/login/", {}, False),
    ],
)
def test_which_requests_read_from_the_replica(method, path, cookies, replica):
    assert routing._reads_from_replica(_request(method, path, **cookies)) is replica
