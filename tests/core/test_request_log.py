"""Request ids, the JSON log lines, and the 503 page while the database is unreachable."""

import json
import logging
import sys

import psycopg
import pytest
from django.db import OperationalError
from django.test import RequestFactory

from tillit.core import errors
from tillit.core.errors import server_error
from tillit.core.logging import JsonFormatter, RequestIdFilter
from tillit.core.middleware import DatabaseUnavailableMiddleware


@pytest.fixture
def json_lines():
    """Records of tillit.request and tillit.test, formatted as production writes them."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(self.format(record)))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger("tillit.request"), logging.getLogger("tillit.test")]
    for logger in loggers:
        logger.addHandler(handler)
    yield lines
    for logger in loggers:
        logger.removeHandler(handler)


def test_a_sane_request_id_from_the_proxy_is_kept_and_logged(client, json_lines):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.42"})
    assert response["X-Request-ID"] == "lb-7f3a.42"
    [line] = [line for line in json_lines if line["logger"] == "tillit.request"]
    assert line["request_id"] == "lb-7f3a.42"
    assert line["method"] == "GET" and line["path"] == "/healthz" and line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["user_id"] is None
    assert line["level"] == "INFO" and line["time"].endswith("+00:00")


@pytest.mark.parametrize("given", ["", "two words", 'quote"d', "x" * 200, "line\nbreak"])
def test_an_unusable_request_id_is_replaced_by_a_new_one(client, given, json_lines):
    response = client.get("/healthz", headers={"X-Request-ID": given} if given else {})
    request_id = response["X-Request-ID"]
    assert request_id != given and len(request_id) == 32
    assert json_lines[-1]["request_id"] == request_id


def test_two_requests_get_different_ids(client):
    assert client.get("/healthz")["X-Request-ID"] != client.get("/healthz")["X-Request-ID"]


@pytest.mark.django_db
def test_the_request_line_names_the_signed_in_user(client, people, json_lines):
    client.force_login(people["ansatt"])
    client.get("/mitt/")
    assert json_lines[-1]["user_id"] == people["ansatt"].pk


def test_records_outside_a_request_have_no_id_and_extras_and_tracebacks_are_kept(json_lines):
    logger = logging.getLogger("tillit.test")
    logger.setLevel(logging.INFO)
    try:
        raise ValueError("boom")
    except ValueError:
        logger.exception("failed %s", "here", extra={"job": "digest"})
    line = json_lines[-1]
    assert line["message"] == "failed here" and line["request_id"] == "-"
    assert line["job"] == "digest" and "ValueError: boom" in line["exception"]


def _unreachable(message: str) -> OperationalError:
    """Django's error for a connection psycopg could not make or keep (no SQLSTATE)."""
    error = OperationalError(message)
    error.__cause__ = psycopg.OperationalError(message)
    return error


@pytest.fixture
def no_recent_failure(monkeypatch):
    monkeypatch.setattr(errors.primary_failure, "at", float("-inf"))


def test_a_database_error_in_a_view_is_a_503_page_without_database(
    db, no_recent_failure, django_assert_num_queries
):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    with django_assert_num_queries(0):
        response = middleware.process_exception(
            RequestFactory().get("/tiltak/"), _unreachable("server closed the connection")
        )
    assert response.status_code == 503 and response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Tillitsportalen" in html and 'class="site-header"' in html and "<main" in html


def test_after_a_failure_requests_answer_503_at_once_but_probes_still_try(no_recent_failure):
    reached = []
    middleware = DatabaseUnavailableMiddleware(lambda request: reached.append(request.path))
    middleware.process_exception(RequestFactory().get("/"), _unreachable("down"))
    response = middleware(RequestFactory().get("/tiltak/"))
    assert response.status_code == 503 and reached == []
    middleware(RequestFactory().get("/readyz"))
    assert reached == ["/readyz"]


def test_a_database_error_outside_a_view_reaches_the_503_page_through_the_500_handler(
    no_recent_failure,
):
    try:
        raise _unreachable("connection refused")
    except OperationalError:
        assert sys.exc_info()[0] is OperationalError
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 503
    assert server_error(RequestFactory().get("/")).status_code == 500  # other errors stay 500
