"""gunicorn's control socket is this instance's own (GUNICORN_CONTROL_SOCKET) or there is none:
a second instance of the same user that fails to start leaves the running one's alone."""

import subprocess
import sys
from urllib.parse import urlparse

import pytest

from .servers import BASE_DIR, gunicorn, production_environment


def test_a_failed_start_leaves_the_running_instance_s_control_socket(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    own_socket = tmp_path / "running.ctl"
    env = production_environment("postgres://nobody@127.0.0.1:1/none", HOME=str(home))
    env.pop("XDG_RUNTIME_DIR", None)
    with gunicorn({**env, "GUNICORN_CONTROL_SOCKET": str(own_socket)}, workers=1) as base_url:
        assert own_socket.is_socket()
        taken = f"127.0.0.1:{urlparse(base_url).port}"
        second = subprocess.run(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env={**env, "GUNICORN_BIND": taken, "WEB_CONCURRENCY": "1"},
            capture_output=True,
            timeout=60,
            check=False,
        )
        assert second.returncode != 0  # the address is in use
        assert own_socket.is_socket()
        assert not (home / ".gunicorn").exists()  # no shared per-user socket either


pytestmark = pytest.mark.deploy
