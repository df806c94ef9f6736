"""``python -m tillit.supervisor`` (``make serve``, ``make run``): a process that cannot start
stops everything with a non-zero exit instead of being restarted for ever; one that dies later,
however often, is restarted with a growing pause while the others run on."""

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tillit import supervisor as supervision

from .deploy.servers import free_port
from .subprocess_env import clean_environment

BASE_DIR = Path(__file__).resolve().parents[1]


def test_a_missing_secret_key_stops_the_supervisor_with_an_error():
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="tillit.settings.production",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        PORT=str(free_port()),
        WEB_CONCURRENCY="1",
    )
    env.pop("SECRET_KEY", None)
    started = time.monotonic()
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "tillit.supervisor"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, errors = supervisor.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        supervisor.kill()
        _, errors = supervisor.communicate()
        raise AssertionError(f"still restarting after 60 s:\n{errors[-2000:]}") from None
    assert supervisor.returncode != 0
    assert "SECRET_KEY" in errors
    assert "right after starting" in errors
    assert errors.count("started ") == 3  # nothing was started a second time
    assert time.monotonic() - started < 60


# The first run lasts past the startup grace; every later one dies at once (a worker that
# meets an outage again and again). Each run adds a line to the file named by its argument.
DYING_LATER = """
import sys, time
from pathlib import Path
starts = Path(sys.argv[1])
first = not starts.exists()
with starts.open("a") as log:
    log.write("started\\n")
if first:
    time.sleep(1.5)
sys.exit(3)
"""


def test_a_process_that_dies_again_after_a_restart_is_restarted_and_the_others_run_on(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(supervision, "STARTUP_GRACE", 1)
    monkeypatch.setattr(supervision, "RESTART_PAUSE", 0.25)
    monkeypatch.setattr(supervision, "LONGEST_RESTART_PAUSE", 1, raising=False)
    starts = tmp_path / "starts"
    supervisor = supervision.Supervisor(
        {
            "web": [sys.executable, "-c", "import time; time.sleep(60)"],
            "worker": [sys.executable, "-c", DYING_LATER, str(starts)],
        }
    )
    handlers = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    stopper = threading.Timer(6, supervisor.stop)
    stopper.start()
    try:
        returncode = supervisor.run()
    finally:
        stopper.cancel()
        signal.signal(signal.SIGTERM, handlers[0])
        signal.signal(signal.SIGINT, handlers[1])
        supervisor.shutdown()
    log = capsys.readouterr().err

    assert returncode == 0, log  # stopped by us, not by the worker's deaths
    assert log.count("started web") == 1
    assert supervisor.running["web"].returncode == -signal.SIGTERM  # it ran until the end
    runs = starts.read_text().count("started")
    assert runs >= 4, log
    pauses = re.findall(r"worker exited with 3; restarting in ([\d.]+) s", log)
    assert pauses[:5] == ["0.25", "0.5", "1", "1", "1"][: len(pauses)], log
    assert len(pauses) in (runs, runs - 1), log
