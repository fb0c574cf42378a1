"""The periodic work, looked for on every tick of the worker's scheduler.

Each piece of work is claimed through `job_run_once`, so a tick can run as often as it likes
and on as many workers as are running: the work for one person and period happens once.
"""

import datetime
import importlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.applications.services import applications_close_stale
from apps.core.dates import user_zone
from apps.inbox.services import mailboxes_poll
from apps.jobs.models import JobKind
from apps.jobs.services import job_run_once

log = logging.getLogger("rebound.jobs")

# Mailboxes are read at most this often, whatever the tick.
MAILBOX_POLL_MINUTES = 15


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def close_silent_applications(*, now: datetime.datetime) -> None:
    """Once a day per person (their own date), for those who turned automatic closing on."""
    people = get_user_model().objects.filter(auto_close_stale=True, is_active=True)
    for person in people.order_by("pk").iterator():
        today = timezone.localdate(now, timezone=user_zone(person))

        def work(person=person, today=today) -> str | None:
            closed = applications_close_stale(owner=person, today=today)
            return f"Closed {_plural(closed, 'application')}." if closed else None

        job_run_once(kind=JobKind.CLOSE_SILENT, period=today.isoformat(), owner=person, work=work)


def clear_expired_sessions(*, now: datetime.datetime) -> None:
    """Once a UTC day: what `manage.py clearsessions` does."""

    def work() -> str:
        engine = importlib.import_module(settings.SESSION_ENGINE)
        engine.SessionStore.clear_expired()
        return "Expired sessions cleared."

    job_run_once(kind=JobKind.SESSIONS, period=now.date().isoformat(), work=work)


def poll_mailboxes(*, now: datetime.datetime) -> None:
    """Every MAILBOX_POLL_MINUTES: read the connected mailboxes (apps/inbox)."""
    if not settings.MAILBOX_READING:
        return
    slot = now.replace(
        minute=now.minute - now.minute % MAILBOX_POLL_MINUTES, second=0, microsecond=0
    )

    def work() -> str | None:
        created = mailboxes_poll()
        return f"{_plural(created, 'new suggestion')}." if created else None

    job_run_once(kind=JobKind.MAILBOX_POLL, period=slot.strftime("%Y-%m-%dT%H:%M"), work=work)


PERIODIC = [close_silent_applications, clear_expired_sessions, poll_mailboxes]


def run_due_work(*, now: datetime.datetime | None = None) -> None:
    """Everything that is due at `now`. One job's trouble does not stop the others."""
    now = now or timezone.now()
    for job in PERIODIC:
        try:
            job(now=now)
        except Exception:
            log.exception("Periodic job %s stopped early", job.__name__)
