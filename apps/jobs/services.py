"""Claiming, finishing and failing periodic work; the worker's heartbeat."""

import datetime
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks_db.utils import is_locked_database_exception

from apps.jobs.models import Heartbeat, JobRun, RunStatus

log = logging.getLogger("rebound.jobs")

LOCKED_TRIES = 20
T = TypeVar("T")
DETAIL_MAX = JobRun._meta.get_field("detail").max_length


def _patiently(write: Callable[[], T]) -> T:
    """SQLite can answer "locked" instead of waiting while another worker holds the write
    lock; that is worth a short wait, not a failure."""
    for attempt in range(LOCKED_TRIES):
        try:
            return write()
        except OperationalError as error:
            if not is_locked_database_exception(error) or attempt == LOCKED_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


def job_claim(*, kind: str, period: str, owner=None) -> JobRun | None:
    return _patiently(lambda: _claim(kind=kind, period=period, owner=owner))


def _claim(*, kind: str, period: str, owner=None) -> JobRun | None:
    """Claim one piece of work, or answer None when it is not ours to do.

    The first claim inserts the row; the unique index turns a second worker's insert into a
    read of the existing row (get_or_create handles that race). An existing row is taken
    over only when it failed and has tries left, by a conditional UPDATE: when two workers
    race for the same retry, the database lets exactly one of them change the row.
    """
    now = timezone.now()
    with transaction.atomic():
        run, created = JobRun.objects.get_or_create(
            owner=owner, kind=kind, period=period, defaults={"started_at": now}
        )
    if created:
        return run
    taken = JobRun.objects.filter(
        pk=run.pk, status=RunStatus.FAILED, attempts__lt=settings.WORKER_MAX_ATTEMPTS
    ).update(status=RunStatus.RUNNING, attempts=F("attempts") + 1, started_at=now, detail="")
    if not taken:
        return None
    run.refresh_from_db()
    return run


def job_finish(*, run: JobRun, detail: str = "", status: str = RunStatus.DONE) -> JobRun:
    run.status = status
    run.detail = detail[:DETAIL_MAX]
    run.finished_at = timezone.now()
    _patiently(lambda: run.save(update_fields=["status", "detail", "finished_at"]))
    return run


def job_fail(*, run: JobRun, error: BaseException) -> JobRun:
    detail = f"{type(error).__name__}: {error}"
    if run.attempts >= settings.WORKER_MAX_ATTEMPTS:
        detail = f"Gave up after {run.attempts} tries. {detail}"
    return job_finish(run=run, detail=detail, status=RunStatus.FAILED)


def job_run_once(
    *, kind: str, period: str, work: Callable[[], str | None], owner=None
) -> str | None:
    """Do `work` once for this kind, person and period, however many workers try.

    `work` returns a short note for the operator, or None when there was nothing to do.
    A failure is logged with its traceback, kept on the row for `worker_status`, and tried
    again on a later tick until WORKER_MAX_ATTEMPTS. Answers the row's final status, or
    None when another worker (or an earlier tick) has it.
    """
    run = job_claim(kind=kind, period=period, owner=owner)
    if run is None:
        return None
    try:
        note = work()
    except Exception as error:
        log.exception(
            "Job %s for %s (%s) failed on try %s", kind, owner or "everyone", period, run.attempts
        )
        return job_fail(run=run, error=error).status
    status = RunStatus.SKIPPED if note is None else RunStatus.DONE
    return job_finish(run=run, detail=note or "", status=status).status


def heartbeat_beat(*, worker_id: str, host: str, started_at: datetime.datetime) -> None:
    Heartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": host, "started_at": started_at, "seen_at": timezone.now()},
    )


def heartbeat_forget(*, worker_id: str) -> None:
    Heartbeat.objects.filter(worker_id=worker_id).delete()


def job_runs_prune(*, before: datetime.datetime) -> int:
    """Forget finished claims that started before `before`. Running ones stay: they are
    still someone's work."""
    finished = JobRun.objects.filter(started_at__lt=before).exclude(status=RunStatus.RUNNING)
    deleted, _ = finished.delete()
    return deleted
