"""A large restore through the background path, as the restore page hands it over: the
export is stored, the worker's task runs it, and the page's progress row is read from a
second connection every half second, the way the progress bar's requests read it. Prints
the samples (status and rows checked) and the total time. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench \\
        .venv/bin/python bench/background_restore.py --applications 12500

About 8 rows per application are seeded (histories, interviews, plans, contacts...), so
12,500 applications make an export of roughly 100,000 rows.
"""

import argparse
import random
import threading
import time

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
from apps.exports.models import BackgroundRestore  # noqa: E402
from apps.exports.restore import manifest_rows  # noqa: E402
from apps.exports.services import background_restore_run, background_restore_start  # noqa: E402


def watch(run_id: int, stop: threading.Event, samples: list) -> None:
    """What the progress page would show, read from its own connection."""
    started = time.perf_counter()
    try:
        while not stop.is_set():
            run = BackgroundRestore.objects.get(pk=run_id)
            samples.append(
                (time.perf_counter() - started, run.status, run.checked_rows, run.saved_rows)
            )
            if run.finished:
                return
            time.sleep(0.5)
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--applications", type=int, default=12_500)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}")
        source = User.objects.create_user("source@example.com", "bench-password-123")
        started = time.perf_counter()
        seed_everything(source, applications=args.applications, rng=random.Random(1))
        rows = sum(d.queryset(source).count() for d in DATASETS)
        print(f"seeded {rows:,} rows in {time.perf_counter() - started:.1f} s")
        client = Client()
        client.force_login(source)
        data = b"".join(client.get(reverse("exports:everything")).streaming_content)
        print(f"all.zip: {len(data) / (1024 * 1024):.1f} MiB")

        owner = User.objects.create_user("restored@example.com", "bench-password-123")
        upload = SimpleUploadedFile("all.zip", data)
        run = background_restore_start(owner=owner, upload=upload, total_rows=manifest_rows(upload))
        stop, samples = threading.Event(), []
        watcher = threading.Thread(target=watch, args=(run.pk, stop, samples))
        watcher.start()
        started = time.perf_counter()
        background_restore_run(run_id=run.pk)
        elapsed = time.perf_counter() - started
        watcher.join(timeout=5)
        stop.set()
        run.refresh_from_db()
        print(f"restore: {run.status}, {run.restored_rows:,} rows in {elapsed:.1f} s")
        print("progress the page saw (seconds, status, rows checked, rows saved):")
        for at, status, checked, saved in samples[:: max(1, len(samples) // 15)] + samples[-1:]:
            print(f"  {at:6.1f}  {status:<9}{checked:>9,}{saved:>9,}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
