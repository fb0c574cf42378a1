"""The periodic work, looked for on every tick of the worker's scheduler.

Each piece of work is claimed through `job_run_once`, so a tick can run as often as it likes
and on as many workers as are running: the work for one person and period happens once.
"""

import datetime
import importlib
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from apps.applications.selectors import interviews_due_for_reminders
from apps.applications.services import applications_close_stale
from apps.core.dates import user_zone
from apps.inbox.services import mailboxes_poll
from apps.jobs.emails import digest_content, digest_send, reminder_send
from apps.jobs.models import JobKind
from apps.jobs.selectors import settled_claims
from apps.jobs.services import job_run_once, job_runs_prune

log = logging.getLogger("rebound.jobs")

# Mailboxes are read at most this often, whatever the tick.
MAILBOX_POLL_MINUTES = 15


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def close_silent_applications(*, now: datetime.datetime) -> None:
    """Once a day per person (their own date), for those who turned automatic closing on."""
    people = get_user_model().objects.filter(auto_close_stale=True, is_active=True)
    # Somewhere on Earth it is yesterday, today or tomorrow in UTC terms.
    local_days = {
        (now + datetime.timedelta(days=offset)).date().isoformat() for offset in (-1, 0, 1)
    }
    settled = settled_claims(kind=JobKind.CLOSE_SILENT, periods=local_days)
    for person in people.order_by("pk").iterator():
        today = timezone.localdate(now, timezone=user_zone(person))
        if (person.pk, today.isoformat()) in settled:
            continue

        def work(person=person, today=today) -> str | None:
            closed = applications_close_stale(owner=person, today=today)
            return f"Closed {_plural(closed, 'application')}." if closed else None

        job_run_once(kind=JobKind.CLOSE_SILENT, period=today.isoformat(), owner=person, work=work)


# Finished background tasks and claims are kept this long for the operator to look at;
# a claim is only ever asked about for its own day, week or interview.
KEEP_FINISHED_DAYS = 30


def clear_expired_sessions(*, now: datetime.datetime) -> None:
    """Once a UTC day: what `manage.py clearsessions` does, and the worker's own
    housekeeping (finished task results and old claims), so neither table grows forever."""

    def work() -> str:
        engine = importlib.import_module(settings.SESSION_ENGINE)
        engine.SessionStore.clear_expired()
        call_command(
            "prune_db_task_results", queue_name="*", min_age_days=KEEP_FINISHED_DAYS, verbosity=0
        )
        job_runs_prune(before=now - datetime.timedelta(days=KEEP_FINISHED_DAYS))
        return "Expired sessions cleared; old task results and claims pruned."

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


def digest_period(*, person, now: datetime.datetime) -> str | None:
    """The digest slot `now` falls in for this person, or None when it is not their hour.
    Daily: their local date; weekly: the ISO week, on Mondays. Computed from their own
    timezone, so it follows daylight-saving changes and any offset."""
    local = timezone.localtime(now, user_zone(person))
    if local.hour != person.digest_hour:
        return None
    if person.digest == "weekly":
        if local.weekday() != 0:
            return None
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    return local.date().isoformat()


def send_digests(*, now: datetime.datetime) -> None:
    people = get_user_model().objects.filter(is_active=True).exclude(digest="off")
    for person in people.order_by("pk").iterator():
        period = digest_period(person=person, now=now)
        if period is None or person.is_resting_on(
            timezone.localtime(now, user_zone(person)).date()
        ):
            continue

        def work(person=person) -> str | None:
            content = digest_content(person=person, now=now)
            if content.empty:
                return None
            digest_send(content=content)
            return "Sent."

        job_run_once(kind=JobKind.DIGEST, period=period, owner=person, work=work)


def _reminder_period(interview) -> str:
    return f"interview-{interview.pk}-{interview.scheduled_at:%Y%m%dT%H%M}"


def send_interview_reminders(*, now: datetime.datetime) -> None:
    """Each interview once, when it is the person's chosen number of hours away (or less,
    for one booked at short notice). A moved interview is a new time: it is reminded again."""
    interviews = interviews_due_for_reminders(now=now)
    periods = {interview: _reminder_period(interview) for interview in interviews}
    settled = settled_claims(kind=JobKind.REMINDER, periods=periods.values())
    for interview, period in periods.items():
        person = interview.owner
        if (person.pk, period) in settled or person.is_resting_on(
            timezone.localtime(now, user_zone(person)).date()
        ):
            continue

        def work(interview=interview) -> str:
            reminder_send(interview=interview)
            return "Sent."

        job_run_once(kind=JobKind.REMINDER, period=period, owner=person, work=work)


PERIODIC = [
    send_interview_reminders,
    send_digests,
    close_silent_applications,
    clear_expired_sessions,
    poll_mailboxes,
]


def run_due_work(*, now: datetime.datetime | None = None) -> None:
    """Everything that is due at `now`. One job's trouble does not stop the others."""
    now = now or timezone.now()
    for job in PERIODIC:
        try:
            job(now=now)
        except Exception:
            log.exception("Periodic job %s stopped early", job.__name__)
