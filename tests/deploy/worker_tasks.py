"""Tasks for tests/deploy/test_worker_outage.py, run by a real worker. Each adds a line to the
file it is given whenever it starts, so the test can count its runs."""

import copy
import time
from pathlib import Path

from django.db import connection, connections
from django_tasks import task


def _run_number(marker: str) -> int:
    """Record one more run in ``marker``; which run this is (1 for the first)."""
    path = Path(marker)
    with path.open("a") as log:
        log.write("run\n")
    return path.read_text().count("run")


@task()
def query_after_a_pause(marker: str, seconds: float) -> int:
    """Waits ``seconds`` on its first run (for the test to stop the database), then queries."""
    if _run_number(marker) == 1:
        time.sleep(seconds)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0]


@task()
def unreachable_on_first_run(marker: str, port: int) -> str:
    """On its first run, connects where no database listens (on ``port``) and fails with a
    real "connection refused"; later runs succeed."""
    if _run_number(marker) == 1:
        default = connections["default"]
        settings_dict = copy.deepcopy(default.settings_dict)
        settings_dict["OPTIONS"].pop("pool", None)
        settings_dict.update(HOST="127.0.0.1", PORT=str(port))
        elsewhere = type(default)(settings_dict, alias="elsewhere")
        try:
            elsewhere.ensure_connection()
        finally:
            elsewhere.close()
    return "ran"
