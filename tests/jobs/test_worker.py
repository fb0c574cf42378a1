"""The worker process: the periodic jobs it runs, surviving the database going away, and the
health check."""

import datetime
import socket
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.models import DBTaskResult

from apps.applications.models import Application
from apps.jobs.models import Heartbeat, JobKind, JobRun, RunStatus
from apps.jobs.tasks import periodic_tick
from apps.jobs.worker import ResilientWorker
from tests.factories import ApplicationFactory, UserFactory

DAY = datetime.timedelta(days=1)


# The worker checks its connection between tasks the way requests do, which closes a
# connection left inside a transaction: tests that run it use real transactions.
worker_db = pytest.mark.django_db(transaction=True)


def run_worker() -> str:
    out = StringIO()
    call_command("run_worker", "--batch", stdout=out)
    return out.getvalue()


@worker_db
def test_the_worker_closes_silent_applications_once_a_day(user, today):
    keen = UserFactory(auto_close_stale=True, stale_after_days=14)
    quiet = ApplicationFactory(owner=keen, status_changed_on=today - 20 * DAY)
    ApplicationFactory(owner=user, status_changed_on=today - 90 * DAY)

    run_worker()
    quiet.refresh_from_db()
    assert quiet.status == "no_response"
    assert Application.objects.filter(owner=user, status="applied").count() == 1
    run = JobRun.objects.get(kind=JobKind.CLOSE_SILENT)
    assert (run.owner, run.status, run.detail) == (keen, RunStatus.DONE, "Closed 1 application.")

    # Another application goes quiet later the same day: the day's run is done already.
    ApplicationFactory(owner=keen, status_changed_on=today - 30 * DAY)
    run_worker()
    assert JobRun.objects.filter(kind=JobKind.CLOSE_SILENT).count() == 1
    assert Application.objects.filter(owner=keen, status="applied").count() == 1


@worker_db
def test_the_worker_clears_expired_sessions_once_a_day():
    expired = SessionStore()
    expired["x"] = 1
    expired.set_expiry(-60)
    expired.create()
    live = SessionStore()
    live["x"] = 1
    live.create()

    run_worker()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    run_worker()
    assert JobRun.objects.filter(kind=JobKind.SESSIONS).count() == 1


@worker_db
def test_the_daily_housekeeping_forgets_old_finished_work_only(user):
    now = timezone.now()
    long_ago = now - datetime.timedelta(days=40)
    old_done = JobRun.objects.create(
        owner=user, kind=JobKind.DIGEST, period="old", status=RunStatus.DONE, started_at=long_ago
    )
    old_running = JobRun.objects.create(
        owner=user, kind=JobKind.DIGEST, period="stuck", started_at=long_ago
    )
    recent = JobRun.objects.create(
        owner=user, kind=JobKind.DIGEST, period="recent", status=RunStatus.DONE, started_at=now
    )
    run_worker()
    run_worker()  # the second tick finds the day's housekeeping already done
    left = set(JobRun.objects.filter(kind=JobKind.DIGEST).values_list("pk", flat=True))
    assert left == {old_running.pk, recent.pk}
    assert not JobRun.objects.filter(pk=old_done.pk).exists()
    assert JobRun.objects.filter(kind=JobKind.SESSIONS, status=RunStatus.DONE).count() == 1


@worker_db
def test_the_worker_reads_mailboxes_every_quarter_hour_unless_switched_off(settings):
    settings.MAILBOX_READING = False
    run_worker()
    assert not JobRun.objects.filter(kind=JobKind.MAILBOX_POLL).exists()

    settings.MAILBOX_READING = True
    base = datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.UTC)
    for minutes in (0, 7, 14, 15):
        periodic_tick.enqueue(at=(base + datetime.timedelta(minutes=minutes)).isoformat())
    run_worker()
    # The batch run adds a tick for the present moment; the four ticks above make two slots.
    polls = JobRun.objects.filter(kind=JobKind.MAILBOX_POLL, period__startswith="2026-01-05")
    assert set(polls.values_list("period", flat=True)) == {"2026-01-05T10:00", "2026-01-05T10:15"}


@worker_db
def test_the_worker_carries_on_when_the_database_goes_away_and_comes_back():
    """The database refuses the worker's first queries, as during a restart."""
    periodic_tick.enqueue()
    refusals = []

    def database_restarting(execute, sql, params, many, context):
        if len(refusals) < 3:
            refusals.append(sql)
            raise OperationalError("the database system is starting up")
        return execute(sql, params, many, context)

    worker = ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.first_delay = 0.01
    with connection.execute_wrapper(database_restarting):
        worker.run()
    assert len(refusals) == 3
    assert DBTaskResult.objects.successful().count() == 1
    assert JobRun.objects.filter(kind=JobKind.SESSIONS, status=RunStatus.DONE).exists()


def _beat(seconds_ago: int, host: str | None = None) -> Heartbeat:
    seen = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    return Heartbeat.objects.create(
        worker_id=f"{host or socket.gethostname()}-1",
        host=host or socket.gethostname(),
        started_at=seen,
        seen_at=seen,
    )


@pytest.mark.django_db
def test_the_health_check_fails_without_a_worker():
    with pytest.raises(CommandError, match="No worker on"):
        call_command("worker_status", "--check")


@pytest.mark.django_db
def test_the_health_check_fails_when_the_heartbeat_is_old(settings):
    settings.WORKER_STALE_AFTER_SECONDS = 120
    _beat(seconds_ago=300)
    with pytest.raises(CommandError):
        call_command("worker_status", "--check")


@pytest.mark.django_db
def test_the_health_check_passes_with_a_fresh_heartbeat_on_this_host():
    _beat(seconds_ago=5, host="elsewhere")
    with pytest.raises(CommandError):
        call_command("worker_status", "--check")
    call_command("worker_status", "--check", "--any-host", stdout=StringIO())
    _beat(seconds_ago=5)
    out = StringIO()
    call_command("worker_status", "--check", stdout=out)
    assert "Worker is alive." in out.getvalue()


def test_the_status_shows_what_failed(user):
    JobRun.objects.create(
        owner=user,
        kind=JobKind.DIGEST,
        period="2026-11-27",
        status=RunStatus.FAILED,
        attempts=3,
        detail="Gave up after 3 tries. SMTPServerDisconnected: gone",
        started_at=timezone.now(),
    )
    out = StringIO()
    call_command("worker_status", stdout=out)
    assert f"FAILED digest for person {user.pk} (2026-11-27), try 3" in out.getvalue()
    assert "SMTPServerDisconnected: gone" in out.getvalue()


def _second_tick_queries(people: int) -> int:
    from django.test.utils import CaptureQueriesContext

    from apps.jobs.periodic import close_silent_applications

    UserFactory.create_batch(people, auto_close_stale=True)
    now = timezone.now()
    close_silent_applications(now=now)
    with CaptureQueriesContext(connection) as queries:
        close_silent_applications(now=now)
    JobRun.objects.all().delete()
    get_user_model().objects.filter(auto_close_stale=True).delete()
    return len(queries)


@pytest.mark.django_db
def test_a_later_tick_skips_people_already_served_without_asking_about_each():
    assert _second_tick_queries(3) == _second_tick_queries(6)
