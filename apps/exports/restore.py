"""Reading Rebound's own all.zip back: every file is parsed and every row checked (fields,
the models' constraints, links between files) before anything is written. The ids in the
file are only keys for rebuilding links inside it; the database gives new ones."""

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, ProhibitNullCharactersValidator, URLValidator
from django.db.models import Model

from apps.exports.cells import CellError, Kind, parse_cell
from apps.exports.constraints import UniqueKeys, check_row
from apps.exports.datasets import RESTORE_ORDER, Dataset
from apps.exports.streaming import FORMAT, FORMAT_VERSION, MANIFEST_NAME

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# What the files inside may add up to once unpacked: a guard against a "zip bomb".
MAX_UNPACKED_BYTES = 500 * 1024 * 1024
MAX_ROWS_PER_FILE = 1_000_000
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


@dataclass
class Bundle:
    exported_at: str
    rows: dict[str, list[PlannedRow]]

    def counts(self) -> dict[str, int]:
        return {key: len(rows) for key, rows in self.rows.items()}


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
    except (UnicodeDecodeError, json.JSONDecodeError):
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


def _read_rows(archive: zipfile.ZipFile, dataset: Dataset, problems: _Problems):
    """The header and the rows of one file, or None when it cannot be read at all."""
    name = dataset.file_name
    try:
        with archive.open(name) as member:
            text = io.TextIOWrapper(member, encoding="utf-8-sig", newline="")
            reader = csv.reader(text, strict=True)
            header = next(reader, None)
            rows = []
            for row in reader:
                if len(rows) >= MAX_ROWS_PER_FILE:
                    problems.add(f"{name} has more rows than Rebound can restore at once.")
                    return None
                rows.append(row)
    except KeyError:
        problems.add(f"{name} is listed in the manifest but missing from the ZIP.")
        return None
    except UnicodeDecodeError:
        problems.add(f"{name} is not UTF-8 text, so it was not written by Rebound.")
        return None
    except csv.Error as error:
        problems.add(f"{name} is not a readable CSV file ({error}).")
        return None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
        problems.add(f"{name} is damaged inside the ZIP.")
        return None
    if header is None:
        problems.add(f"{name} is empty; even a dataset with no rows has its header line.")
        return None
    return header, rows


def _plan_rows(owner, dataset: Dataset, header: list[str], rows: list[list[str]], problems):
    name = dataset.file_name
    positions = {title: index for index, title in enumerate(header)}
    wanted = [column for column in dataset.columns if column.restore or column.kind == Kind.ID]
    missing = [column.header for column in wanted if column.header not in positions]
    if missing:
        problems.add(f"{name} is missing the column{'s' if len(missing) > 1 else ''} "
                     f"{', '.join(f'“{title}”' for title in missing)}.")  # fmt: skip
        return []
    model = dataset.model
    unique = UniqueKeys(model)
    keys: set[int] = set()
    planned = []
    for number, row in enumerate(rows, start=2):
        where = f"{name}, line {number}"
        if len(row) != len(header):
            problems.add(f"{where}: has {len(row)} cells where the header has {len(header)}.")
            continue
        values, refs, key, row_ok = {}, {}, None, True
        for column in wanted:
            try:
                value = parse_cell(column.kind, row[positions[column.header]])
            except CellError as error:
                problems.add(f"{where}, “{column.header}”: {error}.")
                row_ok = False
                continue
            if column.kind == Kind.ID:
                key = value
            elif column.kind == Kind.REF:
                refs[column.field] = value
            else:
                values[column.field] = value
        if not row_ok:
            continue
        if key in keys:
            problems.add(f"{where}: the ID {key} appears twice.")
            continue
        keys.add(key)
        instance = model(owner=owner, **values)
        field_problems = _field_problems(instance, values)
        for field_name, message in field_problems:
            problems.add(f"{where}, {_header_for(dataset, field_name)}: {message}")
        if field_problems:
            continue

        def get(field_name, refs=refs, instance=instance):
            if field_name in refs:
                return refs[field_name]
            return getattr(instance, field_name)

        for message in check_row(model, get) + unique.check(get):
            problems.add(f"{where}: {message}")
        planned.append(PlannedRow(key=key, instance=instance, refs=refs))
    return planned


# Format rules for what people type (an email address, a web address) are the forms' job;
# text that Rebound stored once is restored as it was, even if a rule changed since.
FORMAT_VALIDATORS = (EmailValidator, URLValidator, ProhibitNullCharactersValidator)


def _field_problems(instance: Model, values: dict) -> list[tuple[str, str]]:
    """Each field's own rules: empty or not, the choices, lengths, ranges."""
    found = []
    for field_name in values:
        model_field = instance._meta.get_field(field_name)
        value = getattr(instance, model_field.attname)
        try:
            model_field.validate(value, instance)
            if value not in model_field.empty_values:
                for validator in model_field.validators:
                    if not isinstance(validator, FORMAT_VALIDATORS):
                        validator(value)
        except ValidationError as error:
            found.extend((field_name, message) for message in error.messages)
    return found


def _header_for(dataset: Dataset, field_name: str) -> str:
    for column in dataset.columns:
        if column.restore and column.field == field_name:
            return f"“{column.header}”"
    return "the row"


def _check_links(bundle_rows: dict[str, list[PlannedRow]], problems: _Problems) -> None:
    keys = {key: {row.key for row in rows} for key, rows in bundle_rows.items()}
    for dataset in RESTORE_ORDER:
        for column in dataset.refs:
            target = keys.get(column.ref, set())
            for row in bundle_rows.get(dataset.key, []):
                linked = row.refs.get(column.field)
                if linked is not None and linked not in target:
                    problems.add(
                        f"{dataset.file_name}, ID {row.key}: “{column.header}” {linked} is not "
                        f"in {column.ref}.csv."
                    )
                elif linked is None and not dataset.model._meta.get_field(column.field).null:
                    problems.add(f"{dataset.file_name}, ID {row.key}: “{column.header}” is empty.")


def read_bundle(upload, *, owner) -> Bundle:
    """Parse and check a whole export. Raises RestoreError with every problem found (the
    first few dozen); returns rows ready to write, in the order they must be written."""
    archive = _open_archive(upload)
    with archive:
        manifest = _read_manifest(archive)
        listed = {
            entry.get("key"): entry for entry in manifest["datasets"] if isinstance(entry, dict)
        }
        problems = _Problems()
        planned: dict[str, list[PlannedRow]] = {}
        for dataset in RESTORE_ORDER:
            entry = listed.get(dataset.key)
            if entry is None:
                planned[dataset.key] = []  # an older export, made before this dataset existed
                continue
            read = _read_rows(archive, dataset, problems)
            if read is None:
                continue
            header, rows = read
            if entry.get("rows") != len(rows):
                problems.add(
                    f"{dataset.file_name} has {len(rows)} rows but the manifest says "
                    f"{entry.get('rows')}: the file may have been cut short or edited."
                )
                continue
            planned[dataset.key] = _plan_rows(owner, dataset, header, rows, problems)
        problems.raise_if_any()
        _check_links(planned, problems)
        problems.raise_if_any()
    return Bundle(exported_at=str(manifest.get("exported_at", "")), rows=planned)
