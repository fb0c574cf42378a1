from django.db import models

from apps.core.models import OwnedModel


class PendingImport(OwnedModel):
    """A spreadsheet between its upload and the person's "import": the parsed cells and the
    column choices, kept on the server so what gets written never comes from the browser.
    Reached through a random token; deleted once imported, and after a day regardless."""

    token = models.CharField(max_length=64, unique=True)
    file_name = models.CharField(max_length=255, blank=True)
    # {"header": [...], "rows": [[...], ...], "numbers": [...], "delimiter": ",", "encoding": "..."}
    sheet = models.JSONField()
    # The column choices from the mapping step, empty until then.
    mapping = models.JSONField(default=dict, blank=True)
    # The rows as that mapping reads them (values and problems, ImportRow.as_json), worked
    # out once when the mapping is saved: the preview and the import read them from here
    # instead of reading every cell again.
    rows = models.JSONField(default=list, blank=True)
    # Set once, under a lock, when the rows are imported (the cells are then let go): a
    # second "import" click finds these and shows the first one's result.
    imported_at = models.DateTimeField(null=True, blank=True)
    imported_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    # A large import is confirmed in the background worker: when it was handed over, with
    # which choice, and why it was refused if it was (nothing written then).
    queued_at = models.DateTimeField(null=True, blank=True)
    valid_only = models.BooleanField(default=False)
    failure = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import of {self.file_name or 'a spreadsheet'}"


class RestoreStatus(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    CHECKING = "checking", "Checking"
    SAVING = "saving", "Saving"
    DONE = "done", "Restored"
    FAILED = "failed", "Nothing restored"


class BackgroundRestore(OwnedModel):
    """A large restore handed to the background worker: the uploaded archive until it has
    been read, then how far the check got and what came of it. The page polls this row."""

    status = models.CharField(
        max_length=10, choices=RestoreStatus.choices, default=RestoreStatus.QUEUED
    )
    file_name = models.CharField(max_length=255, blank=True)
    archive = models.BinaryField(blank=True, default=b"")
    total_rows = models.PositiveIntegerField(default=0)  # what the manifest says
    checked_rows = models.PositiveIntegerField(default=0)
    saved_rows = models.PositiveIntegerField(default=0)  # shown on PostgreSQL only
    counts = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RestoreStatus.values),
                name="exports_backgroundrestore_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Restore of {self.file_name or 'an export'} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (RestoreStatus.DONE, RestoreStatus.FAILED)

    @property
    def restored_rows(self) -> int:
        return sum(self.counts.values())
