"""Mixed load with the database connections cut, then the integrity check.

Makes a fresh PostgreSQL database, starts gunicorn on it, signs in a few people and has
client threads read pages and write (new applications, moves, rejections, check-ins) for a
while. Meanwhile the database's connections are cut a few times (pg_terminate_backend, as
a database restart or failover would). Prints requests, errors, writes acknowledged against
rows found, and how long each cut took to recover from; then runs
`manage.py check_integrity` on the result. Exits non-zero when a row is missing, a row
appeared that was never acknowledged as more than a lost answer, or a rule is broken.
Not a test: it prints numbers for a person to read.

    .venv/bin/python bench/mixed_load.py --seconds 60 --clients 40 --cuts 3

Needs PostgreSQL on 127.0.0.1:5432 with trust auth for postgres (as CI has it).
"""

import argparse
import collections
import http.cookiejar
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PASSWORD = "bench-mixed-load-passphrase-42"


def run(*args, env, check=True):
    return subprocess.run(
        [PYTHON, *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True
    )


def admin_connect():
    return psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True)


def fresh_database(name: str) -> None:
    with admin_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def cut_connections(name: str) -> int:
    with admin_connect() as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        ).fetchall()
    return len(rows)


class PlainHttpCookies(http.cookiejar.DefaultCookiePolicy):
    """Send the secure cookies (debug is off) over the bench's plain HTTP on loopback."""

    def return_ok_secure(self, cookie, request):
        return True


class Person:
    """One signed-in browser: a cookie jar, and the writes the server acknowledged."""

    def __init__(self, base: str, email: str):
        self.base, self.email = base, email
        self.jar = http.cookiejar.CookieJar(PlainHttpCookies())
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )
        self.applications: list[int] = []
        self.lock = threading.Lock()

    def csrf(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return cookie.value
        return ""

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}).encode()
        req = urllib.request.Request(self.base + path, data=body)
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.headers.get("Location", ""), ""
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), ""

    def sign_up(self) -> None:
        self.request("/accounts/signup/")
        data = {
            "email": self.email,
            "display_name": "Bench",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "timezone": "UTC",
        }
        status, _location, _ = self.request("/accounts/signup/", data)
        assert status == 302, f"sign-up answered {status}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.errors = collections.Counter()
        self.acked = collections.Counter()
        self.unanswered = collections.Counter()  # writes whose answer was lost
        self.failures: list[tuple[float, float]] = []  # (start, end) of 5xx and network errors
        self.rejected: set[int] = set()  # applications whose rejection was acknowledged

    def add(
        self, kind: str, start: float, ok: bool, write: bool, error: str = "", path: str = ""
    ) -> None:
        with self.lock:
            self.requests += 1
            if ok:
                if write:
                    self.acked[kind] += 1
            else:
                self.errors[f"{error} {path}".strip()] += 1
                if not error.startswith("HTTP 4"):
                    self.failures.append((start, time.monotonic()))
                if write:
                    self.unanswered[kind] += 1


def client_loop(person: Person, tally: Tally, stop: float, seed: int) -> None:
    rng = random.Random(seed)
    today = time.strftime("%Y-%m-%d", time.gmtime())
    while time.monotonic() < stop:
        roll = rng.random()
        start = time.monotonic()
        write = True
        try:
            if roll < 0.45:
                write = False
                path = rng.choice(["/", "/applications/", "/applications/board/", "/contacts/"])
                status, _loc, _ = person.request(path)
                kind_path = path
                ok, kind = status == 200, "read"
            elif roll < 0.7 or not person.applications:
                n = rng.randrange(10**9)
                kind_path = "/applications/new/"
                status, loc, _ = person.request(
                    "/applications/new/",
                    {
                        "company_name": f"Company {n % 50}",
                        "role_title": f"Role {n}",
                        "status": "applied",
                        "excitement": "3",
                    },
                )
                ok, kind = status == 302, "application"
                found = re.search(r"/applications/(\d+)/", loc)
                if ok and found:
                    with person.lock:
                        person.applications.append(int(found.group(1)))
            elif roll < 0.85:
                with person.lock:
                    pk = rng.choice(person.applications)
                kind_path = "/applications/<pk>/move/"
                status, _loc, _ = person.request(
                    f"/applications/{pk}/move/", {"status": "screening", "on": today}
                )
                # 200 with a message is the answer when it already moved: not a new row.
                ok, kind = status in (200, 302), "move"
                write = status == 302
            elif roll < 0.95:
                with person.lock:
                    pk = rng.choice(person.applications)
                kind_path = "/rejections/log/<pk>/"
                status, _loc, _ = person.request(
                    f"/rejections/log/{pk}/", {"received_on": today, "stage_reached": "applied"}
                )
                ok, kind = status in (302, 422), "rejection"
                # A second log of one rejection answers like the first: one row, not two.
                write = status == 302 and pk not in tally.rejected
                if write:
                    with tally.lock:
                        tally.rejected.add(pk)
            else:
                kind_path = "/self-care/check-in/"
                status, _loc, _ = person.request(
                    "/self-care/check-in/", {"mood": str(rng.randint(1, 5))}
                )
                ok, kind = status in (200, 302), "checkin"
                write = False  # one per day, updated in place: counted by the check instead
            error = "" if ok else f"HTTP {status}"
            tally.add(kind, start, ok, write, error=error, path=kind_path)
        except (OSError, urllib.error.URLError) as error:
            tally.add("network", start, False, write, error=type(error).__name__)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=40)
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--cuts", type=int, default=3)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8101)
    parser.add_argument("--database", default="rebound_mixed_load")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SIGNUP": "open",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    fresh_database(args.database)
    run("manage.py", "migrate", "--noinput", env=env)
    run("manage.py", "collectstatic", "--noinput", "-v0", env=env)
    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--log-level", "error"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        people = [Person(base, f"bench{n}@example.com") for n in range(args.people)]
        for person in people:
            person.sign_up()

        tally = Tally()
        started = time.monotonic()
        stop = started + args.seconds
        threads = [
            threading.Thread(target=client_loop, args=(people[n % len(people)], tally, stop, n))
            for n in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        cuts = []
        for n in range(1, args.cuts + 1):
            time.sleep(max(0.0, started + n * args.seconds / (args.cuts + 1) - time.monotonic()))
            cuts.append((time.monotonic(), cut_connections(args.database)))
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{args.database}") as conn:

        def count(sql: str) -> int:
            return conn.execute(sql).fetchone()[0]

        written = {
            "application": count("SELECT count(*) FROM applications_application"),
            "move": count(
                "SELECT count(*) FROM applications_statuschange WHERE to_status = 'screening'"
            ),
            "rejection": count("SELECT count(*) FROM rejections_rejection"),
        }

    print(f"{args.clients} clients, {args.workers} gunicorn workers, {elapsed:.0f} s")
    print(f"requests: {tally.requests} ({tally.requests / elapsed:.0f}/s)")
    print(f"errors: {sum(tally.errors.values())} {dict(tally.errors)}")
    problems = 0
    print("writes: acknowledged / answer lost / rows found")
    for kind, rows in written.items():
        acked, lost = tally.acked[kind], tally.unanswered[kind]
        # Rejections also write a move to "rejected", not counted under moves.
        fine = acked <= rows <= acked + lost
        problems += not fine
        print(f"  {kind}: {acked} / {lost} / {rows}{'' if fine else '  <-- MISMATCH'}")
    # A cut's errors: server errors and dropped connections that ended after it and before
    # the next cut. Recovered = when the last of them ended.
    ends = [at for at, _killed in cuts[1:]] + [float("inf")]
    for (at, killed), until in zip(cuts, ends, strict=True):
        hit = [end for _start, end in tally.failures if at <= end < until]
        recovery = (max(hit) - at) if hit else 0.0
        print(
            f"cut at {at - started:.0f} s ({killed} connections): {len(hit)} failed requests, "
            f"recovered in {recovery:.2f} s"
        )
    check = run("manage.py", "check_integrity", env=env, check=False)
    print((check.stdout + check.stderr).strip())
    problems += check.returncode != 0
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
