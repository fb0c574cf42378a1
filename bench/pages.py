"""In-process page timings and query counts for one person in an already seeded database.

Signs in as the person through Django's test client (no network), requests each page
`--repeats` times and prints one JSON object per page: median milliseconds, queries, bytes.
`bench/run.py` (make bench) runs it once per database size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench_10000 \\
        .venv/bin/python bench/pages.py --email bench@example.com --repeats 15
"""

import argparse
import json
import statistics
import sys
import time

import django_setup

django_setup.start()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.applications.selectors import SORTS  # noqa: E402
from apps.rejections.models import Rejection  # noqa: E402


def pages(user) -> list[tuple[str, str]]:
    newest = Rejection.objects.for_user(user).order_by("-received_on", "-id").first()
    table = reverse("applications:list")
    found = [
        ("dashboard", reverse("dashboard:home")),
        ("plan panel", reverse("rejections:plan_panel")),
        ("whole plan", reverse("rejections:detail", kwargs={"pk": newest.pk}) if newest else ""),
        ("board", reverse("applications:board")),
        ("contacts", reverse("contacts:list")),
        ("table", table),
        ("table search", f"{table}?q=engineer"),
    ]
    found += [(f"table sort {key}", f"{table}?sort={key}") for key in SORTS]
    found += [
        ("rejections list", reverse("rejections:list")),
        ("rejection insights", reverse("rejections:insights")),
    ]
    return [(name, url) for name, url in found if url]


def measure(client: Client, url: str, repeats: int) -> dict:
    timings, cpu = [], []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            cpu.append((time.process_time() - started_cpu) * 1000)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return {
        "ms": round(statistics.median(timings), 2),
        # This process's CPU time (Python, templates, the driver): the machine's load
        # disturbs it much less than wall time. The database server's time is not in it.
        "cpu_ms": round(statistics.median(cpu), 2),
        "queries": len(captured),
        "kb": round(len(response.content) / 1024, 1),
    }


def profile(client: Client, url: str, repeats: int) -> None:
    import cProfile
    import pstats

    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--email", required=True)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--only", nargs="*", help="page names to measure (default: all)")
    parser.add_argument("--session", action="store_true", help="print a signed-in session key")
    parser.add_argument(
        "--profile", metavar="PAGE", help="print a cProfile of one page (by name) instead"
    )
    args = parser.parse_args()
    setup_test_environment()
    user = User.objects.get(email=args.email)
    client = Client()
    client.force_login(user)
    if args.profile:
        profile(client, dict(pages(user))[args.profile], args.repeats)
        return
    for name, url in pages(user):
        if args.only and name not in args.only:
            continue
        client.get(url)  # warm the caches (templates, connection) before timing
        print(json.dumps({"page": name, "url": url, **measure(client, url, args.repeats)}))
    if args.session:
        # A signed-in session for load tests over HTTP (bench/run.py's wrk run).
        print(json.dumps({"session": client.cookies[settings.SESSION_COOKIE_NAME].value}))


if __name__ == "__main__":
    main()
