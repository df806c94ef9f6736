"""``make serve`` installs the site without the development packages, in the same .venv as
``make run`` and ``make test`` would use; the markers keep the two installs apart."""

import subprocess

from .deploy.servers import BASE_DIR
from .subprocess_env import clean_environment

# As in a shell: manage.py's default settings, not pytest's.
ENV = clean_environment(DJANGO_SETTINGS_MODULE="tillit.settings.dev")


def _make(*args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=BASE_DIR,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


def test_serve_installs_without_the_development_packages(tmp_path):
    venv = tmp_path / "venv"
    planned = _make("-n", "serve", f"VENV={venv}")
    assert "sync --frozen --no-dev" in planned
    assert "sync --frozen --python" not in planned  # no development install on the way

    _make("install-prod", f"VENV={venv}")
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-c", "import django, gunicorn, psycopg_pool"], check=True)
    for package in ("pytest", "playwright", "locust", "factory"):
        missing = subprocess.run([python, "-c", f"import {package}"], capture_output=True)
        assert missing.returncode != 0, f"{package} is installed for production"
    assert not (venv / "bin" / "ruff").exists()
    # manage.py's default (development) settings still load there, for compilemessages.
    subprocess.run([python, "manage.py", "check"], cwd=BASE_DIR, env=ENV, check=True)

    # The production install is not taken for a development one, nor the other way round.
    assert "sync --frozen --no-dev" not in _make("-n", "serve", f"VENV={venv}")
    assert "sync --frozen --python" in _make("-n", "install", f"VENV={venv}")
