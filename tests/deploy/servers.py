"""Real servers for deployment tests: a private PostgreSQL cluster from the system binaries
(which a test may stop and start again), a streaming replica of it, a private ``redis-server``,
and gunicorn with the production settings.

Without the binaries the tests skip with the reason, except under ``CI=true``, where that is a
failure.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
import requests

from tillit import localdb

from ..subprocess_env import clean_environment

BASE_DIR = Path(__file__).resolve().parents[2]
DATABASE_USER = "tillit"
DATABASE_NAME = "tillit"
# The password tests/factories.py gives every user (not imported: bench/run.py imports this
# module without Django set up).
PASSWORD = "riktig-hest-batteri-42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _missing(what: str) -> None:
    """Skip the test for lack of a server binary, or fail it under CI=true."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs {what}")
    pytest.skip(f"not on this machine: {what}")


def wait_until(check, seconds: float, what: str, process=None) -> None:
    """Poll ``check()`` until it holds; fail after ``seconds`` or when ``process`` exits."""
    deadline = time.monotonic() + seconds
    while not check():
        assert process is None or process.poll() is None, f"exited while waiting for {what}"
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.1)


def postgres_bin_dir() -> Path:
    bin_dir = localdb.system_bin_dir()
    if bin_dir is None:
        _missing("the system PostgreSQL binaries (Debian: postgresql)")
    return bin_dir


def _as_postgres(command: list[str]) -> list[str]:
    return localdb._as_postgres_user(command)


@dataclass
class Cluster:
    """A PostgreSQL cluster in a temporary folder, on 127.0.0.1 and a free port."""

    bin_dir: Path
    root: Path
    port: int
    extra_options: str = ""

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def url(self) -> str:
        return f"postgres://{DATABASE_USER}@127.0.0.1:{self.port}/{DATABASE_NAME}"

    def _pg_ctl(self, *args: str) -> list[str]:
        return _as_postgres([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *args])

    def start(self) -> None:
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port}"
            f" -c unix_socket_directories='{self.root}' -c fsync=off {self.extra_options}"
        )
        subprocess.run(
            self._pg_ctl("start", "-w", "-l", str(self.root / "server.log"), "-o", options),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(self._pg_ctl("stop", "-w", "-m", "fast"), check=True, capture_output=True)

    def psql(self, sql: str) -> str:
        result = subprocess.run(
            [str(self.bin_dir / "psql"), self.url, "-tAX", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True,
            capture_output=True,
            text=True,
        )
        return result.stdout


@contextmanager
def postgres_cluster():
    """Create, start and finally remove a throwaway cluster with an empty ``tillit`` database."""
    bin_dir = postgres_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="tillit-pg-"))
    localdb._make_reachable_for_postgres(root)
    cluster = Cluster(bin_dir=bin_dir, root=root, port=free_port())
    try:
        subprocess.run(
            _as_postgres(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(cluster.data_dir),
                    "-U",
                    DATABASE_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
        )
        cluster.start()
        createdb = [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port)]
        subprocess.run(
            [*createdb, "-U", DATABASE_USER, DATABASE_NAME],
            check=True,
            capture_output=True,
        )
        yield cluster
    finally:
        subprocess.run(cluster._pg_ctl("stop", "-m", "immediate"), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def streaming_replica(primary: Cluster, *, extra_options: str = ""):
    """A hot standby of ``primary`` made with ``pg_basebackup -R``, streaming from it."""
    root = Path(tempfile.mkdtemp(prefix="tillit-replica-"))
    localdb._make_reachable_for_postgres(root)
    replica = Cluster(
        bin_dir=primary.bin_dir, root=root, port=free_port(), extra_options=extra_options
    )
    try:
        subprocess.run(
            _as_postgres(
                [
                    str(primary.bin_dir / "pg_basebackup"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(primary.port),
                    "-U",
                    DATABASE_USER,
                    "-D",
                    str(replica.data_dir),
                    "-R",
                    "-X",
                    "stream",
                    "--checkpoint=fast",
                ]
            ),
            check=True,
            capture_output=True,
        )
        replica.start()
        yield replica
    finally:
        subprocess.run(replica._pg_ctl("stop", "-m", "immediate"), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


PRIVATE = ("--bind", "127.0.0.1", "--save", "", "--appendonly", "no")  # loopback, no files


@dataclass
class Redis:
    """A private redis-server on 127.0.0.1 and a free port, without persistence; a test may
    stop it and start it again on the same port."""

    binary: str
    root: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=5)

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--dir", str(self.root), *PRIVATE],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, 10, "redis-server to start", self.process)

    def _answers(self) -> bool:
        try:
            return self.client().ping()
        except redis.ConnectionError:
            return False

    def freeze(self) -> None:
        """Stop answering without closing connections, as a hung server would."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def redis_server():
    """Start ``redis-server`` (Debian: redis-server) and stop it at the end."""
    binary = shutil.which("redis-server")
    if binary is None:
        _missing("redis-server (Debian: redis-server)")
    redis = Redis(
        binary=binary, root=Path(tempfile.mkdtemp(prefix="tillit-redis-")), port=free_port()
    )
    try:
        redis.start()
        yield redis
    finally:
        redis.stop()
        shutil.rmtree(redis.root, ignore_errors=True)


def production_environment(database_url: str, **overrides) -> dict:
    """What a production process needs, over plain http on loopback."""
    return clean_environment(
        DJANGO_SETTINGS_MODULE="tillit.settings.production",
        SECRET_KEY="deploy-test-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SITE_URL="http://127.0.0.1:8000",
        SECURE_SSL_REDIRECT="false",
        **overrides,
    )


def manage(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def get(url: str, timeout: float = 10) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _healthy(base_url: str) -> bool:
    try:
        return get(f"{base_url}/healthz", timeout=2) == 200
    except OSError:
        return False


@contextmanager
def gunicorn(env: dict, *, workers: int = 2, log_path: Path | None = None):
    """gunicorn with ``gunicorn.conf.py`` on a free port; yields its base URL once it answers."""
    port = free_port()
    log = open(log_path or os.devnull, "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": str(workers)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: _healthy(base_url), 30, "gunicorn to start", server)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


class Browser:
    """A ``requests`` session that keeps its cookies across servers, as behind a balancer."""

    def __init__(self):
        self.session = requests.Session()

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        for cookie in self.session.cookies:  # production marks cookies Secure; this is http
            cookie.secure = False
        return self.session.request(method, url, allow_redirects=False, timeout=20, **kwargs)

    def token(self, url: str) -> str:
        page = self.request("get", url).text
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, f"no form on {url}"
        return match.group(1)

    def sign_in(self, base_url: str, email: str) -> None:
        token = self.token(f"{base_url}/konto/login/")
        data = {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
        response = self.request("post", f"{base_url}/konto/login/", data=data)
        assert response.status_code == 302, response.text[:2000]
