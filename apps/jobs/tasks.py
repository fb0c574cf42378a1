"""The tasks the worker runs (Django's tasks framework, through the django-tasks backport)."""

import datetime

from django_tasks import task

from apps.jobs.periodic import run_due_work


@task()
def periodic_tick(at: str | None = None) -> None:
    """Enqueued by each worker's scheduler every WORKER_TICK_SECONDS. `at` (ISO 8601) lets
    a test or an operator run the work as if it were another moment."""
    run_due_work(now=datetime.datetime.fromisoformat(at) if at else None)
