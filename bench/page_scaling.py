"""How the main pages scale with the size of one person's data.

Seeds demo people with N applications (and everything seed_demo writes with them) into a
throwaway test database, then requests each page several times and prints the median time
and the number of queries. Not a test: it prints numbers for a person to read.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench \
        .venv/bin/python bench/page_scaling.py --sizes 100 1000 10000
"""

import argparse
import random
import statistics
import time

import django_setup

django_setup.start()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.demo.seed import seed_everything  # noqa: E402

PAGES = [
    ("dashboard", lambda: reverse("dashboard:home")),
    ("applications table", lambda: reverse("applications:list")),
    ("applications search", lambda: reverse("applications:list") + "?q=engineer&sort=company"),
    ("board", lambda: reverse("applications:board")),
    ("rejections list", lambda: reverse("rejections:list")),
    ("rejection insights", lambda: reverse("rejections:insights")),
]


def measure(client: Client, url: str, repeats: int) -> tuple[float, int]:
    timings = []
    queries = 0
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(timings), queries


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}")
        print(f"{'applications':>12}  {'page':<22}{'median ms':>10}{'queries':>9}")
        for size in args.sizes:
            user = User.objects.create_user(f"bench{size}@example.com", "bench-password-123")
            started = time.perf_counter()
            summaries = seed_everything(user, applications=size, rng=random.Random(size))
            seeded = time.perf_counter() - started
            print(f"{size:>12}  seeded in {seeded:.1f}s: {'; '.join(summaries)}")
            client = Client()
            client.force_login(user)
            for name, url in PAGES:
                median_ms, queries = measure(client, url(), args.repeats)
                print(f"{size:>12}  {name:<22}{median_ms:>10.1f}{queries:>9}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
