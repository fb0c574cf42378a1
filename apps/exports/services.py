"""Writes of the exports app: spreadsheet imports (through the applications app's own
services) and restoring a whole export. Each is one transaction: on any error, nothing."""

import datetime
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.services import account_lock
from apps.applications.services import (
    RowRefused,
    applications_create_many,
    applications_stage_refresh,
)
from apps.core.dates import today_for
from apps.exports.datasets import RESTORE_ORDER
from apps.exports.models import PendingImport
from apps.exports.restore import Bundle, PlannedRow, RestoreError
from apps.exports.selectors import account_is_empty
from apps.exports.spreadsheet import ImportRow, Mapping, Sheet, parse_rows

PENDING_LIFETIME = datetime.timedelta(days=1)
PENDING_KEPT_PER_PERSON = 5
BATCH_SIZE = 1000


# --- pending spreadsheet imports -----------------------------------------------------------


@transaction.atomic
def pending_import_create(*, owner, sheet: Sheet, file_name: str) -> PendingImport:
    """Keep an uploaded spreadsheet until the person confirms. Clears out what is stale:
    anyone's uploads older than a day, and this person's beyond the last few."""
    PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_LIFETIME).delete()
    kept = PendingImport.objects.for_user(owner).values_list("pk", flat=True)
    old = list(kept[PENDING_KEPT_PER_PERSON - 1 :])
    if old:
        PendingImport.objects.filter(pk__in=old).delete()
    pending = PendingImport(
        owner=owner,
        token=secrets.token_urlsafe(24),
        file_name=file_name[:255],
        sheet=sheet.as_json(),
    )
    pending.full_clean()
    pending.save()
    return pending


@transaction.atomic
def pending_import_set_mapping(*, pending: PendingImport, mapping: Mapping) -> PendingImport:
    """Keep the column choices and the rows as they read them (once, for the preview and
    the import both)."""
    sheet = Sheet.from_json(pending.sheet)
    rows = parse_rows(sheet, mapping, today=today_for(pending.owner))
    pending.mapping = mapping.as_json()
    pending.rows = [row.as_json() for row in rows]
    pending.save(update_fields=["mapping", "rows", "updated_at"])
    return pending


@transaction.atomic
def pending_import_discard(*, pending: PendingImport) -> None:
    pending.delete()


def pending_import_is_stale(pending: PendingImport) -> bool:
    return pending.created_at < timezone.now() - PENDING_LIFETIME


def pending_import_rows(pending: PendingImport) -> list[ImportRow]:
    """The upload's rows as the chosen mapping reads them, each with its problems: as kept
    when the mapping was saved (read again only for an upload kept before rows were)."""
    if pending.rows:
        return [ImportRow.from_json(row) for row in pending.rows]
    sheet = Sheet.from_json(pending.sheet)
    return parse_rows(sheet, Mapping.from_json(pending.mapping), today=today_for(pending.owner))


@dataclass
class RowFailed(Exception):
    """The applications service refused a row after the preview had passed it."""

    number: int
    messages: list[str]


@transaction.atomic
def applications_import(*, owner, rows: list[ImportRow], pending: PendingImport | None) -> int:
    """Create an application, with its first history entry, for each row; companies are
    matched by name or created. All or nothing. Returns how many were created."""
    try:
        # parse_row ran the model's field rules on each of these rows.
        created = applications_create_many(
            owner=owner, rows=[row.values for row in rows], fields_checked=True
        )
    except RowRefused as error:
        raise RowFailed(rows[error.index].number, error.messages) from None
    if pending is not None:
        pending.delete()
    return created


@dataclass(frozen=True)
class ImportDone:
    created: int
    skipped: int  # rows with problems, left out at the person's choice


def pending_import_result(pending: PendingImport) -> ImportDone | None:
    """What importing this upload did, once it has been imported."""
    if pending.imported_at is None:
        return None
    return ImportDone(created=pending.imported_count, skipped=pending.skipped_count)


@transaction.atomic
def pending_import_confirm(*, pending: PendingImport, valid_only: bool) -> ImportDone:
    """Import a checked upload. Every row is read again from what the server kept (never
    from the browser); rows with problems stop the import unless the person chose to leave
    them out. All or nothing; a refusal raises ValidationError saying what to do next.

    The upload is locked and marked as imported in the same transaction, so two clicks
    import it once: the second waits for the first and answers with its result."""
    locked = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
    if locked is None:
        raise ValidationError("That upload has been cleared. Please upload the file again.")
    done = pending_import_result(locked)
    if done is not None:
        return done
    if not locked.mapping:
        raise ValidationError("Please check the preview, then choose how to import.")
    rows = pending_import_rows(locked)
    ready = [row for row in rows if row.ok]
    if len(ready) < len(rows) and not valid_only:
        raise ValidationError(
            "Some rows need a look, so nothing was imported. Fix the file, "
            "or import the ready rows only."
        )
    if not ready:
        raise ValidationError("No row is ready to import, so nothing was imported.")
    try:
        created = applications_import(owner=locked.owner, rows=ready, pending=None)
    except RowFailed as failure:
        raise ValidationError(
            f"Row {failure.number} could not be saved ({' '.join(failure.messages)}), so "
            "nothing was imported."
        ) from None
    locked.imported_at = timezone.now()
    locked.imported_count = created
    locked.skipped_count = len(rows) - len(ready)
    locked.sheet = {}
    locked.rows = []
    locked.save(
        update_fields=[
            "imported_at",
            "imported_count",
            "skipped_count",
            "sheet",
            "rows",
            "updated_at",
        ]
    )
    return pending_import_result(locked)


# --- restore ---------------------------------------------------------------------------------


@transaction.atomic
def restore_everything(*, owner, bundle: Bundle) -> dict[str, int]:
    """Recreate every dataset of a checked export for this person, with its links, in one
    transaction. Only into an account with nothing in it yet, so nothing gets doubled.
    The ids in the file are keys for the links; the database gives new ones. Rows are
    written in batches as the files are read again, so memory holds only the id maps.

    The emptiness check runs under a lock on the person's row, so two restores at once run
    one after the other and the second finds the account no longer empty."""
    account_lock(user=owner)
    if not account_is_empty(owner):
        raise RestoreError(
            ["Your account already has data, so nothing was restored. Restoring works "
             "into an account that is still empty."]
        )  # fmt: skip
    new_ids: dict[str, dict[int, int]] = {}
    try:
        with transaction.atomic():
            for dataset in RESTORE_ORDER:
                targets = {column.field: new_ids[column.ref] for column in dataset.refs}
                created = new_ids[dataset.key] = {}
                batch: list[PlannedRow] = []
                for row in bundle.planned(dataset):
                    instance = row.instance
                    instance.owner = owner
                    for field_name, old_id in row.refs.items():
                        new_id = None if old_id is None else targets[field_name][old_id]
                        setattr(instance, f"{field_name}_id", new_id)
                    batch.append(row)
                    if len(batch) >= BATCH_SIZE:
                        _write(dataset, batch, created)
                        batch = []
                _write(dataset, batch, created)
            applications_stage_refresh(owner=owner)
    except IntegrityError:
        raise RestoreError(
            ["Some rows in the file do not fit together (for example two rows that must be "
             "unique), so nothing was restored."]
        ) from None  # fmt: skip
    return dict(bundle.counts)


def _write(dataset, batch: list[PlannedRow], created: dict[int, int]) -> None:
    if not batch:
        return
    dataset.model.objects.bulk_create([row.instance for row in batch])
    for row in batch:
        created[row.key] = row.instance.pk
