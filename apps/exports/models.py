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

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Import of {self.file_name or 'a spreadsheet'}"
