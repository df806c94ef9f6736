"""The task worker, as the supervisor starts it (``make serve``, ``make run``), keeps running
through a real database outage and runs the tasks queued after it."""

import subprocess
import time

import pytest

from tillit.supervisor import processes

from .servers import BASE_DIR, manage, postgres_cluster, production_environment, wait_until

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


pytestmark = pytest.mark.deploy
