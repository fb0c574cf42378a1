"""`make bench`: every figure of issue 11 in one run, one readable table and one JSON file.

For each size (100, 1,000 and 10,000 applications; --quick: 100 only) it creates a throwaway
PostgreSQL database `rebound_bench_<size>`, migrates it, seeds one person with seed_demo
(bulk writes: 10,000 applications take seconds) and ANALYZEs it as autovacuum would, then:

- in-process page timings (median of --repeats) and query counts: bench/pages.py;
- throughput of the dashboard under gunicorn as the container runs it (2 sync workers),
  signed in, with wrk (4 connections; installed from Debian packages if missing);
- a spreadsheet import of 20,000 rows, upload to confirm: bench/import_upload.py;
- the existing scripts' figures: export speed and memory (bench/export_memory.py) and a
  mailbox poll (bench/inbox_poll.py), each in its own throwaway test database.

Then it checks the issue's targets against the figures and says plainly which hold. The
databases are dropped at the end (--keep keeps them). Not a test: it prints numbers.

    make bench                  # the full run (about ten minutes on a quiet 2-core machine)
    make bench-quick            # 100 applications, a few requests: CI runs it
    .venv/bin/python bench/run.py --sizes 100 1000 --json bench/results.json
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(Path(sys.executable))
SERVER = "postgres://postgres@127.0.0.1:5432"
EMAIL = "bench@example.com"
PORT = 8102
ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
}

# Targets from issue 11 (PostgreSQL, 10,000 applications).
PAGE_TARGETS_MS = {
    "dashboard": 40,
    "plan panel": 40,
    "whole plan": 40,
    "board": 30,
    "contacts": 25,
    "table": 8,
    "table search": 8,
}
TABLE_SORT_TARGET_MS = 8
EXPORT_TARGET_ROWS_PER_S = 100_000
IMPORT_TARGET_MS = 5_000
THROUGHPUT_SHARE = 0.70


STARTED = time.perf_counter()


def log(message: str) -> None:
    print(f"bench [{time.perf_counter() - STARTED:5.1f}s]: {message}", file=sys.stderr, flush=True)


def env_for(database: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(ENV)
    if database:
        env["DATABASE_URL"] = f"{SERVER}/{database}"
    return env


def run(args: list[str], *, database: str | None = None, timeout: int = 1800) -> str:
    result = subprocess.run(
        args,
        cwd=ROOT,
        env=env_for(database),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def psql(*commands: str) -> None:
    args = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1"]
    for command in commands:
        args += ["-c", command]
    subprocess.run(args, check=True, capture_output=True)


def prepare(size: int) -> str:
    database = f"rebound_bench_{size}"
    psql(f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}")
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], database=database)
    started = time.perf_counter()
    run(
        [PYTHON, "manage.py", "seed_demo", "--email", EMAIL, "--applications", str(size)],
        database=database,
    )
    seeded = time.perf_counter() - started
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-d", database, "-c", "VACUUM ANALYZE"],
        check=True,
        capture_output=True,
    )
    log(f"{database}: migrated, seeded in {seeded:.1f}s, analysed")
    return database


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    log("installing wrk from Debian packages")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
    return shutil.which("wrk") or "wrk"


def throughput(database: str, session: str, *, seconds: int) -> dict:
    """Requests per second of the signed-in dashboard under gunicorn, as the container
    serves it (2 sync workers), with wrk on 4 connections."""
    env = env_for(database)
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=2):
                    break
            except OSError:
                time.sleep(0.5)
        cookie = f"sessionid={session}"
        request = urllib.request.Request(f"http://127.0.0.1:{PORT}/", headers={"Cookie": cookie})
        for _ in range(8):  # every worker loads its templates and connects first
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200 and b"Log out" in response.read(), "not signed in"
        output = subprocess.run(
            [ensure_wrk(), "-t2", "-c4", f"-d{seconds}s", "--latency", "-H", f"Cookie: {cookie}",
             f"http://127.0.0.1:{PORT}/"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures = {"requests_per_s": 0.0, "non_2xx": 0, "p50_ms": None}
    for line in output.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            figures["requests_per_s"] = float(words[1])
        elif line.strip().startswith("Non-2xx or 3xx responses:"):
            figures["non_2xx"] = int(words[-1])
        elif words[:1] == ["50%"]:
            figures["p50_ms"] = _ms(words[1])
    return figures


def _ms(text: str) -> float:
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return round(float(text[: -len(unit)]) * factor, 2)
    return float(text)


def check_targets(results: dict) -> list[dict]:
    """Each target of the issue with the figure measured and whether it holds."""
    sizes = results["sizes"]
    largest = str(max(sizes))
    pages = results["pages"]
    checks = []

    def add(target: str, measured: str, holds: bool) -> None:
        checks.append({"target": target, "measured": measured, "holds": holds})

    names = sorted(set.intersection(*(set(pages[str(s)]) for s in sizes)))
    grown = [n for n in names if len({pages[str(s)][n]["queries"] for s in sizes}) > 1]
    counts = {n: "/".join(str(pages[str(s)][n]["queries"]) for s in sizes) for n in grown}
    add(
        "same query count at every size, every page",
        "differs: " + ", ".join(f"{n} {c}" for n, c in counts.items()) if grown else "all equal",
        not grown,
    )
    if max(sizes) >= 10_000:
        for name, limit in PAGE_TARGETS_MS.items():
            ms = pages[largest][name]["ms"]
            add(f"{name} under {limit} ms at {int(largest):,}", f"{ms} ms", ms < limit)
        sorts = {n: p["ms"] for n, p in pages[largest].items() if n.startswith("table sort")}
        slowest = max(sorts, key=sorts.get)
        add(
            f"table first page under {TABLE_SORT_TARGET_MS} ms for every sort at {int(largest):,}",
            f"slowest {slowest.removeprefix('table sort ')}: {sorts[slowest]} ms",
            sorts[slowest] < TABLE_SORT_TARGET_MS,
        )
    wrk = results.get("throughput", {})
    if wrk:
        smallest = str(min(sizes))
        base, top = wrk[smallest]["requests_per_s"], wrk[largest]["requests_per_s"]
        if largest != smallest:
            share = top / base if base else 0
            add(
                f"dashboard req/s at {int(largest):,} at least {THROUGHPUT_SHARE:.0%} of "
                f"{int(smallest):,}",
                f"{top:.1f} vs {base:.1f} ({share:.0%})",
                share >= THROUGHPUT_SHARE,
            )
        bad = sum(figures["non_2xx"] for figures in wrk.values())
        add("zero non-2xx responses under load", f"{bad}", bad == 0)
    exports = [row for row in results.get("export", []) if row["download"].endswith(".csv")]
    if exports:
        biggest = max(exports, key=lambda row: row["rows"])
        add(
            f"CSV export at least {EXPORT_TARGET_ROWS_PER_S:,} rows/s",
            f"{biggest['rows_per_s']:,} rows/s ({biggest['download']}, {biggest['rows']:,} rows)",
            biggest["rows_per_s"] >= EXPORT_TARGET_ROWS_PER_S,
        )
        # Exports are read CHUNK_SIZE (2,000) rows at a time, so the peak grows until the
        # first full chunk and must stay put after it: compared between the two largest sizes.
        by_file: dict[str, list[dict]] = {}
        for row in exports:
            by_file.setdefault(row["download"], []).append(row)
        peaks = []
        for file_rows in by_file.values():
            ordered = sorted(file_rows, key=lambda row: row["rows"])
            low, high = ordered[-2] if len(ordered) > 1 else ordered[0], ordered[-1]
            peaks.append((high["peak_mib"], low["peak_mib"], high["rows"], low["rows"]))
        flat = all(high <= low * 1.25 + 0.5 for high, low, _, _ in peaks)
        add(
            "export memory flat as rows grow (past the first 2,000-row chunk)",
            "; ".join(f"{lr:,} rows {lo} MiB -> {hr:,} rows {hi} MiB" for hi, lo, hr, lr in peaks),
            flat,
        )
    spreadsheet = results.get("import")
    if spreadsheet:
        add(
            f"{spreadsheet['rows']:,}-row import, upload to confirm, under "
            f"{IMPORT_TARGET_MS / 1000:.0f} s",
            f"{spreadsheet['total_ms'] / 1000:.1f} s",
            spreadsheet["total_ms"] < IMPORT_TARGET_MS,
        )
    return checks


def table(results: dict) -> str:
    sizes = results["sizes"]
    heads = [f"{size:,} apps" for size in sizes]
    lines = [
        "| page (median ms, queries) | " + " | ".join(heads) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    first = results["pages"][str(sizes[0])]
    for name in first:
        cells = []
        for size in sizes:
            page = results["pages"][str(size)].get(name)
            cells.append(f"{page['ms']} ms ({page['queries']})" if page else "")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    wrk = results.get("throughput")
    if wrk:
        cells = [
            f"{wrk[str(s)]['requests_per_s']:.1f} req/s, {wrk[str(s)]['non_2xx']} non-2xx"
            for s in sizes
        ]
        lines.append("| dashboard under gunicorn + wrk | " + " | ".join(cells) + " |")
    out = ["\n".join(lines)]
    if results.get("import"):
        spreadsheet = results["import"]
        steps = ", ".join(f"{k} {v} ms" for k, v in spreadsheet["steps_ms"].items())
        out.append(
            f"Spreadsheet import of {spreadsheet['rows']:,} rows, upload to confirm: "
            f"{spreadsheet['total_ms'] / 1000:.1f} s ({steps})."
        )
    if results.get("export"):
        rows = [
            "| applications | download | rows | rows/s | total ms | peak MiB |",
            "|---|---|---|---|---|---|",
        ]
        for row in results["export"]:
            rows.append(
                f"| {row['applications']:,} | {row['download']} | {row['rows']:,} | "
                f"{row['rows_per_s']:,} | {row['total_ms']:,} | {row['peak_mib']} |"
            )
        out.append("\n".join(rows))
    if results.get("inbox_poll"):
        rows = [
            "| mailbox messages | poll s | peak MiB | headers | bodies | kept |",
            "|---|---|---|---|---|---|",
        ]
        for row in results["inbox_poll"]:
            rows.append(
                f"| {row['messages']:,} | {row['seconds']} | {row['peak_mib']} | "
                f"{row['headers']} | {row['bodies']} | {row['kept']} |"
            )
        out.append("\n".join(rows))
    checks = ["| target | measured | holds |", "|---|---|---|"]
    for check in results["targets"]:
        checks.append(
            f"| {check['target']} | {check['measured']} | {'yes' if check['holds'] else 'NO'} |"
        )
    out.append("\n".join(checks))
    return "\n\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="100 applications, a few requests")
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--repeats", type=int)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results.json"))
    parser.add_argument("--keep", action="store_true", help="keep the bench databases")
    args = parser.parse_args()
    quick = args.quick
    sizes = args.sizes or ([100] if quick else [100, 1000, 10000])
    repeats = args.repeats or (3 if quick else 15)
    started = time.perf_counter()
    results: dict = {"sizes": sizes, "quick": quick, "pages": {}, "throughput": {}}
    log("collecting static files (gunicorn serves the hashed names)")
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"])
    databases = []
    try:
        for size in sizes:
            database = prepare(size)
            databases.append(database)
            command = [PYTHON, "bench/pages.py", "--email", EMAIL, "--repeats", str(repeats)]
            found = json_lines(run([*command, "--session"], database=database))
            session = next(row["session"] for row in found if "session" in row)
            results["pages"][str(size)] = {
                row["page"]: {k: row[k] for k in ("ms", "queries", "kb")}
                for row in found
                if "page" in row
            }
            log(f"{size}: pages measured")
            results["throughput"][str(size)] = throughput(
                database, session, seconds=2 if quick else 15
            )
            log(f"{size}: {results['throughput'][str(size)]}")
        rows = 500 if quick else 20_000
        results["import"] = json_lines(
            run([PYTHON, "bench/import_upload.py", "--rows", str(rows)], database=databases[0])
        )[0]
        log(f"import: {results['import']}")
        scripts = "rebound_bench_scripts"
        psql(f"DROP DATABASE IF EXISTS test_{scripts}")  # left by a run that was stopped
        export_sizes = ["50", "150"] if quick else ["1000", "10000", "40000"]
        results["export"] = json_lines(
            run([PYTHON, "bench/export_memory.py", "--json", "--keepdb", "--sizes", *export_sizes],
                database=scripts)
        )  # fmt: skip
        log("export measured")
        poll_sizes = ["100"] if quick else ["1000", "10000"]
        results["inbox_poll"] = json_lines(
            run([PYTHON, "bench/inbox_poll.py", "--json", "--keepdb", "--sizes", *poll_sizes],
                database=scripts)
        )  # fmt: skip
        log("mailbox poll measured")
    finally:
        if not args.keep:
            # (The two scripts share one test database, created by the first.)
            for database in [*databases, "test_rebound_bench_scripts"]:
                psql(f"DROP DATABASE IF EXISTS {database}")
    results["targets"] = check_targets(results)
    results["seconds"] = round(time.perf_counter() - started, 1)
    Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"Measured in {results['seconds']} s; figures in {args.json}.")
    if quick:
        # The quick run proves the scripts work; its figures mean little on 100 rows.
        return
    held = sum(check["holds"] for check in results["targets"])
    print(f"{held} of {len(results['targets'])} targets hold on this run.")


if __name__ == "__main__":
    main()
