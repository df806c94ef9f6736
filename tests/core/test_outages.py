"""Only an unreachable database is an outage (503 for every request for a moment); any other
database error is a 500 for the request that raised it, and the next visitor is served."""

import copy

import psycopg
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import InterfaceError, OperationalError, connection, connections, transaction
from django.test import Client, RequestFactory
from django.urls import resolve

from tillit.core import routing
from tillit.core.errors import primary_failure
from tillit.core.outages import database_unreachable

from ..deploy.servers import free_port
from .outage_urls import TOO_LONG_FOR_TSVECTOR

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_outage_remembered():
    primary_failure.at = float("-inf")
    yield
    primary_failure.at = float("-inf")


def _data_error() -> OperationalError:
    with (
        pytest.raises(OperationalError) as raised,
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(TOO_LONG_FOR_TSVECTOR)
    return raised.value


def _closed_cursor() -> InterfaceError:
    """A programming error: a query on a cursor that was already closed."""
    with connection.cursor() as cursor:
        pass
    with pytest.raises(InterfaceError) as raised:
        cursor.execute("SELECT 1")
    return raised.value


def _half_open_connection() -> InterfaceError:
    """psycopg's InterfaceError about the connection itself: one still being set up."""
    settings_dict = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(
        dbname="postgres", host=settings_dict["HOST"] or None, port=settings_dict["PORT"] or None
    )
    pgconn = psycopg.pq.PGconn.connect_start(conninfo.encode())
    assert pgconn.status not in (psycopg.pq.ConnStatus.OK, psycopg.pq.ConnStatus.BAD)
    half_open = psycopg.Connection(pgconn)
    try:
        with pytest.raises(InterfaceError) as raised, connection.wrap_database_errors:
            half_open.execute("SELECT 1")
    finally:
        pgconn.finish()
    return raised.value


def _refused_connection() -> OperationalError:
    """The error Django raises when nothing listens where the database should be."""
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["OPTIONS"].pop("pool", None)
    settings_dict.update(HOST="127.0.0.1", PORT=str(free_port()))
    dead = type(connections["default"])(settings_dict, alias="default")
    try:
        with pytest.raises(OperationalError) as raised:
            dead.ensure_connection()
    finally:
        dead.close()
    return raised.value


def test_only_errors_of_an_unreachable_server_count_as_an_outage(transactional_db):
    assert database_unreachable(_refused_connection())
    error = _data_error()
    assert "too long for tsvector" in str(error)
    assert not database_unreachable(error)


def test_only_an_interface_error_about_the_connection_counts_as_an_outage(db):
    error = _closed_cursor()
    assert "cursor is closed" in str(error)
    assert not database_unreachable(error)
    assert database_unreachable(_half_open_connection())


@pytest.mark.urls("tests.core.outage_urls")
def test_a_closed_cursor_answers_500_to_its_request_and_the_next_visitor_is_served(
    client, no_outage_remembered
):
    faulty = Client(raise_request_exception=False)
    assert faulty.get("/test/closed-cursor/").status_code == 500
    assert not primary_failure.recent()
    assert client.get("/tiltak/").status_code == 200


@pytest.mark.urls("tests.core.outage_urls")
def test_a_data_error_answers_500_to_its_request_and_the_next_visitor_is_served(
    client, people, no_outage_remembered
):
    faulty = Client(raise_request_exception=False)
    response = faulty.get("/test/data-error/")
    assert response.status_code == 500
    assert not primary_failure.recent()

    client.force_login(people["ansatt"])
    assert client.get("/tiltak/").status_code == 200
    assert client.get("/mitt/").status_code == 200
    assert Client().get("/api/v1/tiltak/").status_code == 200


@pytest.fixture
def replica_view():
    """A replica view's request in progress, as ReplicaReadsMiddleware sets it up (built
    without __init__, which steps aside when no replica is configured)."""
    middleware = routing.ReplicaReadsMiddleware.__new__(routing.ReplicaReadsMiddleware)
    request = RequestFactory().get("/feed/tiltak/")
    request.resolver_match = resolve("/feed/tiltak/")
    request.user = AnonymousUser()
    routing.replica_failure.at = float("-inf")
    token = routing._replica_reads.set(True)
    yield middleware, request
    routing._replica_reads.reset(token)
    routing.replica_failure.at = float("-inf")


def test_a_data_error_on_the_replica_leaves_the_replica_in_use(db, replica_view):
    middleware, request = replica_view
    assert middleware.process_exception(request, _data_error()) is None
    assert not routing.replica_failure.recent()


def test_an_unreachable_replica_is_left_alone_and_the_view_runs_on_the_primary(db, replica_view):
    middleware, request = replica_view
    response = middleware.process_exception(request, _refused_connection())
    assert response.status_code == 200
    assert routing.replica_failure.recent()
