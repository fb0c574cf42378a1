"""What the operator sees about the worker: heartbeats, failures and the queue."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.jobs.models import Heartbeat, JobRun, RunStatus


@dataclass(frozen=True)
class WorkerStatus:
    heartbeats: list[Heartbeat]
    fresh_since: datetime.datetime
    failed_runs: list[JobRun]
    failed_tasks: list[DBTaskResult]
    queued: int

    def fresh(self, *, host: str | None = None) -> list[Heartbeat]:
        return [
            beat
            for beat in self.heartbeats
            if beat.seen_at >= self.fresh_since and (host is None or beat.host == host)
        ]


def recent_failures(*, since: datetime.datetime) -> QuerySet[JobRun]:
    return JobRun.objects.filter(status=RunStatus.FAILED, started_at__gte=since).select_related(
        "owner"
    )


def worker_status(*, now: datetime.datetime | None = None, limit: int = 10) -> WorkerStatus:
    now = now or timezone.now()
    day_ago = now - datetime.timedelta(days=1)
    return WorkerStatus(
        heartbeats=list(Heartbeat.objects.order_by("-seen_at")),
        fresh_since=now - datetime.timedelta(seconds=settings.WORKER_STALE_AFTER_SECONDS),
        failed_runs=list(recent_failures(since=day_ago)[:limit]),
        failed_tasks=list(
            DBTaskResult.objects.failed()
            .filter(finished_at__gte=day_ago)
            .order_by("-finished_at")[:limit]
        ),
        queued=DBTaskResult.objects.ready().count(),
    )


def settled_claims(*, kind: str, periods) -> set[tuple[int | None, str]]:
    """(owner id, period) of the claims of this kind that no tick needs to try again: done,
    skipped, running elsewhere, or failed with no tries left. One query, so a tick skips the
    people it has already served instead of asking the database about each one."""
    rows = (
        JobRun.objects.filter(kind=kind, period__in=list(periods))
        .exclude(status=RunStatus.FAILED, attempts__lt=settings.WORKER_MAX_ATTEMPTS)
        .values_list("owner_id", "period")
    )
    return set(rows)
