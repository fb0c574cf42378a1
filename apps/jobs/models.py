"""What the worker remembers: one row per piece of work done for a person (or for everyone)
in a period, and one heartbeat per running worker.

The uniqueness rule on JobRun is what makes two workers safe: the second one to claim the
same kind, person and period hits the database's unique index and leaves the work alone.
"""

from django.conf import settings
from django.db import models


class JobKind(models.TextChoices):
    CLOSE_SILENT = "close_silent", "Close silent applications"
    SESSIONS = "sessions", "Clear expired sessions"
    MAILBOX_POLL = "mailbox_poll", "Read connected mailboxes"
    DIGEST = "digest", "Digest email"
    REMINDER = "reminder", "Interview reminder"


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Nothing to do"


class JobRun(models.Model):
    """One claim on a piece of periodic work. `period` names the slot: a local date for a
    daily digest, an ISO week for a weekly one, an interview and its time for a reminder,
    a UTC date or hour for the jobs that run for everyone (owner empty)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="job_runs",
    )
    kind = models.CharField(max_length=20, choices=JobKind.choices)
    period = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    attempts = models.PositiveSmallIntegerField(default=1)
    detail = models.CharField(max_length=500, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "period"],
                condition=models.Q(owner__isnull=False),
                name="jobs_jobrun_once_per_person_and_period",
            ),
            models.UniqueConstraint(
                fields=["kind", "period"],
                condition=models.Q(owner__isnull=True),
                name="jobs_jobrun_once_per_period",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=JobKind.values),
                name="jobs_jobrun_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RunStatus.values),
                name="jobs_jobrun_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["status", "-started_at"], name="jobs_jobrun_status_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} ({self.status})"


class Heartbeat(models.Model):
    """Written by each running worker every few seconds; the health check reads it."""

    worker_id = models.CharField(max_length=100, unique=True)
    host = models.CharField(max_length=255)
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.worker_id} seen {self.seen_at:%Y-%m-%d %H:%M:%S}"
