"""Where a page's time goes: each page's SQL queries with their times, and EXPLAIN (ANALYZE,
BUFFERS) of its slowest, against a benchmark database of the private cluster.

    .venv/bin/python bench/explain.py bench_1000000 '/tiltak/?q=kommunen' '/tiltak/?fylke=46'

The page is requested once to warm the database's buffers, then again with its queries
captured; ``--cold`` empties Django's cache before that (the overview caches the facet counts
of selections without text, and the benchmark requests each URL once).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SCRIPT = """
import json, time
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.core.cache import cache
client = Client()
for path in json.loads(PATHS):
    client.get(path)
    if COLD:
        cache.clear()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    total = (time.perf_counter() - started) * 1000
    queries = captured.captured_queries
    print(f"== {path}: {response.status_code}, {total:.0f} ms in all, {len(queries)} queries")
    for query in queries:
        print(f"   {float(query['time']) * 1000:7.1f} ms  {query['sql'][:110]}")
    slowest = max(queries, key=lambda q: float(q["time"]))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest["sql"])
        print("\\n".join(row[0] for row in cursor.fetchall()))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("database")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--cold", action="store_true", help="empty Django's cache first")
    args = parser.parse_args()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(LOCAL_DATABASE_NAME=args.database, DJANGO_SETTINGS_MODULE="tillit.settings.test")
    script = SCRIPT.replace("PATHS", repr(json.dumps(args.paths))).replace("COLD", str(args.cold))
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script], cwd=BASE_DIR, env=env, check=False
    )
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
