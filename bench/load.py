"""The load run shared by tests/deploy/test_load.py and `make bench`: what the simulated users
need from a seeded database, locust as a subprocess, and its figures.

The locust users themselves are in bench/locustfile.py.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LOCUSTFILE = BASE_DIR / "bench" / "locustfile.py"
PASSWORD = "last-og-belastning-2026"  # noqa: S105 (throwaway accounts of the load run)
ACCOUNT_PREFIX = "last-"
# Members comment far faster than the per-person limit allows; the servers under load lift it.
SERVER_ENVIRONMENT = {"COMMENT_RATE_LIMIT_COUNT": "1000000"}

# Run with `manage.py shell -c`: member accounts that may comment (initiatives/rules/comments.py:
# any member, on a published measure) and a sample of the published measures to visit.
SEED = """
import json, re
from allauth.account.models import EmailAddress
from initiatives.models import Initiative
from tillit.accounts.models import Membership, Organisation, Role, User
bergen = Organisation.objects.get(municipality_id="4601")
accounts = []
for n in range(ACCOUNTS):
    email = f"PREFIX{n}@demo.tillitsportalen.no"
    user, created = User.objects.get_or_create(email=email, defaults={"is_demo": True})
    if created:
        user.set_password(PASSWORD)
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Membership.objects.create(user=user, organisation=bergen, roles=[Role.ANSATT])
    accounts.append(email)
rows = Initiative.objects.filter(workflow_status="publisert").order_by("?").values_list(
    "pk", "kind", "county_id", "sector", "lifecycle_status", "start_year", "title"
)[:2000]
searches = []
for pk, kind, county, sector, status, year, title in rows:
    words = [w for w in re.findall(r"\\w+", title.lower()) if len(w) >= 5]
    if kind and county and sector and status and year and words:
        searches.append([kind, county, sector, status, year, words[pk % len(words)]])
print(json.dumps({"accounts": accounts, "measures": [row[0] for row in rows],
                  "searches": searches}))
"""


def prepare(shell: Callable[[str], str], path: Path, accounts: int = 20) -> dict:
    """Add the commenting accounts, sample the data through ``shell`` (runs a script with
    ``manage.py shell -c``, returns its output) and write what the users need to ``path``."""
    script = (
        SEED.replace("ACCOUNTS", str(accounts))
        .replace("PREFIX", ACCOUNT_PREFIX)
        .replace("PASSWORD", repr(PASSWORD))
    )
    data = {**json.loads(shell(script).strip().splitlines()[-1]), "password": PASSWORD}
    assert data["measures"] and data["searches"], "no published measures to visit"
    path.write_text(json.dumps(data))
    return data


def run_locust(
    hosts: list[str], data: Path, csv_prefix: Path, *, users: int = 50, seconds: int = 60
) -> tuple[list[dict], str]:
    """Run the simulated users headless against ``hosts``; returns the figures per route (the
    last row is the total) and locust's output."""
    spawn_rate = max(users / 5, 1)  # everyone is up within five seconds
    result = subprocess.run(
        [
            *(sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless"),
            *("--users", str(users), "--spawn-rate", str(spawn_rate)),
            *("--run-time", f"{seconds}s", "--stop-timeout", "10"),
            *("--csv", str(csv_prefix), "--only-summary", "--loglevel", "WARNING"),
        ],
        cwd=BASE_DIR,
        env={**os.environ, "LOAD_HOSTS": ",".join(hosts), "LOAD_DATA": str(data)},
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    )
    failures = Path(f"{csv_prefix}_failures.csv")
    output = result.stdout + result.stderr + (failures.read_text() if failures.exists() else "")
    stats = Path(f"{csv_prefix}_stats.csv")
    assert stats.exists(), f"locust wrote no statistics:\n{output[-5000:]}"
    with stats.open() as handle:
        rows = [_figures(row) for row in csv.DictReader(handle)]
    return rows, output


def _figures(row: dict) -> dict:
    name = row["Name"] if row["Type"] in ("GET", "") else f"{row['Type']} {row['Name']}"
    return {
        "name": "total" if name == "Aggregated" else name,
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "rps": round(float(row["Requests/s"]), 1),
    }


def table(rows: list[dict]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| route | requests | failures | p50 ms | p95 ms | rps |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['name']} | {r['requests']} | {r['failures']} | {r['p50_ms']:g} | "
        f"{r['p95_ms']:g} | {r['rps']} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"
