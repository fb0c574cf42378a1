"""SQLite as `make run` configures it takes two writers at once (two browser tabs): WAL,
a busy timeout and IMMEDIATE transactions, so a transaction that reads and then writes waits
its turn instead of failing with "database is locked".

The writers use their own SQLite file with the settings' SQLITE_OPTIONS, so this runs (and
proves the same settings) whichever database the rest of the suite uses.
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

ALIAS = "concurrency"
ROUNDS = 40


@pytest.fixture(autouse=True)
def _own_sqlite_files(django_db_blocker):
    """These tests open their own SQLite files, never the test database."""
    with django_db_blocker.unblock():
        yield


def _wrapper(path: Path, options: dict) -> DatabaseWrapper:
    settings_dict = {
        **connections["default"].settings_dict,
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": options,
        "TEST": {},
    }
    return DatabaseWrapper(settings_dict, alias=ALIAS)


def _prepare(path: Path) -> None:
    setup = _wrapper(path, settings.SQLITE_OPTIONS)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n integer NOT NULL)")
        cursor.execute("INSERT INTO counter (n) VALUES (0)")
    setup.close()


def _count(path: Path) -> int:
    reader = _wrapper(path, settings.SQLITE_OPTIONS)
    with reader.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        value = cursor.fetchone()[0]
    reader.close()
    return value


def _writer(path: Path, options: dict, errors: list, rounds: int, barrier=None) -> None:
    """Read the counter, pause, write it plus one, in one transaction: a read-then-write
    like every service that checks before it saves."""
    connections[ALIAS] = _wrapper(path, options)  # connections are per thread
    try:
        for _ in range(rounds):
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT n FROM counter")
                value = cursor.fetchone()[0]
                if barrier is not None:
                    barrier.wait(timeout=5)
                time.sleep(0.001)
                cursor.execute("UPDATE counter SET n = %s", [value + 1])
    except OperationalError as error:
        errors.append(error)
    finally:
        connections[ALIAS].close()


def _run_two(path: Path, options: dict, rounds: int, barrier=None) -> list:
    errors: list = []
    threads = [
        threading.Thread(target=_writer, args=(path, options, errors, rounds, barrier))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def test_two_writers_at_once_both_get_through(tmp_path):
    path = tmp_path / "two-tabs.sqlite3"
    _prepare(path)
    errors = _run_two(path, settings.SQLITE_OPTIONS, ROUNDS)
    assert errors == []
    assert _count(path) == 2 * ROUNDS  # every write landed, none lost


def test_without_immediate_transactions_the_same_writes_fail(tmp_path):
    """The control: with SQLite's default (deferred) transactions, two read-then-write
    transactions that overlap cannot both commit, whatever the busy timeout."""
    path = tmp_path / "deferred.sqlite3"
    _prepare(path)
    deferred = {k: v for k, v in settings.SQLITE_OPTIONS.items() if k != "transaction_mode"}
    barrier = threading.Barrier(2)  # both read before either writes
    errors = _run_two(path, deferred, 1, barrier)
    assert errors, "overlapping deferred transactions should have hit 'database is locked'"
    assert "locked" in str(errors[0])
    assert _count(path) == 1


def test_the_sqlite_file_runs_in_wal_mode(tmp_path):
    path = tmp_path / "wal.sqlite3"
    _prepare(path)
    wrapper = _wrapper(path, settings.SQLITE_OPTIONS)
    with wrapper.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == settings.SQLITE_OPTIONS["timeout"] * 1000
    wrapper.close()


@pytest.mark.parametrize("url", [None, "sqlite:////tmp/rebound-settings-check.sqlite3"])
def test_the_settings_give_sqlite_these_options(url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DJANGO_DEBUG"] = "1"
    if url:
        env["DATABASE_URL"] = url
    code = (
        "import config.settings as s; o = s.DATABASES['default']['OPTIONS'];"
        "print(o['transaction_mode'], o['timeout'], 'journal_mode=WAL' in o['init_command'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.split() == ["IMMEDIATE", "20", "True"], result.stderr
