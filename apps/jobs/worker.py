"""The worker process: django-tasks-db's worker loop, kept alive through database restarts,
plus an APScheduler thread that writes the heartbeat and enqueues the periodic tick."""

import contextlib
import datetime
import logging
import os
import socket
import time

from apscheduler.schedulers.background import BackgroundScheduler
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from apps.jobs.services import heartbeat_beat, heartbeat_forget
from apps.jobs.tasks import periodic_tick

log = logging.getLogger("rebound.jobs")

RECONNECT_MAX_SECONDS = 30


def worker_identity() -> tuple[str, str]:
    host = socket.gethostname()
    return host, f"{host}-{os.getpid()}"


class ResilientWorker(Worker):
    """The library's worker, which stops on a database error it does not expect. When the
    database goes away (a restart, a failover) this one waits and carries on."""

    first_delay = 1.0

    def run(self) -> None:
        delay = self.first_delay
        while self.running:
            try:
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                log.warning("Database unavailable (%s); trying again in %s s.", error, delay)
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, RECONNECT_MAX_SECONDS)


def _in_thread(job):
    """Scheduler jobs run in their own thread with their own connection: a broken one is
    closed so the next run reconnects, and trouble is logged, never raised into the thread."""

    def run(*args, **kwargs):
        try:
            job(*args, **kwargs)
        except DatabaseError as error:
            log.warning("Scheduler: database unavailable (%s).", error)
            connection.close()
        except Exception:
            log.exception("Scheduler job %s failed", job.__name__)

    run.__name__ = run.__qualname__ = job.__name__
    return run


def enqueue_tick() -> None:
    """One waiting tick is enough: while the worker is busy (a long restore), ticks do not
    pile up behind it."""
    waiting = DBTaskResult.objects.ready().filter(task_path=periodic_tick.module_path)
    if not waiting.exists():
        periodic_tick.enqueue()


def start_scheduler(*, worker_id: str, host: str) -> BackgroundScheduler:
    started_at = timezone.now()
    scheduler = BackgroundScheduler(timezone=datetime.UTC)
    first = datetime.datetime.now(datetime.UTC)
    scheduler.add_job(
        _in_thread(heartbeat_beat),
        "interval",
        seconds=settings.WORKER_HEARTBEAT_SECONDS,
        kwargs={"worker_id": worker_id, "host": host, "started_at": started_at},
        next_run_time=first,
        coalesce=True,
        max_instances=1,
    )
    scheduler.add_job(
        _in_thread(enqueue_tick),
        "interval",
        seconds=settings.WORKER_TICK_SECONDS,
        next_run_time=first,
        coalesce=True,
        max_instances=1,
    )
    scheduler.start()
    return scheduler


def stop_scheduler(scheduler: BackgroundScheduler, *, worker_id: str) -> None:
    scheduler.shutdown(wait=False)
    with contextlib.suppress(DatabaseError):
        heartbeat_forget(worker_id=worker_id)
