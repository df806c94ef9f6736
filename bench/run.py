"""`make bench`: seed benchmark databases, serve them with gunicorn and the production
settings, drive them from this process over loopback with concurrent clients, and write
bench/latest.json and bench/latest.md.

Every request goes to 127.0.0.1 only; each scenario is a bounded number of requests. The
sizes are served at the same time and take turns in rounds, so that their figures, which
are compared with each other, come from the same minutes of this shared machine.

The load part runs bench/locustfile.py's simulated users (50 by default) for a while against
one gunicorn and then against two that share the database and (with redis-server on the
machine) a Redis for cache and sessions; ``--only load`` runs just that part and updates the
load figures of the existing report.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# One for all the servers of a run: a session signed in on one must be valid on the others.
SECRET_KEY = secrets.token_urlsafe(50)
# The scenarios' requests per size are sent in this many rounds, the sizes taking turns.
ROUNDS = 8


def _environment(database: str, **extra) -> dict:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(LOCAL_DATABASE_NAME=database, **extra)
    return env


def _manage(*args, database: str, **extra) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=_environment(database, **extra),
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def prepare(size: int, *, bulk: bool = False) -> tuple[str, float]:
    """Migrate and seed ``bench_<size>``; returns its name and the seeding time. ``bulk``:
    with ``seed_bulk`` (``initiatives/demo/bulk.py``), set-based, for a million."""
    database = f"bench_{size}"
    _manage("migrate", "--noinput", "-v0", database=database)
    started = time.monotonic()
    output = _manage(
        "seed_bulk" if bulk else "seed_demo",
        "--initiatives",
        str(size),
        "--seed",
        "1",
        "--allow-nondebug",
        database=database,
        DEBUG="false",
    )
    if bulk:  # its last line: the seconds of each step, "added" when it added any
        BULK_STEPS[size] = json.loads(output.strip().splitlines()[-1])
    return database, time.monotonic() - started


# seed_bulk's steps per size, of this run
BULK_STEPS: dict[int, dict] = {}


def socket_dir() -> str:
    return str(BASE_DIR / ".local" / "postgres" / "run")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database: str, workers: int, **extra) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = _environment(
        database,
        DJANGO_SETTINGS_MODULE="tillit.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"postgres://tillit@/{database}?host={socket_dir()}",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        **extra,
    )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "tillit.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _ = _get(port, "/healthz")
            if status == 200:
                return server, port
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _get(port: int, path: str, connection=None) -> tuple[int, float]:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Accept": "text/html"})
    response = connection.getresponse()
    response.read()
    elapsed = time.perf_counter() - started
    if own:
        connection.close()
    return response.status, elapsed


# The slowest time of each (port, path) sent, for the slowest URLs of a scenario.
SLOWEST: dict[tuple[int, str], float] = {}


def drive(port: int, paths: list[str], clients: int) -> tuple[list[float], int, float]:
    """Send every path once, spread over ``clients`` keep-alive connections; returns the
    latencies in ms, the number of failures (any status but 200) and the wall time."""
    queue = list(paths)
    lock = threading.Lock()
    latencies, failures = [], []

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if not queue:
                    break
                path = queue.pop()
            status, elapsed = _get(port, path, connection)
            with lock:
                latencies.append(elapsed * 1000)
                SLOWEST[(port, path)] = max(SLOWEST.get((port, path), 0), elapsed * 1000)
                if status != 200:
                    failures.append((path, status))
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(failures), time.perf_counter() - started


def summary(latencies: list[float], failures: int, wall: float) -> dict:
    latencies = sorted(latencies)
    return {
        "p50_ms": round(statistics.median(latencies), 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1),
        "rps": round(len(latencies) / wall, 1),
        "requests": len(latencies),
        "failures": failures,
    }


def alternating(ports: dict[int, int], paths: dict[int, list[str]], clients: int) -> dict:
    """Each size's requests in ``ROUNDS`` rounds, taking turns with the other sizes, so a
    slow spell of the shared machine falls on every size alike rather than on one of them
    (the sizes are compared with each other). Returns a summary per size."""
    latencies = {size: [] for size in ports}
    failures = dict.fromkeys(ports, 0)
    wall = dict.fromkeys(ports, 0.0)
    for round_number in range(ROUNDS):
        for size, port in ports.items():
            chunk = paths[size][round_number::ROUNDS]
            chunk_latencies, chunk_failures, chunk_wall = drive(port, chunk, clients)
            latencies[size] += chunk_latencies
            failures[size] += chunk_failures
            wall[size] += chunk_wall
    return {size: summary(latencies[size], failures[size], wall[size]) for size in ports}


def filtered_paths(measures: list, rng: random.Random, count: int) -> list[str]:
    """Distinct searches people would make: the kind and county of a real published measure
    and a word from its title, so each finds at least that measure."""
    combos: set[tuple[str, str, str]] = set()
    for _attempt in range(count * 50):
        if len(combos) == count:
            break
        _pk, kind, county, title = rng.choice(measures)
        words = [word for word in re.findall(r"\w+", title.lower()) if len(word) >= 5]
        if kind and county and words:
            combos.add((kind, county, rng.choice(words)))
    paths = [f"/tiltak/?type={k}&fylke={c}&q={quote(w)}" for k, c, w in sorted(combos)]
    rng.shuffle(paths)
    return paths


def scenario_paths(database: str, requests: int, *, scale: bool = False) -> dict[str, list[str]]:
    """Each scenario's paths; ``scale`` adds facet selections without text and searches
    (``bench/scale.py``), each at least 200 distinct URLs."""
    rng = random.Random(7)  # noqa: S311 (benchmark inputs, not secrets)
    output = _manage("shell", "-c", PUBLISHED_SAMPLE, database=database)
    measures = json.loads(output.strip().splitlines()[-1])
    filtered = filtered_paths(measures, rng, max(requests, 200))
    pages = [f"/tiltak/?side={n}" for n in range(1, 6)]
    paths = {
        "healthz": ["/healthz"] * requests,
        "overview": [pages[i % len(pages)] for i in range(requests)],
        "overview_filtered": filtered,
        "detail": [f"/tiltak/{rng.choice(measures)[0]}/" for _ in range(requests)],
        "statistics": statistics_paths(filtered, requests),
        "map": map_paths(filtered, requests),
    }
    if scale:
        from bench import scale as large

        output = _manage("shell", "-c", large.SAMPLE, database=database)
        values = json.loads(output.strip().splitlines()[-1])
        titles = [title for _pk, _kind, _county, title in measures]
        paths["overview_facets"] = large.facet_paths(values, rng, max(requests, 200))
        paths["search"] = large.search_paths(values, titles, rng, max(requests, 200))
        paths["similar"] = large.similar_paths(measures, max(requests, 200))
    return paths


def statistics_paths(filtered: list[str], requests: int) -> list[str]:
    """The statistics as people would open them: a quarter of the requests unfiltered, the
    rest the overview's distinct searches (two facets and a word)."""
    searches = [path.replace("/tiltak/", "/statistikk/") for path in filtered]
    return ["/statistikk/" if i % 4 == 0 else searches[i % len(searches)] for i in range(requests)]


def map_paths(filtered: list[str], requests: int) -> list[str]:
    """The overview's map (/tiltak/kart/): unfiltered, then the overview's searches, every
    other one at the municipality level."""
    searches = [path.replace("/tiltak/", "/tiltak/kart/") for path in filtered]
    levelled = [path + ("&kartnivaa=kommune" if i % 2 else "") for i, path in enumerate(searches)]
    return ["/tiltak/kart/" if i % 4 == 0 else levelled[i % len(levelled)] for i in range(requests)]


PUBLISHED_SAMPLE = (
    "import json; from initiatives.models import Initiative as I; "
    "print(json.dumps(list(I.objects.filter(workflow_status='publisert').order_by('?')"
    ".values_list('pk', 'kind', 'county_id', 'title')[:2000])))"
)
QUERY_COUNT = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
counts = {}
for name, paths in json.loads(PATHS).items():
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts[name] = max(counts.get(name, 0), len(queries))
print(json.dumps(counts))
"""


def query_counts(database: str, samples: dict[str, list[str]]) -> dict[str, int]:
    """The most SQL queries any of the sampled pages of each scenario made."""
    script = QUERY_COUNT.replace("PATHS", repr(json.dumps(samples)))
    output = _manage(
        "shell", "-c", script, database=database, DJANGO_SETTINGS_MODULE="tillit.settings.test"
    )
    return json.loads(output.strip().splitlines()[-1])


def run(
    sizes: list[int],
    requests: int,
    clients: int,
    workers: int,
    *,
    bulk: tuple[int, ...] = (),
    scale: bool = False,
    counted: int = 20,
) -> list[dict]:
    """Every scenario on a server per size, the sizes taking turns (see ``alternating``).
    The sizes in ``bulk`` are seeded set-based; ``counted`` pages of each scenario have their
    SQL queries counted."""
    prepared = {size: prepare(size, bulk=size in bulk) for size in sizes}
    databases = {size: database for size, (database, _seconds) in prepared.items()}
    paths = {
        size: scenario_paths(database, requests, scale=scale)
        for size, database in databases.items()
    }
    counts = {
        size: query_counts(
            database, {name: values[:counted] for name, values in paths[size].items()}
        )
        for size, database in databases.items()
    }
    with ExitStack() as stack:
        ports = {}
        for size, database in databases.items():
            server, ports[size] = serve(database, workers)
            stack.callback(_stop, server)
        for size, port in ports.items():  # warm every worker's connection pool and caches
            for values in paths[size].values():
                drive(port, values[: clients * workers], clients)
        scenarios = {size: [] for size in sizes}
        for name in paths[sizes[0]]:
            results = alternating(ports, {size: paths[size][name] for size in sizes}, clients)
            for size in sizes:
                scenarios[size].append(
                    {
                        "name": name,
                        **results[size],
                        "queries": counts[size][name],
                        "distinct_urls": len(set(paths[size][name])),
                        **({"slowest": _slowest(ports[size], paths[size][name])} if scale else {}),
                    }
                )
    reports = []
    for size in sizes:
        floor = scenarios[size][0]["p95_ms"] or 1
        for scenario in scenarios[size]:
            scenario["p95_vs_healthz"] = round(scenario["p95_ms"] / floor, 1)
        reports.append(
            {
                "initiatives": size,
                "seed_seconds": round(prepared[size][1], 1),
                "scenarios": scenarios[size],
            }
        )
    return reports


def _slowest(port: int, paths: list[str], count: int = 5) -> list[list]:
    """The ``count`` slowest distinct paths of a scenario, with their slowest time in ms."""
    times = {path: SLOWEST.get((port, path), 0.0) for path in set(paths)}
    ranked = sorted(times.items(), key=lambda item: item[1], reverse=True)[:count]
    return [[path, round(ms, 1)] for path, ms in ranked]


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=30)


def table(results: list[dict]) -> str:
    lines = [
        "| measures | scenario | p50 ms | p95 ms | rps | queries | p95 / healthz |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for s in result["scenarios"]:
            lines.append(
                f"| {result['initiatives']} | {s['name']} | {s['p50_ms']} | {s['p95_ms']} | "
                f"{s['rps']} | {s['queries']} | {s['p95_vs_healthz']} |"
            )
    return "\n".join(lines) + "\n"


def load_runs(size: int, workers: int, seconds: int, users: int) -> list[dict]:
    """bench/locustfile.py's users against one gunicorn, then against two sharing the
    database and the cache and sessions (Redis when redis-server is here, else the database)."""
    # Imported here: bench/ is this script's folder, the project root is not on sys.path.
    sys.path.insert(0, str(BASE_DIR))
    from bench.load import SERVER_ENVIRONMENT, run_locust
    from bench.load import prepare as prepare_load
    from tests.deploy.servers import redis_server

    database, _seeded = prepare(size)
    results = []
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        data = Path(tmp) / "data.json"
        prepare_load(lambda script: _manage("shell", "-c", script, database=database), data)
        redis = stack.enter_context(redis_server()) if shutil.which("redis-server") else None
        shared = {"REDIS_URL": redis.url} if redis else {}
        for count in (1, 2):
            if redis:
                redis.client().flushall()  # each run starts with a cold cache
            servers = []
            try:
                for _ in range(count):
                    servers.append(serve(database, workers, **SERVER_ENVIRONMENT, **shared))
                hosts = [f"http://127.0.0.1:{port}" for _server, port in servers]
                rows, output = run_locust(
                    hosts, data, Path(tmp) / f"locust-{count}", users=users, seconds=seconds
                )
            finally:
                for server, _port in servers:
                    _stop(server)
            total = rows[-1]
            results.append(
                {
                    "servers": count,
                    "workers_each": workers,
                    "users": users,
                    "seconds": seconds,
                    "sessions": "redis" if redis else "database",
                    "cpus": os.cpu_count(),
                    **{k: total[k] for k in ("requests", "failures", "p50_ms", "p95_ms", "rps")},
                    "routes": rows[:-1],
                }
            )
            print(f"load, {count} server(s): {total}", flush=True)
            if total["failures"]:
                print(output[-3000:], flush=True)
    return results


def load_table(runs: list[dict]) -> str:
    lines = [
        "| servers | workers each | users | seconds | sessions | requests | failures "
        "| p50 ms | p95 ms | rps |",
        "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(
            f"| {r['servers']} | {r['workers_each']} | {r['users']} | {r['seconds']} | "
            f"{r['sessions']} | {r['requests']} | {r['failures']} | {r['p50_ms']:g} | "
            f"{r['p95_ms']:g} | {r['rps']} |"
        )
    cpus = runs[0]["cpus"] if runs else "?"
    note = (
        f"\nAll servers, PostgreSQL and locust share this machine's {cpus} CPU cores: a second "
        "server adds no capacity here, and the difference between the rows is noise. The rows "
        "show that requests spread over servers without sticky sessions all succeed.\n"
    )
    return "\n".join(lines) + "\n" + note


def scenarios_report(args) -> dict:
    results = run(args.sizes, args.requests, args.clients, args.workers)
    main_result = results[-1]
    if len(results) > 1:
        small = {s["name"]: s["p95_ms"] for s in results[0]["scenarios"]}
        for scenario in main_result["scenarios"]:
            scenario["p95_vs_smallest"] = round(
                scenario["p95_ms"] / (small[scenario["name"]] or 1), 2
            )
    return {**main_result, "runs": results, "clients": args.clients, "workers": args.workers}


def scale_report(args, previous: dict | None) -> dict:
    """``--scale N``: 1 000 against N (seeded in bulk), the overview's filters and searches
    against the targets of ``bench/scale.py``. A database found full keeps the seeding time
    measured when it was filled (``previous``)."""
    from bench import scale as large

    sizes = [1000, args.scale]
    results = run(
        sizes,
        args.requests,
        args.clients,
        args.workers,
        bulk=(args.scale,),
        scale=True,
        counted=40,
    )
    steps = BULK_STEPS.get(args.scale, {})
    reused = "added" not in steps  # the database was full: nothing seeded in this run
    earlier = previous if previous and previous.get("initiatives") == args.scale else {}
    report = {
        "initiatives": args.scale,
        "seed_seconds": earlier.get("seed_seconds") if reused else steps.get("seconds"),
        "seed_steps": earlier.get("seed_steps") if reused else steps,
        "reused": reused,
        "clients": args.clients,
        "workers": args.workers,
        "targets": large.TARGETS,
        "runs": results,
    }
    report["targets_met"] = large.verdict(results[0], results[-1])
    return report


def main():
    sys.path.insert(0, str(BASE_DIR))  # for ``bench.scale`` and ``bench.load``
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument(
        "--scale",
        type=int,
        help="instead: 1000 against this size (seed_bulk), filtered overview and searches "
        'against issue 21\'s targets; written under "scale", the rest kept',
    )
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--only",
        choices=["scenarios", "load"],
        help="run one part; the other keeps its figures from the last report",
    )
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--load-users", type=int, default=50)
    args = parser.parse_args()
    latest = BASE_DIR / "bench" / "latest.json"
    existing = json.loads(latest.read_text()) if latest.exists() else {}
    report = existing if args.only or args.scale else {}
    if "scale" in existing:  # the large run's figures stay until it runs again
        report["scale"] = existing["scale"]
    if args.scale:
        report["scale"] = scale_report(args, existing.get("scale"))
    else:
        if args.only != "load":
            report.update(scenarios_report(args))
        if args.only != "scenarios":
            report["load"] = load_runs(
                max(args.sizes), args.workers, args.load_seconds, args.load_users
            )
    markdown = table(report.get("runs", []))
    if report.get("load"):
        markdown += "\n" + load_table(report["load"])
    if report.get("scale"):
        from bench import scale as large

        markdown += "\n" + large.markdown(report["scale"])
    latest.write_text(json.dumps(report, indent=2) + "\n")
    (BASE_DIR / "bench" / "latest.md").write_text(markdown)
    print(markdown)


if __name__ == "__main__":
    main()
