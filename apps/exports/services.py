"""Writes of the exports app: spreadsheet imports (through the applications app's own
services) and restoring a whole export. Each is one transaction: on any error, nothing."""

import datetime
import logging
import secrets
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, connections, transaction
from django.utils import timezone
from django_tasks import task

from apps.accounts.services import account_lock
from apps.applications.services import (
    RowRefused,
    applications_create_many,
    applications_stage_refresh,
)
from apps.core.dates import today_for
from apps.exports.datasets import RESTORE_ORDER
from apps.exports.models import BackgroundRestore, PendingImport, RestoreStatus
from apps.exports.restore import Bundle, PlannedRow, RestoreError, read_bundle
from apps.exports.selectors import account_is_empty
from apps.exports.spreadsheet import ImportRow, Mapping, Sheet, parse_rows

log = logging.getLogger("rebound.exports")

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


def pending_import_row_count(pending: PendingImport) -> int:
    return len((pending.sheet or {}).get("rows", []))


def pending_import_queue(*, pending: PendingImport, valid_only: bool) -> PendingImport:
    """Hand a large import's confirmation to the background worker. Under the upload's lock,
    so a double click queues it once; a refused one may be queued again (with the other
    choice, say). The worker confirms it with pending_import_confirm: same rules, same
    all-or-nothing write."""
    with transaction.atomic():
        locked = PendingImport.objects.select_for_update().filter(pk=pending.pk).first()
        if locked is None:
            raise ValidationError("That upload has been cleared. Please upload the file again.")
        waiting = locked.queued_at is not None and not locked.failure
        if locked.imported_at is None and not waiting:
            if not locked.mapping:
                raise ValidationError("Please check the preview, then choose how to import.")
            locked.queued_at = timezone.now()
            locked.valid_only = valid_only
            locked.failure = ""
            locked.save(update_fields=["queued_at", "valid_only", "failure", "updated_at"])
            transaction.on_commit(lambda: import_in_background.enqueue(locked.pk))
    return locked


def pending_import_run(*, pending_id: int) -> None:
    """The worker's side of pending_import_queue. A refusal is kept for the page to show."""
    pending = PendingImport.objects.filter(pk=pending_id).first()
    if pending is None or pending.imported_at is not None:
        return
    try:
        pending_import_confirm(pending=pending, valid_only=pending.valid_only)
    except ValidationError as refusal:
        failure = " ".join(refusal.messages)[: PendingImport._meta.get_field("failure").max_length]
        PendingImport.objects.filter(pk=pending_id).update(failure=failure)


@task()
def import_in_background(pending_id: int) -> None:
    """The background worker's entry point for a large import."""
    pending_import_run(pending_id=pending_id)


# --- restore ---------------------------------------------------------------------------------


@transaction.atomic
def restore_everything(
    *, owner, bundle: Bundle, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
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
    saved = 0
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
                        saved += _write(dataset, batch, created)
                        batch = []
                        if progress is not None:
                            progress(saved)
                saved += _write(dataset, batch, created)
            applications_stage_refresh(owner=owner)
    except IntegrityError:
        raise RestoreError(
            ["Some rows in the file do not fit together (for example two rows that must be "
             "unique), so nothing was restored."]
        ) from None  # fmt: skip
    return dict(bundle.counts)


def _write(dataset, batch: list[PlannedRow], created: dict[int, int]) -> int:
    if not batch:
        return 0
    dataset.model.objects.bulk_create([row.instance for row in batch])
    for row in batch:
        created[row.key] = row.instance.pk
    return len(batch)


# --- restore in the background ----------------------------------------------------------------


def background_restore_start(*, owner, upload, total_rows: int) -> BackgroundRestore:
    """Keep the uploaded export in the database (the worker may run on another machine) and
    hand it to the worker once this transaction has committed."""
    run = BackgroundRestore.objects.create(
        owner=owner,
        file_name=(getattr(upload, "name", "") or "")[:255],
        archive=upload.read(),
        total_rows=total_rows,
    )
    transaction.on_commit(lambda: restore_in_background.enqueue(run.pk))
    return run


def _restore_update(run: BackgroundRestore, **fields) -> None:
    for name, value in fields.items():
        setattr(run, name, value)
    BackgroundRestore.objects.filter(pk=run.pk).update(updated_at=timezone.now(), **fields)


@contextmanager
def _side_channel(run: BackgroundRestore):
    """Rows saved so far, written where the progress page can see them. The restore's own
    transaction hides its writes until the end, so PostgreSQL gets them through a second
    connection. SQLite allows one writer at a time, so there the step shows without a count."""
    if connections["default"].vendor != "postgresql":
        yield None
        return
    side = connections.create_connection("default")
    table = BackgroundRestore._meta.db_table

    def saved(rows: int) -> None:
        with side.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET saved_rows = %s WHERE id = %s", [rows, run.pk])

    try:
        yield saved
    finally:
        side.close()


def background_restore_run(*, run_id: int) -> None:
    """Run a restore handed over by the restore page: the same check and the same
    all-or-nothing write as a restore in the request, with the rows checked so far written
    as it goes (the page shows them). Runs once: only a waiting restore is taken."""
    taken = BackgroundRestore.objects.filter(pk=run_id, status=RestoreStatus.QUEUED).update(
        status=RestoreStatus.CHECKING, updated_at=timezone.now()
    )
    if not taken:
        return
    run = BackgroundRestore.objects.select_related("owner").get(pk=run_id)
    upload = ContentFile(bytes(run.archive), name=run.file_name or "all.zip")
    try:
        with read_bundle(
            upload,
            owner=run.owner,
            progress=lambda rows: _restore_update(run, checked_rows=rows),
        ) as bundle:
            _restore_update(
                run, status=RestoreStatus.SAVING, checked_rows=sum(bundle.counts.values())
            )
            with _side_channel(run) as saved:
                counts = restore_everything(owner=run.owner, bundle=bundle, progress=saved)
    except RestoreError as error:
        _restore_update(
            run, status=RestoreStatus.FAILED, problems=list(error.problems),
            finished_at=timezone.now(), archive=b"",
        )  # fmt: skip
        return
    except Exception:
        log.exception("Background restore %s failed", run.pk)
        _restore_update(
            run, status=RestoreStatus.FAILED, finished_at=timezone.now(), archive=b"",
            problems=["Something went wrong on our side while restoring, so nothing was "
                      "restored. Please try again; if it keeps happening, tell the person "
                      "who runs this Rebound."],
        )  # fmt: skip
        raise
    _restore_update(
        run,
        status=RestoreStatus.DONE,
        counts=counts,
        saved_rows=sum(counts.values()),
        finished_at=timezone.now(),
        archive=b"",
    )


@task()
def restore_in_background(run_id: int) -> None:
    """The background worker's entry point (Django's tasks framework)."""
    background_restore_run(run_id=run_id)
