"""Every operation of the open data API, called with data generated from its OpenAPI schema
through Django's WSGI application, against PostgreSQL with published content: never a
server error, and every answer as the schema describes it."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from trials.models import TrialRound

from ..factories import ExperienceReportFactory, InitiativeFactory
from ..trials.world import application_in

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def published(db, bergen, ministry):
    """A little of everything the API shows, and a draft it must not."""
    measure = InitiativeFactory(
        organisation=bergen,
        workflow_status="publisert",
        areas=["mindre-rapportering", "medbestemmelse"],
        contact_name="Kari Kontakt",
        contact_email="kari@bergen.kommune.no",
        publish_contact=True,
        links=["https://www.bergen.kommune.no/"],
    )
    InitiativeFactory(organisation=ministry, workflow_status="publisert", kind="prosjekt")
    InitiativeFactory(organisation=bergen, title="Utkast")
    report = ExperienceReportFactory(initiative=measure, workflow_status="publisert")
    trial = application_in(
        {
            "measure": measure,
            "round": TrialRound.objects.create(title="Runde"),
            "grong_leader": None,
            "hod": ministry,
        },
        "pagar",
        applicants=[bergen],
    )
    return {
        "GET /api/v1/forsok/{pk}/": trial.pk,
        "GET /api/v1/tiltak/{pk}/": measure.pk,
        "GET /api/v1/erfaringer/{pk}/": report.pk,
        "GET /api/v1/organisasjoner/{pk}/": bergen.pk,
    }


@pytest.fixture
def api_schema(published):
    """The schema as the running application serves it. Requests run in the test's
    transaction, so Django must not close the connection when a request ends."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/schema/", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _check(case, answers: list[int]) -> None:
    response = case.call()
    answers.append(response.status_code)
    case.validate_response(response, checks=CHECKS)


def _property(operation, answers: list[int]):
    @SETTINGS
    @given(case=operation.as_strategy())
    def conforms(case):
        _check(case, answers)

    return conforms


def test_api_answers_as_its_schema_says(api_schema, published):
    """One property test per operation (``schemathesis.pytest.from_fixture`` does not run on
    this pytest, so the operations are walked here), and each detail with an id that exists,
    since generated ids rarely do."""
    calls: dict[str, list[int]] = {}
    for result in api_schema.get_all_operations():
        operation = result.ok()
        answers = calls.setdefault(operation.label, [])
        _property(operation, answers)()
        if operation.label in published:
            _check(operation.Case(path_parameters={"pk": published[operation.label]}), answers)
    assert len(calls) == 12
    for label, answers in calls.items():
        assert 200 in answers, f"no successful call to {label}"
