"""`make lint` runs the migration linter with the project's configuration (pyproject.toml): a
new migration that would block the running version (a plain CREATE INDEX) fails it, and the
same index built concurrently in a non-atomic migration passes."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ..subprocess_env import clean_environment

PROJECT = Path(__file__).resolve().parents[2]

INITIAL = """
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        migrations.CreateModel(
            name="Sample",
            fields=[
                ("id", models.BigAutoField(primary_key=True)),
                ("code", models.CharField(max_length=20)),
            ],
        ),
    ]
"""

PLAIN_INDEX = """
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("lintsample", "0001_initial")]
    operations = [
        migrations.AddIndex(
            model_name="sample", index=models.Index(fields=["code"], name="sample_code_idx")
        ),
    ]
"""

CONCURRENT_INDEX = """
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("lintsample", "0001_initial")]
    operations = [
        AddIndexConcurrently(
            model_name="sample", index=models.Index(fields=["code"], name="sample_code_idx")
        ),
    ]
"""

MODELS = """
from django.db import models


class Sample(models.Model):
    code = models.CharField(max_length=20)

    class Meta:
        indexes = [models.Index(fields=["code"], name="sample_code_idx")]
"""


def _lint(tmp_path: Path, second_migration: str) -> subprocess.CompletedProcess:
    app = tmp_path / "lintsample"
    (app / "migrations").mkdir(parents=True)
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text(MODELS)
    (app / "migrations" / "__init__.py").write_text("")
    (app / "migrations" / "0001_initial.py").write_text(INITIAL)
    (app / "migrations" / "0002_sample_code_idx.py").write_text(second_migration)
    (tmp_path / "lint_settings.py").write_text(
        textwrap.dedent(
            """
            from tillit.settings.test import *  # noqa: F403

            INSTALLED_APPS = [*INSTALLED_APPS, "lintsample"]  # noqa: F405
            """
        )
    )
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="lint_settings",
        PYTHONPATH=f"{tmp_path}:{PROJECT}",
    )
    # Only the sample app: the rest of the project's configuration comes from pyproject.toml.
    return subprocess.run(
        [sys.executable, "manage.py", "lintmigrations", "--include-apps", "lintsample"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("migration", "passes"),
    [(PLAIN_INDEX, False), (CONCURRENT_INDEX, True)],
    ids=["plain-index-fails", "concurrent-index-passes"],
)
def test_linter_fails_on_blocking_index_creation(tmp_path, migration, passes):
    result = _lint(tmp_path, migration)
    output = result.stdout + result.stderr
    assert "(lintsample, 0002_sample_code_idx)" in output, output
    if passes:
        assert result.returncode == 0, output
    else:
        assert result.returncode == 1, output
        assert "CREATE INDEX locks table" in output
