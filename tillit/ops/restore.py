"""Restoring a backup folder (``make restore FILE=…``): checks the files against the manifest,
restores the dump with ``pg_restore --no-owner --clean --if-exists`` in one transaction, then
unpacks the stored files. A database with tables or a media folder with files is refused unless
the operator forces it, and then replaced (files of the same name are overwritten)."""

from __future__ import annotations

import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.db import models

from .backup import DATABASE_FILE, MANIFEST_FILE, MEDIA_FILE, sha256
from .postgres import OperationsError, connect, libpq_params, run_tool, user_tables


class TargetNotEmpty(OperationsError):
    """The database or the media folder already holds data and ``force`` was not given."""


@dataclass
class RestoreResult:
    database: str
    media_root: Path | None
    media_files: int
    missing_files: list[str]


def backup_read(folder: Path) -> dict:
    """The manifest of a backup folder, after checking every file against its checksum."""
    folder = Path(folder)
    manifest_path = folder / MANIFEST_FILE
    if not manifest_path.is_file():
        raise OperationsError(f"{folder} is not a backup: it has no {MANIFEST_FILE}.")
    try:
        manifest = json.loads(manifest_path.read_text())
        files = dict(manifest["files"])
    except (ValueError, KeyError, TypeError) as error:
        raise OperationsError(f"The backup's {MANIFEST_FILE} is unreadable: {error}.") from error
    for name, expected in files.items():
        if Path(name).name != name:  # only the folder's own files, never a path out of it
            raise OperationsError(f"The backup's {MANIFEST_FILE} names an unsafe file: {name!r}.")
        path = folder / name
        if not path.is_file():
            raise OperationsError(f"The backup is incomplete: {name} is missing.")
        if sha256(path) != expected:
            raise OperationsError(f"The backup is damaged: {name} does not match its checksum.")
    return manifest


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = archive.getmembers()
    for member in members:
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or not (member.isfile() or member.isdir()):
            raise OperationsError(f"The media archive has an unsafe entry: {member.name!r}.")
    return members


def _stored_file_names(params: dict) -> list[str]:
    """Every file name the restored database refers to, from every model's file fields."""
    names = []
    with connect(params) as connection:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.FileField):
                    table, column = model._meta.db_table, field.column
                    rows = connection.execute(
                        f'SELECT "{column}" FROM "{table}" WHERE "{column}" <> \'\''  # noqa: S608
                    ).fetchall()
                    names.extend(row[0] for row in rows)
    return names


def backup_restore(
    *,
    folder: Path,
    settings_dict: dict,
    database: str,
    media_root: Path | None,
    force: bool = False,
) -> RestoreResult:
    """Restore ``folder`` into ``database`` (on the server of ``settings_dict``, which must
    exist) and ``media_root`` (None: leave the files alone). Operators only; the portal's
    processes should be stopped while it runs."""
    folder = Path(folder)
    manifest = backup_read(folder)
    params = libpq_params(settings_dict, dbname=database)
    has_media = media_root is not None and MEDIA_FILE in manifest["files"]
    if not force:
        if user_tables(params):
            raise TargetNotEmpty(
                f"The database {database!r} is not empty. Restore into an empty database, "
                "or give --force to replace its contents."
            )
        if has_media and media_root.is_dir() and any(media_root.iterdir()):
            raise TargetNotEmpty(
                f"The media folder {media_root} is not empty. Restore into an empty folder, "
                "or give --force to overwrite its files."
            )
    run_tool(
        "pg_restore",
        [
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            database,
            str(folder / DATABASE_FILE),
        ],
        params,
    )
    media_files = 0
    if has_media:
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            members = _safe_members(archive)
            archive.extractall(media_root, members=members, filter="data")
            media_files = sum(1 for member in members if member.isfile())
    missing = []
    if media_root is not None:
        missing = [name for name in _stored_file_names(params) if not (media_root / name).is_file()]
    return RestoreResult(
        database=database, media_root=media_root, media_files=media_files, missing_files=missing
    )
