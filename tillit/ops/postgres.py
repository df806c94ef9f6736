"""PostgreSQL's client tools (pg_dump, pg_restore) run against a Django connection's settings.

The settings are the ones Django uses, so this works with ``DATABASE_URL`` and with the private
cluster (a Unix socket folder and a user, see ``tillit/localdb.py``). Connection parameters go
to the tools through libpq's environment variables, so a password never shows in a process list.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import psycopg

from tillit import localdb

# libpq keywords Django's OPTIONS may carry, and the environment variable for each.
LIBPQ_ENVIRONMENT = {
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "dbname": "PGDATABASE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


class OperationsError(Exception):
    """A backup or restore could not be done; the message says why in plain words."""


def tool(name: str) -> Path:
    """The newest system PostgreSQL's ``name`` (as the private cluster uses), else one on
    PATH, else the pgserver package's."""
    candidates = [folder / name for folder in localdb.SYSTEM_BIN_DIRS]
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    # Found without importing pgserver, whose import has side effects (a runtime folder).
    spec = importlib.util.find_spec("pgserver")
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "pginstall" / "bin" / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise OperationsError(
        f"{name} was not found. Install PostgreSQL's client tools "
        "(Debian: postgresql-client) of the server's version or newer."
    )


def libpq_params(settings_dict: dict, *, dbname: str | None = None) -> dict[str, str]:
    """libpq connection keywords for a Django database entry, optionally another database."""
    params = {
        "dbname": dbname or settings_dict["NAME"],
        "user": settings_dict.get("USER") or "",
        "password": settings_dict.get("PASSWORD") or "",
        "host": settings_dict.get("HOST") or "",
        "port": str(settings_dict.get("PORT") or ""),
    }
    for key, value in (settings_dict.get("OPTIONS") or {}).items():
        if key in LIBPQ_ENVIRONMENT and value not in (None, ""):
            params[key] = str(value)
    return {key: value for key, value in params.items() if value}


def tool_environment(params: dict[str, str]) -> dict[str, str]:
    """The process environment for a client tool: only our PG* variables, none inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update({LIBPQ_ENVIRONMENT[key]: value for key, value in params.items()})
    return env


def run_tool(name: str, arguments: list[str], params: dict[str, str]) -> str:
    """Run a client tool; its error output becomes the message of an ``OperationsError``."""
    result = subprocess.run(
        [str(tool(name)), *arguments],
        env=tool_environment(params),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise OperationsError(f"{name} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def connect(params: dict[str, str]) -> psycopg.Connection:
    try:
        return psycopg.connect(**params, autocommit=True)
    except psycopg.OperationalError as error:
        if f'database "{params["dbname"]}" does not exist' in str(error):
            raise OperationsError(
                f"The database {params['dbname']!r} does not exist. Create it first, owned by "
                f"the portal's database user: createdb --owner={params.get('user') or '<user>'} "
                f"{params['dbname']} (README: Backup and restore)."
            ) from error
        raise OperationsError(
            f"Could not connect to the database {params['dbname']!r}: {error}".strip()
        ) from error


def user_tables(params: dict[str, str]) -> int:
    """How many tables the database has outside PostgreSQL's own schemas."""
    with connect(params) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_catalog.pg_tables"
            " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchone()
    return row[0]
