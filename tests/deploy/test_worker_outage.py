"""The task worker, as the supervisor starts it (``make serve``, ``make run``), keeps running
through a real database outage, runs the tasks queued after it, and runs again, never records
as failed, a task the outage interrupted or the worker left unfinished."""

import contextlib
import subprocess
import time

import pytest

from tillit.supervisor import processes

from .servers import (
    BASE_DIR,
    free_port,
    manage,
    postgres_cluster,
    production_environment,
    wait_until,
)

ENQUEUE = "from tillit.core.tasks import purge_expired; print(purge_expired.enqueue().id)"
STATUS = "from django_tasks_db.models import DBTaskResult as R; print(R.objects.get(id=ID).status)"
OUTAGE_SECONDS = 6


def _enqueue(env: dict) -> str:
    return manage(env, "shell", "-c", ENQUEUE).split()[-1]


def _done(env: dict, task_id: str) -> bool:
    code = STATUS.replace("ID", repr(task_id))
    return manage(env, "shell", "-c", code).split()[-1] == "SUCCESSFUL"


@pytest.mark.parametrize("development", [False, True], ids=["serve", "run"])
def test_the_task_worker_survives_a_database_outage(tmp_path, development):
    with postgres_cluster() as cluster:
        env = production_environment(cluster.url, DATABASE_POOL_TIMEOUT="2")
        manage(env, "migrate", "--noinput")
        log_path = tmp_path / "worker.log"
        with open(log_path, "wb") as log:
            worker = subprocess.Popen(
                processes(development=development)["worker"],
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                before = _enqueue(env)
                wait_until(lambda: _done(env, before), 60, "the first task", worker)
                cluster.stop()
                time.sleep(OUTAGE_SECONDS)
                cluster.start()
                assert worker.poll() is None, log_path.read_text()[-3000:]
                after = _enqueue(env)
                wait_until(lambda: _done(env, after), 60, "the task queued after the outage")
                assert worker.poll() is None, log_path.read_text()[-3000:]
            finally:
                worker.terminate()
                worker.wait(timeout=30)
    assert "database unreachable" in log_path.read_text()


TASK_STATUS = "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = '{}'"


@pytest.fixture(scope="module")
def queue():
    """A migrated database on a cluster the tests may stop, and its environment."""
    with postgres_cluster() as cluster:
        env = production_environment(cluster.url, DATABASE_POOL_TIMEOUT="2")
        manage(env, "migrate", "--noinput")
        yield cluster, env


@contextlib.contextmanager
def _worker(env: dict, command: list[str], log_path):
    with open(log_path, "ab") as log:
        worker = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            yield worker
        finally:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)


def _enqueue_test_task(env: dict, name: str, *args) -> str:
    code = f"from tests.deploy.worker_tasks import {name}; print({name}.enqueue(*{args!r}).id)"
    return manage(env, "shell", "-c", code).split()[-1]


def _wait_for_the_end(cluster, task_id: str, what: str, worker) -> str:
    """The task's final status, once it has one."""
    status = {}

    def finished() -> bool:
        status["now"] = cluster.psql(TASK_STATUS.format(task_id)).strip()
        return status["now"] in {"SUCCESSFUL", "FAILED"}

    try:
        wait_until(finished, 60, f"{what} to finish", worker)
    except AssertionError as error:
        raise AssertionError(f"{error}; it stayed {status.get('now')}") from None
    return status["now"]


def _runs(marker) -> int:
    return marker.read_text().count("run") if marker.exists() else 0


def test_a_task_failing_on_an_unreachable_database_is_run_again_not_failed(queue, tmp_path):
    cluster, env = queue
    marker = tmp_path / "runs"
    with _worker(env, processes()["worker"], tmp_path / "worker.log") as worker:
        task_id = _enqueue_test_task(env, "unreachable_on_first_run", str(marker), free_port())
        status = _wait_for_the_end(cluster, task_id, "the task", worker)
    log = (tmp_path / "worker.log").read_text()[-3000:]
    assert status == "SUCCESSFUL", log
    assert _runs(marker) == 2, log


def test_a_task_interrupted_by_an_outage_is_run_again_after_it(queue, tmp_path):
    cluster, env = queue
    marker = tmp_path / "runs"
    with _worker(env, processes()["worker"], tmp_path / "worker.log") as worker:
        task_id = _enqueue_test_task(env, "query_after_a_pause", str(marker), 3)
        wait_until(lambda: _runs(marker) == 1, 60, "the task to start", worker)
        cluster.stop()  # while the task waits; its query comes during the outage
        time.sleep(OUTAGE_SECONDS)
        cluster.start()
        assert worker.poll() is None
        status = _wait_for_the_end(cluster, task_id, "the interrupted task", worker)
    log = (tmp_path / "worker.log").read_text()[-3000:]
    assert status == "SUCCESSFUL", log
    assert _runs(marker) == 2, log


def test_a_restarted_worker_runs_again_what_it_left_unfinished(queue, tmp_path):
    cluster, env = queue
    marker = tmp_path / "runs"
    command = processes()["worker"]  # the supervisor restarts the worker with this command
    with _worker(env, command, tmp_path / "worker.log") as worker:
        task_id = _enqueue_test_task(env, "query_after_a_pause", str(marker), 600)
        wait_until(lambda: _runs(marker) == 1, 60, "the task to start", worker)
        worker.kill()  # a crash in the middle of the task
        worker.wait()
    with _worker(env, command, tmp_path / "worker.log") as worker:
        status = _wait_for_the_end(cluster, task_id, "the unfinished task", worker)
    log = (tmp_path / "worker.log").read_text()[-3000:]
    assert status == "SUCCESSFUL", log
    assert _runs(marker) == 2, log


pytestmark = pytest.mark.deploy
