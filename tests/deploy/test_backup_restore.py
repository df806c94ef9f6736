"""Backup/restore round trip (issue 8, test 4): real measures, comments and attachments are
backed up with ``manage.py backup``, restored with ``manage.py restore`` into a fresh database
in the same cluster and a fresh media folder, and a separate Django process pointed at the
restored copy opens every measure as an editor, finds every comment and downloads every
attachment with the original bytes."""

import hashlib
import importlib
import json
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection

from initiatives.models import Attachment, Comment, Initiative
from initiatives.services.comments import comment_create
from tillit.accounts.models import Organisation, User
from tillit.ops.backup import counted_models
from tillit.ops.postgres import OperationsError, connect, libpq_params, tool

from ..factories import ExperienceReportFactory, InitiativeFactory
from ..subprocess_env import clean_environment

# Committed data, so pg_dump sees it (Django empties every table after each such test).
pytestmark = pytest.mark.django_db(transaction=True)

PROJECT = Path(__file__).resolve().parents[2]

# Run inside `manage.py shell` against the restored database and media folder.
INSPECT = """
import hashlib, json
from django.test import Client
from initiatives.models import Attachment, Comment, Initiative
from tillit.accounts.models import User

client = Client()
client.force_login(User.objects.get(email=EDITOR))
seen = {"measures": {}, "comments": {}, "attachments": {}}
for measure in Initiative.objects.all():
    response = client.get(measure.get_absolute_url())
    seen["measures"][measure.pk] = [response.status_code, measure.title in response.text]
for comment in Comment.objects.select_related("initiative", "report"):
    response = client.get((comment.report or comment.initiative).get_absolute_url())
    seen["comments"][comment.pk] = [response.status_code, comment.body in response.text]
for attachment in Attachment.objects.all():
    response = client.get(attachment.get_absolute_url())
    body = b"".join(response.streaming_content) if response.streaming else response.content
    seen["attachments"][attachment.pk] = [response.status_code, hashlib.sha256(body).hexdigest()]
print("RESULT " + json.dumps(seen))
"""


def _require_client_tools():
    """Locally a machine without PostgreSQL's client tools skips; CI must have them."""
    for name in ("pg_dump", "pg_restore"):
        try:
            tool(name)
        except OperationsError as error:
            if os.environ.get("CI") == "true":
                pytest.fail(str(error))
            pytest.skip(str(error))


def _database_url(settings_dict: dict, name: str) -> str:
    user = quote(settings_dict["USER"] or "", safe="")
    if settings_dict.get("PASSWORD"):
        user += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict["HOST"] or ""
    if host.startswith("/"):  # a Unix socket folder: django-environ's postgres:////dir/name
        return f"postgres://{user}@/{host}/{name}"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}@{host}{port}/{name}"


@pytest.fixture(autouse=True)
def reference_data(transactional_db):
    """Put the migrations' reference data back when an earlier transactional test emptied
    the tables (as ``tests/browser/conftest.py`` does)."""
    from django.apps import apps

    if not Organisation.objects.exists():
        for module in (
            "tillit.accounts.migrations.0002_reference_data",
            "initiatives.migrations.0002_focus_areas",
        ):
            importlib.import_module(module).load(apps, None)


@pytest.fixture
def fresh_database():
    """An empty database in the test database's cluster, dropped afterwards."""
    name = f"restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _content(size: int) -> bytes:
    return b"%PDF-1.7\n" + os.urandom(size)


def _attach(measure, name: str, content: bytes, content_type: str) -> Attachment:
    return Attachment.objects.create(
        initiative=measure,
        file=ContentFile(content, name=name),
        original_name=name,
        content_type=content_type,
        size=len(content),
    )


def _portal_data(people, bergen) -> list[Attachment]:
    """Measures of two organisations (published and draft) with attachments, a published
    experience report, and comments and a reply, made as the portal makes them."""
    trondheim = Organisation.objects.get(municipality_id="5001")
    published = InitiativeFactory(
        organisation=bergen, workflow_status="publisert", title="Tillit i hjemmetjenesten"
    )
    draft = InitiativeFactory(organisation=bergen, title="Færre skjema i barnehagen")
    other = InitiativeFactory(
        organisation=trondheim, workflow_status="publisert", title="Brukerforum i Trondheim"
    )
    files = [
        _attach(published, "Sluttrapport.pdf", _content(300_000), "application/pdf"),
        _attach(published, "bilde.png", b"\x89PNG\r\n\x1a\n" + os.urandom(5000), "image/png"),
        _attach(draft, "utkast.pdf", _content(1000), "application/pdf"),
        _attach(other, "referat.pdf", _content(20_000), "application/pdf"),
    ]
    report = ExperienceReportFactory(initiative=published, workflow_status="publisert")
    first = comment_create(
        target=published, by=people["tillitsvalgt"], body="Vi ble tatt med fra starten av."
    )
    comment_create(parent=first, by=people["leder"], body="Takk, det var viktig for oss.")
    comment_create(target=report, by=people["ansatt"], body="Rapporten viser at tiden kom tilbake.")
    return files


def test_backup_and_restore_round_trip(people, bergen, settings, tmp_path, fresh_database):
    _require_client_tools()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    attachments = _portal_data(people, bergen)
    originals = {a.pk: hashlib.sha256(a.file.read()).hexdigest() for a in attachments}
    comments = list(Comment.objects.values_list("pk", flat=True))
    assert len(comments) == 3

    call_command("backup", output=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    counts = manifest["database"]["counts"]
    assert counts["initiatives.Initiative"] == Initiative.objects.count() >= 3
    assert counts["initiatives.Attachment"] == 4
    assert counts["initiatives.Comment"] == 3
    assert manifest["media"]["files"] == 4
    assert "0006_audit_organisation_time_index" in manifest["database"]["migrations"]["core"]

    restored_media = tmp_path / "restored-media"
    call_command(
        "restore",
        str(folder),
        database=fresh_database,
        media_root=str(restored_media),
        verbosity=0,
    )

    env = clean_environment(
        DJANGO_SETTINGS_MODULE="tillit.settings.test",
        DATABASE_URL=_database_url(connection.settings_dict, fresh_database),
        MEDIA_ROOT=str(restored_media),
    )
    code = f"EDITOR = {people['redaktor'].email!r}\n{INSPECT}"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [row for row in result.stdout.splitlines() if row.startswith("RESULT ")]
    seen = json.loads(line.removeprefix("RESULT "))

    every_measure = {str(pk) for pk in Initiative.objects.values_list("pk", flat=True)}
    assert set(seen["measures"]) == every_measure
    assert all(found == [200, True] for found in seen["measures"].values()), seen["measures"]
    assert seen["comments"] == {str(pk): [200, True] for pk in comments}
    assert seen["attachments"] == {str(pk): [200, digest] for pk, digest in originals.items()}


def test_restore_refuses_a_target_that_is_not_empty(people, settings, tmp_path, fresh_database):
    _require_client_tools()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("backup", output=str(tmp_path / "backups"), verbosity=0)
    (folder,) = (tmp_path / "backups").iterdir()
    media = tmp_path / "m"
    restore = {"database": fresh_database, "media_root": str(media), "verbosity": 0}
    media.mkdir()
    (media / "left-over.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(CommandError, match=r"media folder .* is not empty"):
        call_command("restore", str(folder), **restore)
    (media / "left-over.pdf").unlink()
    call_command("restore", str(folder), **restore)

    with pytest.raises(CommandError, match="is not empty") as refused:
        call_command("restore", str(folder), **restore)
    assert refused.value.returncode == 2
    call_command("restore", str(folder), force=True, **restore)  # --force replaces it

    (folder / "database.dump").write_bytes(b"not a dump")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(folder), force=True, **restore)

    manifest = folder / "manifest.json"
    manifest.write_text("{not json")
    with pytest.raises(CommandError, match="unreadable"):
        call_command("restore", str(folder), force=True, **restore)
    manifest.write_text(json.dumps({"files": {"../../etc/passwd": "0" * 64}}))
    with pytest.raises(CommandError, match="unsafe file"):
        call_command("restore", str(folder), force=True, **restore)


def test_restore_into_a_database_not_yet_created_says_how_to_create_it(people, tmp_path):
    _require_client_tools()
    call_command("backup", output=str(tmp_path / "backups"), verbosity=0, no_media=True)
    (folder,) = (tmp_path / "backups").iterdir()
    missing = f"restore_{uuid.uuid4().hex[:12]}"
    with pytest.raises(CommandError, match=rf"{missing}' does not exist\. Create it first"):
        call_command("restore", str(folder), database=missing, verbosity=0, no_media=True)


def test_the_readme_s_socket_form_of_database_url_backs_up(tmp_path):
    """``postgres://user@/db?host=/socket/folder`` (README: The database) reaches the server."""
    _require_client_tools()
    settings_dict = connection.settings_dict
    socket_folder = settings_dict["HOST"] or settings_dict["OPTIONS"].get("host", "")
    if not socket_folder.startswith("/"):
        pytest.skip("the test database is not on a Unix socket")
    url = f"postgres://{settings_dict['USER']}@/{settings_dict['NAME']}?host={socket_folder}"
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", "--no-media", "--output", str(tmp_path)],
        cwd=PROJECT,
        env=clean_environment(DJANGO_SETTINGS_MODULE="tillit.settings.test", DATABASE_URL=url),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    (folder,) = tmp_path.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"]["name"] == settings_dict["NAME"]


def _keep_writing(stopped: threading.Event, written: list) -> None:
    """New users and comments, one after another, as a busy site makes them."""
    from django.db import connection as own_connection

    measure = Initiative.objects.first()
    try:
        while not stopped.is_set():
            user = User.objects.create(email=f"skriver-{uuid.uuid4().hex}@example.no")
            Comment.objects.create(initiative=measure, author=user, body="Skrevet under backup.")
            written.append(user.pk)
    finally:
        own_connection.close()


def test_the_manifest_counts_what_the_dump_holds_under_concurrent_writes(
    people, bergen, settings, tmp_path, fresh_database
):
    _require_client_tools()
    settings.MEDIA_ROOT = str(tmp_path / "media")
    InitiativeFactory(organisation=bergen, workflow_status="publisert")
    stopped, written = threading.Event(), []
    writer = threading.Thread(target=_keep_writing, args=(stopped, written))
    writer.start()
    try:
        while len(written) < 20:  # writing before the backup starts
            assert writer.is_alive()
        before = len(written)
        call_command("backup", output=str(tmp_path / "backups"), verbosity=0, no_media=True)
        during = len(written) - before
    finally:
        stopped.set()
        writer.join(timeout=30)
    assert during > 20  # rows were written while the backup ran

    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    call_command("restore", str(folder), database=fresh_database, verbosity=0, no_media=True)
    params = libpq_params(connection.settings_dict, dbname=fresh_database)
    with connect(params) as restored:
        counts = {
            label: restored.execute(
                f"SELECT count(*) FROM {apps.get_model(label)._meta.db_table}"  # noqa: S608
            ).fetchone()[0]
            for label in counted_models()
        }
    assert manifest["database"]["counts"] == counts
