"""Backups: ``pg_dump --format=custom`` of the database plus a tar.gz of the stored files, in
one timestamped folder with a manifest (``make backup``; ``tillit/ops/restore.py`` reads it).

The database is dumped first and the files archived after it, so every attachment the dump
knows is in the archive unless it was deleted in between; a file uploaded in between is an
unused extra, which does no harm. The manifest's row counts are taken in the dump's own
snapshot (exported from a REPEATABLE READ transaction and given to ``pg_dump --snapshot``), so
they match the dump however much is written meanwhile.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from tillit.core.registry import BACKUP_COUNTED

from .postgres import OperationsError, libpq_params, run_tool

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"
FORMAT_VERSION = 1
# What the manifest counts, to compare with the restored database: the models the apps
# registered (``tillit.core.registry.BACKUP_COUNTED``), then these.
PLATFORM_COUNTED_MODELS = [
    "accounts.User",
    "accounts.Organisation",
    "core.AuditEvent",
]


def counted_models() -> list[str]:
    return BACKUP_COUNTED + PLATFORM_COUNTED_MODELS


def media_root() -> Path:
    """The folder of the default storage (``MEDIA_ROOT``); other storages have their own
    backups (an S3 bucket's versioning, for one)."""
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        raise OperationsError(
            "The default storage is not a local folder; back up its files with the "
            "storage's own tools and run the backup with --no-media."
        )
    return Path(storage.location)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def git_revision() -> str:
    result = subprocess.run(
        ["git", "-C", str(settings.BASE_DIR), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def _archive_media(root: Path, target: Path) -> dict:
    files = size = 0
    with tarfile.open(target, "w:gz") as archive:
        if root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    archive.add(path, arcname=str(path.relative_to(root)), recursive=False)
                    files += 1
                    size += path.stat().st_size
    return {"files": files, "bytes": size}


def _database_state(alias: str) -> dict:
    connection = connections[alias]
    applied = sorted(MigrationRecorder(connection).applied_migrations())
    migrations: dict[str, list[str]] = {}
    for app_label, name in applied:
        migrations.setdefault(app_label, []).append(name)
    counts = {
        label: apps.get_model(label).objects.using(alias).count() for label in counted_models()
    }
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server_version = cursor.fetchone()[0]
    return {"server_version": server_version, "migrations": migrations, "counts": counts}


def backup_create(*, output_dir: Path, alias: str = "default", include_media: bool = True) -> Path:
    """Write ``<output_dir>/tillit-<UTC time>/`` with the dump, the files and the manifest;
    return the folder. Operators run it (``make backup``); it only reads the database."""
    created = timezone.now()
    folder = Path(output_dir) / f"tillit-{created:%Y%m%dT%H%M%S%fZ}"
    folder.mkdir(parents=True)
    connection = connections[alias]
    settings_dict = connection.settings_dict
    params = libpq_params(settings_dict)
    # One snapshot for the dump and the counts: this transaction stays open while pg_dump
    # reads the snapshot it exported.
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        run_tool(
            "pg_dump",
            [
                "--format=custom",
                "--no-owner",
                f"--snapshot={snapshot}",
                "--file",
                str(folder / DATABASE_FILE),
            ],
            params,
        )
        state = _database_state(alias)
    media = None
    if include_media:
        media = _archive_media(media_root(), folder / MEDIA_FILE)
    files = {DATABASE_FILE: sha256(folder / DATABASE_FILE)}
    if include_media:
        files[MEDIA_FILE] = sha256(folder / MEDIA_FILE)
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": created.isoformat(),
        "git_revision": git_revision(),
        "database": {"name": settings_dict["NAME"], **state},
        "pg_dump": run_tool("pg_dump", ["--version"], params).strip(),
        "media": media,
        "files": files,
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return folder
