"""The private PostgreSQL cluster used when no ``DATABASE_URL`` is set.

The cluster lives in the git-ignored ``.local/postgres/`` folder and listens only on a Unix
socket there, so several checkouts never fight over a port. It is started from the system's
PostgreSQL binaries when they are installed (as the ``postgres`` user when we run as root,
since PostgreSQL refuses to run as root), otherwise from the ``pgserver`` package, which has
no contrib extensions: typo-tolerant search is then off, and the log says so.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

logger = logging.getLogger("tillit.localdb")

# LOCAL_DATABASE_NAME picks another database in the same cluster (e.g. for benchmarks).
DEFAULT_DATABASE_NAME = "tillit"
DATABASE_NAME = os.environ.get("LOCAL_DATABASE_NAME", DEFAULT_DATABASE_NAME)
DATABASE_USER = "tillit"
# Enough to keep 100 000 measures with their indexes in PostgreSQL's own cache (`make bench`
# measured p95 20 % higher with the default 128MB); memory is only taken as it is used.
SHARED_BUFFERS = os.environ.get("LOCAL_DATABASE_SHARED_BUFFERS", "512MB")
EXISTS_SQL = "SELECT 1 FROM pg_database WHERE datname = %s"
SYSTEM_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _identifier(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"Unsuitable database name: {name!r}")
    return f'"{name}"'


def _literal(name: str) -> str:
    _identifier(name)
    return f"'{name}'"


def _announce(message: str) -> None:
    # Logging is not configured yet while settings load, so speak on stderr directly.
    sys.stderr.write(f"[tillit.localdb] {message}\n")


def system_bin_dir() -> Path | None:
    """The newest system PostgreSQL bin folder that has ``initdb`` and ``pg_ctl``."""
    candidates = [*SYSTEM_BIN_DIRS]
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    return None


def _as_postgres_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def _make_reachable_for_postgres(folder: Path) -> None:
    """As root, hand the cluster folder to ``postgres`` and make sure it can walk there."""
    if os.geteuid() != 0:
        return
    shutil.chown(folder, user="postgres", group="postgres")
    for parent in folder.parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            os.chmod(parent, mode | 0o001)  # search (x) only: lets postgres reach its folder


def _system_cluster(root: Path, bin_dir: Path) -> dict:
    data_dir = root / "data"
    socket_dir = root / "run"
    log_file = root / "server.log"
    if not (data_dir / "PG_VERSION").exists():
        root.mkdir(parents=True, exist_ok=True)
        socket_dir.mkdir(exist_ok=True)
        for folder in (root, socket_dir):
            _make_reachable_for_postgres(folder)
        _run(
            _as_postgres_user(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data_dir),
                    "-U",
                    DATABASE_USER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C.UTF-8",
                ]
            )
        )
        _announce(f"created a private PostgreSQL cluster in {data_dir}")
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data_dir)]
    running = (
        subprocess.run(
            _as_postgres_user([*pg_ctl, "status"]), capture_output=True, check=False
        ).returncode
        == 0
    )
    if running and not (socket_dir / ".s.PGSQL.5432").exists():
        # The server lost its socket (its folder was cleaned): restart it cleanly.
        subprocess.run(_as_postgres_user([*pg_ctl, "stop", "-m", "fast"]), check=False)
        running = False
    if not running:
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{socket_dir}'"
            f" -c shared_buffers={SHARED_BUFFERS}"
        )
        _run(
            _as_postgres_user(
                [
                    str(bin_dir / "pg_ctl"),
                    "start",
                    "-w",
                    "-D",
                    str(data_dir),
                    "-l",
                    str(log_file),
                    "-o",
                    options,
                ]
            )
        )
        _announce(f"started PostgreSQL from {bin_dir} on socket {socket_dir} (log: {log_file})")
    if not running or DATABASE_NAME != DEFAULT_DATABASE_NAME:
        # A running cluster already has the default database; check only when it may not.
        _ensure_database(bin_dir, socket_dir)
    return {"NAME": DATABASE_NAME, "USER": DATABASE_USER, "HOST": str(socket_dir), "PORT": ""}


def _ensure_database(bin_dir: Path, socket_dir: Path) -> None:
    psql = [str(bin_dir / "psql"), "-h", str(socket_dir), "-U", DATABASE_USER, "-d", "postgres"]
    exists = _run([*psql, "-tAc", EXISTS_SQL % _literal(DATABASE_NAME)])
    if exists.stdout.strip() != "1":
        _run([*psql, "-c", f"CREATE DATABASE {_identifier(DATABASE_NAME)}"])


def _pgserver(root: Path) -> dict:
    import pgserver  # imported lazily: only needed when the system has no PostgreSQL

    server = pgserver.get_server(root / "pgserver", cleanup_mode=None)
    rows = server.psql(EXISTS_SQL % _literal(DATABASE_NAME) + ";")
    if "1 row" not in rows:
        server.psql(f"CREATE DATABASE {_identifier(DATABASE_NAME)};")
    _announce(
        "started PostgreSQL from the pgserver package in "
        f"{root / 'pgserver'}; it has no pg_trgm/unaccent, so typo-tolerant search is off"
    )
    uri = urlparse(server.get_uri(DATABASE_NAME))
    host = parse_qs(uri.query).get("host", [uri.hostname or ""])[0]
    return {"NAME": DATABASE_NAME, "USER": uri.username or "postgres", "HOST": host, "PORT": ""}


def database_settings(local_dir: Path) -> dict:
    """Start (once) the private cluster under ``local_dir``; return Django's connection keys."""
    root = local_dir / "postgres"
    local_dir.mkdir(parents=True, exist_ok=True)
    with open(local_dir / "postgres.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        bin_dir = system_bin_dir()
        if bin_dir is not None:
            return _system_cluster(root, bin_dir)
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI needs the system PostgreSQL binaries (Debian: postgresql).")
        return _pgserver(root)
