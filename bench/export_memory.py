"""Memory and time of the streaming exports as one person's data grows.

Seeds demo people with N applications (and everything seed_demo writes with them) into a
throwaway test database, then downloads applications.csv, status-history.csv and all.zip
through the test client, reading the stream to the end the way a browser would. Prints the
peak Python memory while streaming (tracemalloc), the time to the first bytes and to the
last, and the size. Flat peak memory across sizes is the point. With --restore it also
restores the all.zip into a fresh account (check, then write) and prints the same. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench \
        .venv/bin/python bench/export_memory.py --sizes 1000 100000 [--restore]
"""

import argparse
import json
import random
import time
import tracemalloc

import django_setup

django_setup.start()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.demo.seed import seed_everything  # noqa: E402
from apps.exports.datasets import DATASETS  # noqa: E402
from apps.exports.restore import read_bundle  # noqa: E402
from apps.exports.services import restore_everything  # noqa: E402

DOWNLOADS = [
    ("applications.csv", lambda: reverse("exports:dataset", kwargs={"dataset": "applications"})),
    (
        "status-history.csv",
        lambda: reverse("exports:dataset", kwargs={"dataset": "status-history"}),
    ),
    ("all.zip", lambda: reverse("exports:everything")),
]


def download(client: Client, url: str) -> tuple[float, float, int]:
    """(ms to the first bytes, ms to the end, bytes), reading the stream to its end."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    first = None
    size = 0
    for chunk in response.streaming_content:
        if first is None:
            first = time.perf_counter()
        size += len(chunk)  # read and dropped, as a browser writing to disk would
    ended = time.perf_counter()
    response.close()
    return (first - started) * 1000, (ended - started) * 1000, size


def measure(client: Client, url: str) -> tuple[float, float, int, float]:
    """Times from an untraced download (tracing slows Python down several times), then the
    peak MiB Python allocated during a second, traced one."""
    first_ms, total_ms, size = download(client, url)
    tracemalloc.start()
    download(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return first_ms, total_ms, size, peak / (1024 * 1024)


def restore_into_new_account(data: bytes, email: str) -> tuple[float, int]:
    owner = User.objects.create_user(email, "bench-password-123")
    started = time.perf_counter()
    with read_bundle(SimpleUploadedFile("all.zip", data), owner=owner) as bundle:
        counts = restore_everything(owner=owner, bundle=bundle)
    return (time.perf_counter() - started) * 1000, sum(counts.values())


def measure_restore(client: Client, size: int) -> None:
    response = client.get(reverse("exports:everything"))
    data = b"".join(response.streaming_content)
    total_ms, rows = restore_into_new_account(data, f"restored{size}@example.com")
    tracemalloc.start()
    restore_into_new_account(data, f"traced{size}@example.com")
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{size:>12}  {'restore all.zip':<20}{rows:>9,}{'':>10}{total_ms:>10.0f}"
        f"{len(data) / (1024 * 1024):>9.1f}{peak / (1024 * 1024):>10.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--restore", action="store_true", help="also time a full restore")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--keepdb", action="store_true", help="reuse and keep the test database (bench/run.py)"
    )
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keepdb)
    try:
        if not args.json:
            print(f"database: {connection.vendor}")
            print(
                f"{'applications':>12}  {'download':<20}{'rows':>9}{'first ms':>10}"
                f"{'total ms':>10}{'MiB file':>9}{'peak MiB':>10}"
            )
        for size in args.sizes:
            user = User.objects.create_user(f"bench{size}@example.com", "bench-password-123")
            started = time.perf_counter()
            seed_everything(user, applications=size, rng=random.Random(size))
            seeded = time.perf_counter() - started
            rows = {d.file_name: d.queryset(user).count() for d in DATASETS}
            if not args.json:
                print(f"{size:>12}  seeded {sum(rows.values()):,} rows in {seeded:.1f}s")
            client = Client()
            client.force_login(user)
            for name, url in DOWNLOADS:
                first_ms, total_ms, size_bytes, peak = measure(client, url())
                count = sum(rows.values()) if name == "all.zip" else rows[name]
                if args.json:
                    print(json.dumps({
                        "applications": size, "download": name, "rows": count,
                        "first_ms": round(first_ms, 1), "total_ms": round(total_ms),
                        "rows_per_s": round(count / (total_ms / 1000)),
                        "mib": round(size_bytes / 2**20, 2), "peak_mib": round(peak, 2),
                    }))  # fmt: skip
                    continue
                print(
                    f"{size:>12}  {name:<20}{count:>9,}{first_ms:>10.1f}{total_ms:>10.0f}"
                    f"{size_bytes / (1024 * 1024):>9.1f}{peak:>10.1f}"
                )
            if args.restore:
                measure_restore(client, size)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keepdb)


if __name__ == "__main__":
    main()
