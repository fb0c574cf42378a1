"""Time and memory of reading a mailbox as it grows.

Starts a throwaway Dovecot on loopback (the same harness as the tests), fills one Maildir
with N messages (one in a thousand about the search, the rest everyday mail), connects a
person's mailbox in a throwaway test database and polls it once. Prints the time of the
poll, the peak Python memory during it (tracemalloc, measured in a second, separate poll
of a fresh copy so the timing is not slowed by tracing), how many headers and bodies were
read and the suggestions made. Flat memory across sizes is the point. Not a test.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench \
        .venv/bin/python bench/inbox_poll.py --sizes 1000 10000
"""

import argparse
import json
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import django_setup

django_setup.start(DJANGO_MAILBOX_KEY="7rL0m1M4Xr8cV8xg1YQn6Zb2qkq5J9cVt3Xb0m0b8xg=")

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.inbox import services  # noqa: E402
from apps.inbox.models import Mailbox  # noqa: E402
from tests.inbox.corpus import SAMPLES  # noqa: E402
from tests.inbox.dovecot import Dovecot  # noqa: E402

SAMPLE = {sample.name: sample for sample in SAMPLES}


def fill(server: Dovecot, size: int):
    account = server.add_user()
    for n in range(size):
        sample = SAMPLE["rej_greenhouse_plain" if n % 1000 == 0 else "trap_shop"]
        account.deliver(sample.as_bytes(message_id=f"bench-{n}"))
    account.hand_over()
    return account


def poll(person, account, *, traced: bool):
    Mailbox.objects.filter(owner=person).delete()
    mailbox = services.mailbox_save(
        owner=person, host="127.0.0.1", port=account.server.port, security="none",
        username=account.name, password=account.password, folder="INBOX", since=None,
        enabled=True,
    )  # fmt: skip
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    result = services.mailbox_poll(mailbox=mailbox)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    if traced:
        tracemalloc.stop()
    return result, elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument(
        "--keepdb", action="store_true", help="reuse and keep the test database (bench/run.py)"
    )
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keepdb)
    root = Path(tempfile.mkdtemp(prefix="rebound-dovecot-bench-"))
    server = Dovecot(root)
    server.start()
    try:
        columns = ("messages", 9), ("seconds", 8), ("peak MiB", 9), ("headers", 8), ("bodies", 7)
        if not args.json:
            print(" ".join(f"{name:>{width}}" for name, width in columns), f"{'kept':>5}")
        for n, size in enumerate(args.sizes):
            person = User.objects.create_user(f"bench{n}@example.com", "x")
            account = fill(server, size)
            result, elapsed, _ = poll(person, account, traced=False)
            Mailbox.objects.filter(owner=person).delete()
            person.delete()
            person = User.objects.create_user(f"bench{n}b@example.com", "x")
            _, _, peak = poll(person, account, traced=True)
            if args.json:
                print(json.dumps({
                    "messages": size, "seconds": round(elapsed, 2),
                    "peak_mib": round(peak / 2**20, 2), "headers": result.headers_read,
                    "bodies": result.bodies_read, "kept": result.created,
                }))  # fmt: skip
                continue
            print(
                f"{size:>9} {elapsed:>8.2f} {peak / 2**20:>9.1f} {result.headers_read:>8} "
                f"{result.bodies_read:>7} {result.created:>5}"
            )
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keepdb)


if __name__ == "__main__":
    main()
