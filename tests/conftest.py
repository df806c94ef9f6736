import pytest

from tillit.accounts.models import Organisation, Role

from .factories import MembershipFactory, UserFactory


@pytest.fixture
def bergen(db):
    """Bergen kommune, created by the reference-data migration."""
    return Organisation.objects.get(municipality_id="4601")


@pytest.fixture
def ministry(db):
    return Organisation.objects.get(short_name="KDD")


@pytest.fixture
def operator(db):
    return Organisation.objects.get(is_portal_operator=True)


def _member(organisation, roles, union_name=""):
    return MembershipFactory(organisation=organisation, roles=roles, union_name=union_name).user


@pytest.fixture
def people(bergen, ministry, operator):
    """One user per role, members of Bergen kommune unless the role belongs elsewhere."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    return {
        "anonymous": None,
        "outsider": UserFactory(),
        "ansatt": _member(bergen, [Role.ANSATT]),
        "leder": _member(bergen, [Role.LEDER]),
        "tillitsvalgt": _member(bergen, [Role.TILLITSVALGT], "Fagforbundet"),
        "departement": _member(ministry, [Role.DEPARTEMENT]),
        "redaktor": _member(operator, [Role.LEDER]),
        "leder_annen": _member(trondheim, [Role.LEDER]),
    }


@pytest.fixture
def run_tasks(db):
    """Run the queued background tasks the way ``db_worker`` does (its own ``run_task``),
    inside the test's transaction; returns the finished results' statuses."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )

    def run() -> list[str]:
        statuses = []
        while (result := DBTaskResult.objects.ready().order_by("enqueued_at").first()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            result.refresh_from_db()
            statuses.append(result.status)
        return statuses

    return run


@pytest.fixture(scope="session")
def oidc_provider():
    """The URL of a real OpenID Connect provider process on 127.0.0.1 (``tests/oidc_provider``)."""
    from .oidc_provider import running_provider

    with running_provider() as url:
        yield url
