"""Reading Rebound's own all.zip back: every file is parsed and every row checked (fields,
the models' constraints, links between files) before anything is written. The ids in the
file are only keys for rebuilding links inside it; the database gives new ones."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.template.defaultfilters import pluralize

from apps.core import limits
from apps.exports.cells import CellError, Kind, parse_cell
from apps.exports.constraints import UniqueKeys, check_row
from apps.exports.datasets import RESTORE_ORDER, Dataset
from apps.exports.streaming import FORMAT, FORMAT_VERSION, MANIFEST_NAME

# The limits live in apps.core.limits with their reasons; the names stay for the tests.
MAX_UPLOAD_BYTES = limits.RESTORE_MAX_UPLOAD_BYTES
# What the files inside may add up to once unpacked: a guard against a "zip bomb".
MAX_UNPACKED_BYTES = limits.RESTORE_MAX_UNPACKED_BYTES
MAX_ROWS = limits.RESTORE_MAX_ROWS
MAX_MANIFEST_BYTES = limits.RESTORE_MAX_MANIFEST_BYTES
ERRORS_SHOWN = 20


class RestoreError(Exception):
    """The file cannot be restored; `problems` says why, in plain words."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class PlannedRow:
    key: int  # the row's id in the file
    instance: Model  # owner and fields set; links are set when written
    refs: dict[str, int | None] = field(default_factory=dict)  # field -> id in the file


class _Problems:
    def __init__(self):
        self.items: list[str] = []
        self.total = 0

    def add(self, message: str) -> None:
        self.total += 1
        if len(self.items) < ERRORS_SHOWN:
            self.items.append(message)

    def raise_if_any(self) -> None:
        if self.total:
            items = list(self.items)
            if self.total > len(items):
                items.append(f"…and {self.total - len(items)} more.")
            raise RestoreError(items)


def _open_archive(upload) -> zipfile.ZipFile:
    if upload.size == 0:
        raise RestoreError(["The file is empty."])
    if upload.size > MAX_UPLOAD_BYTES:
        raise RestoreError(
            [f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB, more than any "
             "Rebound export should be."]
        )  # fmt: skip
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise RestoreError(
            ["This is not a ZIP file. Choose the all.zip you downloaded from Rebound’s export "
             "page, without unpacking it."]
        ) from None  # fmt: skip
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        raise RestoreError(["The files inside this ZIP are far larger than a Rebound export."])
    return archive


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        if archive.getinfo(MANIFEST_NAME).file_size > MAX_MANIFEST_BYTES:
            raise RestoreError(
                [f"The {MANIFEST_NAME} inside the ZIP is far larger than Rebound writes."]
            )
        raw = archive.read(MANIFEST_NAME)
    except KeyError:
        raise RestoreError(
            [f"This ZIP has no {MANIFEST_NAME}, so it does not look like a Rebound export. "
             "A spreadsheet of applications can be brought in with the spreadsheet import."]
        ) from None  # fmt: skip
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        raise RestoreError([f"The {MANIFEST_NAME} inside the ZIP is damaged."]) from None
    try:
        manifest = json.loads(raw.decode("utf-8"))
    # ValueError: a number too long to read; RecursionError: nesting far beyond Rebound's.
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise RestoreError([f"The {MANIFEST_NAME} inside the ZIP cannot be read."]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError([f"The {MANIFEST_NAME} is not one Rebound wrote."])
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise RestoreError(
            ["This export was made by a newer version of Rebound than this one. Update Rebound, "
             "then restore it."]
        )  # fmt: skip
    if not isinstance(manifest.get("datasets"), list):
        raise RestoreError([f"The {MANIFEST_NAME} does not list the files."])
    return manifest


def _field_problems(instance: Model, fields: list[str]) -> list[tuple[str, str]]:
    """Each field's own rules: empty or not, the choices, lengths, ranges."""
    found = []
    for field_name in fields:
        model_field = instance._meta.get_field(field_name)
        value = getattr(instance, model_field.attname)
        try:
            model_field.validate(value, instance)
            # Every rule of the field, the formats included: an edited archive is input like
            # a form's, so a javascript: link or a malformed address is refused here too.
            if value not in model_field.empty_values:
                for validator in model_field.validators:
                    validator(value)
        except ValidationError as error:
            found.extend((field_name, message) for message in error.messages)
    return found


def _header_for(dataset: Dataset, field_name: str) -> str:
    for column in dataset.columns:
        if column.restore and column.field == field_name:
            return f"“{column.header}”"
    return "the row"


PROGRESS_EVERY = 1000  # rows between two reports to a background restore's progress bar


@dataclass
class _RowCounter:
    rows: int = 0
    progress: Callable[[int], None] | None = None

    def count(self) -> None:
        self.rows += 1
        if self.progress is not None and self.rows % PROGRESS_EVERY == 0:
            self.progress(self.rows)


class _File:
    """One dataset's CSV inside the ZIP, read a row at a time. With `known` (the ids of the
    datasets read before it) every row is checked; without, rows are only parsed, for the
    second pass over a file already checked."""

    def __init__(self, archive, dataset: Dataset, owner, problems, known=None, counter=None):
        self.archive, self.dataset, self.owner = archive, dataset, owner
        self.problems, self.known, self.counter = problems, known, counter
        self.rows_read = 0
        self.keys: set[int] = set()
        self.readable = True
        self.fields = [c.field for c in dataset.columns if c.restore and c.kind != Kind.REF]

    def __iter__(self) -> Iterator[PlannedRow]:
        name = self.dataset.file_name
        try:
            with self.archive.open(name) as member:
                text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
                yield from self._rows(csv.reader(text, strict=True))
        except KeyError:
            self._unreadable(f"{name} is listed in the manifest but missing from the ZIP.")
        except UnicodeDecodeError:
            self._unreadable(f"{name} is not UTF-8 text, so it was not written by Rebound.")
        except csv.Error as error:
            self._unreadable(f"{name} is not a readable CSV file ({error}).")
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
            self._unreadable(f"{name} is damaged inside the ZIP.")

    def _unreadable(self, message: str) -> None:
        self.readable = False
        self.problems.add(message)

    def _rows(self, reader) -> Iterator[PlannedRow]:
        dataset, problems = self.dataset, self.problems
        name = dataset.file_name
        header = next(reader, None)
        if header is None:
            self._unreadable(f"{name} is empty; even a dataset with no rows has its header line.")
            return
        positions = {title: index for index, title in enumerate(header)}
        wanted = [column for column in dataset.columns if column.restore or column.kind == Kind.ID]
        missing = [column.header for column in wanted if column.header not in positions]
        if missing:
            titles = ", ".join(f"“{title}”" for title in missing)
            self._unreadable(f"{name} is missing the column{pluralize(missing)} {titles}.")
            return
        checking = self.known is not None
        unique = UniqueKeys(dataset.model) if checking else None
        for number, row in enumerate(reader, start=2):
            self.rows_read += 1
            if self.counter is not None:
                self.counter.count()
                if self.counter.rows > MAX_ROWS:
                    self._unreadable(
                        f"The export has more rows than Rebound can restore at once (up to "
                        f"{MAX_ROWS:,})."
                    )
                    return
            where = f"{name}, line {number}"
            if len(row) != len(header):
                problems.add(f"{where}: has {len(row)} cells where the header has {len(header)}.")
                continue
            planned = self._parse(row, positions, wanted, where)
            if planned is not None and (not checking or self._check(planned, unique, where)):
                yield planned

    def _parse(self, row, positions, wanted, where) -> PlannedRow | None:
        values, refs, key = {}, {}, None
        ok = True
        for column in wanted:
            try:
                value = parse_cell(column.kind, row[positions[column.header]])
            except CellError as error:
                self.problems.add(f"{where}, “{column.header}”: {error}.")
                ok = False
                continue
            if column.kind == Kind.ID:
                key = value
            elif column.kind == Kind.REF:
                refs[column.field] = value
            else:
                values[column.field] = value
        if not ok:
            return None
        return PlannedRow(
            key=key, instance=self.dataset.model(owner=self.owner, **values), refs=refs
        )

    def _check(self, planned: PlannedRow, unique: UniqueKeys, where: str) -> bool:
        dataset, problems = self.dataset, self.problems
        found = []
        if planned.key in self.keys:
            found.append(f"the ID {planned.key} appears twice.")
        self.keys.add(planned.key)
        instance, refs = planned.instance, planned.refs
        for field_name, message in _field_problems(instance, self.fields):
            found.append(f"{_header_for(dataset, field_name)}: {message}")
        for column in dataset.refs:
            linked = refs.get(column.field)
            if linked is None:
                if not dataset.model._meta.get_field(column.field).null:
                    found.append(f"“{column.header}” is empty.")
            elif linked not in self.known.get(column.ref, ()):
                found.append(f"“{column.header}” {linked} is not in {column.ref}.csv.")
        if not found:

            def get(field_name):
                if field_name in refs:
                    return refs[field_name]
                return getattr(instance, field_name)

            found.extend(check_row(dataset.model, get) + unique.check(get))
        for message in found:
            problems.add(f"{where}: {message}")
        return not found


@dataclass
class Bundle:
    """A checked export, still open: `planned` reads each file again to write it."""

    archive: zipfile.ZipFile
    owner: object
    exported_at: str
    listed: set[str]
    counts: dict[str, int]

    def planned(self, dataset: Dataset) -> Iterator[PlannedRow]:
        if dataset.key not in self.listed:
            return
        problems = _Problems()
        yield from _File(self.archive, dataset, self.owner, problems)
        problems.raise_if_any()  # only if the file changed since it was checked

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> "Bundle":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def manifest_rows(upload) -> int:
    """How many rows the export's manifest announces, read without checking them (to decide
    whether to hand the restore to the background worker). The archive's size limits apply;
    a file that is not an export raises RestoreError."""
    with _open_archive(upload) as archive:
        manifest = _read_manifest(archive)
    upload.seek(0)
    rows = [entry.get("rows") for entry in manifest["datasets"] if isinstance(entry, dict)]
    return sum(count for count in rows if isinstance(count, int) and count > 0)


def read_bundle(upload, *, owner, progress: Callable[[int], None] | None = None) -> Bundle:
    """Check a whole export, one row at a time, without keeping the rows: every file, every
    cell, the models' rules and every link. Raises RestoreError with the problems found (the
    first few dozen); returns the open export, to be written by restore_everything and then
    closed."""
    # A long note is one long cell; the csv module's default limit (128 KiB) is too small,
    # and the archive's size far too large (a 300 MB cell would be read whole).
    csv.field_size_limit(limits.CSV_MAX_CELL_CHARS)
    archive = _open_archive(upload)
    try:
        manifest = _read_manifest(archive)
        listed = {
            entry.get("key"): entry for entry in manifest["datasets"] if isinstance(entry, dict)
        }
        problems = _Problems()
        known: dict[str, set[int]] = {}
        counts: dict[str, int] = {}
        counter = _RowCounter(progress=progress)
        for dataset in RESTORE_ORDER:
            entry = listed.get(dataset.key)
            if entry is None:
                known[dataset.key] = set()  # an older export, made before this dataset existed
                counts[dataset.key] = 0
                continue
            reader = _File(archive, dataset, owner, problems, known=known, counter=counter)
            for _row in reader:
                pass
            known[dataset.key] = reader.keys
            counts[dataset.key] = reader.rows_read
            if reader.readable and entry.get("rows") != reader.rows_read:
                problems.add(
                    f"{dataset.file_name} has {reader.rows_read} rows but the manifest says "
                    f"{entry.get('rows')}: the file may have been cut short or edited."
                )
        problems.raise_if_any()
    except BaseException:
        archive.close()
        raise
    return Bundle(
        archive=archive,
        owner=owner,
        exported_at=str(manifest.get("exported_at", "")),
        listed={key for key in listed if isinstance(key, str)},
        counts=counts,
    )
