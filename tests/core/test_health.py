import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from ..subprocess_env import clean_environment

BASE_DIR = Path(__file__).resolve().parents[2]


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: pytest-django raises on any database access in this test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Security-Policy"]  # it went through the whole middleware stack


@pytest.mark.django_db
def test_readyz_answers_200_when_the_database_is_up(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 (loopback)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_readyz_is_503_and_healthz_200_when_the_database_is_down():
    """A real gunicorn with production settings, pointed at a port where nothing listens."""
    port, dead_port = _free_port(), _free_port()
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="tillit.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{dead_port}/none",
        DATABASE_POOL_TIMEOUT="2",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tillit.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _ = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.3)
        assert status == 200
        status, body = _get(f"http://127.0.0.1:{port}/readyz")
        assert status == 503
        assert body == b"database unreachable\n"
    finally:
        server.terminate()
        server.wait(timeout=10)
