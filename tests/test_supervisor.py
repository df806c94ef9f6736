"""``python -m tillit.supervisor`` (``make serve``, ``make run``): a process that cannot start
stops everything with a non-zero exit instead of being restarted for ever."""

import subprocess
import sys
import time
from pathlib import Path

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
