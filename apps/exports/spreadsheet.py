"""Reading a spreadsheet of applications: the file itself (encoding, separator, limits),
which column holds what (guessed from the header, adjustable by the person), and each row
turned into the arguments of applications.services.application_create, with problems in
plain words."""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from apps.applications.models import Application, Status
from apps.applications.validators import validate_applied_on
from apps.core import limits
from apps.exports.cells import restore_text
from apps.exports.values import (
    CURRENCY_SIGNS,
    DAY_FIRST,
    normalise_header,
    parse_date,
    parse_salary,
    status_for,
)

MAX_BYTES = limits.IMPORT_MAX_BYTES
MAX_ROWS = limits.IMPORT_MAX_ROWS
MAX_COLUMNS = limits.IMPORT_MAX_COLUMNS


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message says why and what to do."""


@dataclass
class Sheet:
    header: list[str]
    rows: list[list[str]]
    numbers: list[int]  # each row's number as a spreadsheet shows it (the header is 1)
    delimiter: str
    encoding: str

    def as_json(self) -> dict:
        return {
            "header": self.header,
            "rows": self.rows,
            "numbers": self.numbers,
            "delimiter": self.delimiter,
            "encoding": self.encoding,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Sheet":
        return cls(
            header=list(data["header"]),
            rows=[list(row) for row in data["rows"]],
            numbers=list(data["numbers"]),
            delimiter=data["delimiter"],
            encoding=data["encoding"],
        )


# --- the file ----------------------------------------------------------------------------

SAVE_AS_CSV = "In your spreadsheet program, choose “Save as” or “Download” and pick CSV."


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:8192]:
        try:
            return data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp1252"), "Windows-1252"
        except UnicodeDecodeError:
            raise SpreadsheetError(
                "The letters in this file are in an encoding Rebound cannot read. "
                "Save it again as “CSV UTF-8” and upload that."
            ) from None
    raise SpreadsheetError(
        "This does not look like a text file, so it is probably not a CSV. " + SAVE_AS_CSV
    )


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(
        1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\r\n"
    )
    return controls > max(2, len(sample) // 100)


def _delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        first_line = sample.splitlines()[0] if sample.splitlines() else ""
        counts = {candidate: first_line.count(candidate) for candidate in ",;\t|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def read_spreadsheet(data: bytes) -> Sheet:
    """The header and rows of an uploaded CSV, or SpreadsheetError saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(
            "The file is larger than 5 MB. Split it into smaller files and import them one "
            "after the other."
        )
    if not data.strip():
        raise SpreadsheetError("The file is empty. Check that you picked the right one.")
    if data.startswith(b"PK\x03\x04"):
        raise SpreadsheetError(
            "This is an Excel workbook or another packed file, not a CSV. " + SAVE_AS_CSV
        )
    if data.startswith(b"\xd0\xcf\x11\xe0") or data.startswith(b"%PDF"):
        raise SpreadsheetError("This file is not a CSV. " + SAVE_AS_CSV)
    text, encoding = _decode(data)
    if _looks_binary(text):
        raise SpreadsheetError(
            "This does not look like a text file, so it is probably not a CSV. " + SAVE_AS_CSV
        )
    # NUL bytes past the part checked above cannot be stored (PostgreSQL refuses them in
    # text); they are never meant, so they go.
    text = text.replace("\x00", "")
    delimiter = _delimiter(text)
    csv.field_size_limit(limits.CSV_MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[list[str]] = []
    numbers: list[int] = []
    try:
        for number, row in enumerate(reader, start=1):
            if len(row) > MAX_COLUMNS:
                raise SpreadsheetError(
                    f"Row {number} has {len(row):,} columns; Rebound reads up to {MAX_COLUMNS}. "
                    "Keep the columns about your applications (a job search sheet has a few "
                    "dozen) and save it as CSV again."
                )
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                continue
            if len(rows) >= MAX_ROWS:
                raise SpreadsheetError(
                    f"The file has more than {MAX_ROWS:,} rows. Split it into smaller files "
                    "and import them one after the other."
                )
            rows.append(row)
            numbers.append(number)
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise SpreadsheetError(
                f"A cell around row {reader.line_num} is longer than "
                f"{limits.TEXT_MAX_CHARS:,} characters, more than any field holds. "
                "Shorten it and upload the file again."
            ) from None
        raise SpreadsheetError(
            f"The file could not be read as CSV around row {reader.line_num} ({error})."
        ) from None
    if header is None:
        raise SpreadsheetError("The file is empty. Check that you picked the right one.")
    if not rows:
        raise SpreadsheetError(
            "The file has a header row but no applications under it. Add rows and try again."
        )
    return Sheet(header, rows, numbers, delimiter, encoding)


def column_labels(header: list[str]) -> list[str]:
    """What each column is called on the mapping screen: its header, or its position."""
    labels = []
    for index, title in enumerate(header):
        label = title or f"Column {index + 1} (no header)"
        if label in labels:
            label = f"{label} (column {index + 1})"
        labels.append(label)
    return labels


# --- which column holds what -------------------------------------------------------------

# Rebound's fields a spreadsheet can fill, with the header names people and other trackers
# use for them (compared after lower-casing and dropping punctuation), best match first.
# They include the headers of Rebound's own applications.csv and those common in the
# exports of board-style trackers (Huntr-, Teal- and Simplify-style: "Job Position",
# "List", "Date Saved" and the like).
TARGETS: dict[str, tuple[str, ...]] = {
    "company": (
        "company", "company name", "organisation", "organization", "organisation name",
        "organization name", "employer", "employer name", "business", "firm", "companyname",
    ),
    "role": (
        "job title", "title", "position", "role", "job position", "position title",
        "role title", "job role", "job", "job name", "vacancy", "opening", "jobtitle",
    ),
    "status": (
        "status", "stage", "application status", "current status", "list", "pipeline stage",
        "job status", "state", "column", "phase",
    ),
    "applied_on": (
        "date applied", "applied", "applied on", "application date", "applied date",
        "date of application", "applied at", "date submitted", "submitted on", "submitted",
        "applied date time", "date",
    ),
    "posting_url": (
        "url", "link", "job link", "posting", "job url", "posting url", "job posting",
        "job posting url", "listing url", "listing", "application link", "job description url",
        "job description link", "post url", "apply url", "job page",
    ),
    "location": ("location", "job location", "city", "place", "office", "where", "region"),
    "salary": (
        "salary", "compensation", "salary range", "pay", "pay range", "comp", "base salary",
        "salary expectation", "expected salary", "wage", "compensation range", "total comp",
    ),
    "salary_min": (
        "salary from", "min salary", "salary min", "minimum salary", "salary minimum",
        "min compensation", "salary low", "min pay",
    ),
    "salary_max": (
        "salary up to", "max salary", "salary max", "maximum salary", "salary maximum",
        "max compensation", "salary high", "max pay",
    ),
    "currency": ("currency", "salary currency", "compensation currency"),
    "notes": (
        "notes", "note", "comments", "comment", "description", "remarks", "details",
        "job description", "extra", "memo",
    ),
}  # fmt: skip

TARGET_LABELS = {
    "company": "Company",
    "role": "Job title",
    "status": "Stage",
    "applied_on": "Date applied",
    "posting_url": "Link to the posting",
    "location": "Location",
    "salary": "Salary (a figure or a range)",
    "salary_min": "Salary from",
    "salary_max": "Salary up to",
    "currency": "Currency",
    "notes": "Notes",
}
REQUIRED_TARGETS = ("company", "role")


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """Which column holds each field, by its header: exact names first, then a header that
    contains a known name as whole words ("Company name (legal)"). Each column is used once."""
    names = [normalise_header(title) for title in header]
    mapping: dict[str, int | None] = dict.fromkeys(TARGETS)
    taken: set[int] = set()

    def pick(target: str, matches) -> None:
        for synonym in TARGETS[target]:
            for index, name in enumerate(names):
                if index not in taken and name and matches(name, synonym):
                    mapping[target] = index
                    taken.add(index)
                    return

    for target in TARGETS:
        pick(target, lambda name, synonym: name == synonym)
    for target in TARGETS:
        if mapping[target] is None:
            pick(target, lambda name, synonym: f" {synonym} " in f" {name} ")
    return mapping


# --- rows --------------------------------------------------------------------------------


@dataclass
class Mapping:
    columns: dict[str, int | None]
    default_status: str = Status.APPLIED
    date_order: str = DAY_FIRST

    def as_json(self) -> dict:
        return {
            "columns": self.columns,
            "default_status": self.default_status,
            "date_order": self.date_order,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Mapping":
        columns = {target: data.get("columns", {}).get(target) for target in TARGETS}
        return cls(
            columns=columns,
            default_status=data.get("default_status", Status.APPLIED),
            date_order=data.get("date_order", DAY_FIRST),
        )


@dataclass
class ImportRow:
    number: int
    values: dict = field(default_factory=dict)  # application_create's keyword arguments
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> list:
        values = dict(self.values)
        if values.get("applied_on") is not None:
            values["applied_on"] = values["applied_on"].isoformat()
        return [self.number, values, self.errors, self.notes]

    @classmethod
    def from_json(cls, data: list) -> "ImportRow":
        number, values, errors, notes = data
        if values.get("applied_on") is not None:
            values["applied_on"] = datetime.date.fromisoformat(values["applied_on"])
        return cls(number=number, values=values, errors=errors, notes=notes)

    @property
    def status_label(self) -> str:
        return Status(self.values["status"]).label if self.values.get("status") else ""


_url_validator = URLValidator(schemes=["http", "https"])
# Every field a row sets besides the company, the stage and the applied date (checked on
# their own above): the applications service trusts these checks and skips its own.
MODEL_CHECKED = (
    "role_title",
    "posting_url",
    "location",
    "salary_min",
    "salary_max",
    "salary_currency",
    "notes",
)


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return restore_text(row[index].replace("\x00", "")).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def parse_row(
    row: list[str], number: int, *, width: int, mapping: Mapping, today: datetime.date
) -> ImportRow:
    result = ImportRow(number=number)
    errors, notes, values = result.errors, result.notes, result.values

    def get(target: str) -> str:
        return _cell(row, mapping.columns.get(target))

    company = _one_line(get("company"))
    role = _one_line(get("role"))
    values["company_name"] = company
    values["role_title"] = role
    filled = len(row)
    while filled > width and not row[filled - 1].strip():
        filled -= 1  # empty cells after the last column are harmless
    if filled != width:
        errors.append(
            f"This row has {filled} cells where the header has {width}. A separator inside a "
            "cell (for example a comma in “50,000”) may have split it; put that cell in "
            "quotes or remove the extra separator."
        )
        return result
    if not company:
        errors.append("The company is empty.")
    elif len(company) > 200:
        errors.append("The company name is longer than 200 characters.")
    if not role:
        errors.append("The job title is empty.")

    status_text = get("status")
    status = status_for(status_text) if status_text else None
    if status is None:
        status = mapping.default_status
        if status_text:
            notes.append(
                f"“{status_text}” is not a stage Rebound knows, so it becomes "
                f"“{Status(status).label}”."
            )
    values["status"] = status

    applied_text = get("applied_on")
    if applied_text:
        try:
            applied_on = parse_date(applied_text, mapping.date_order)
        except ValueError:
            errors.append(f"“{applied_text}” is not a date Rebound can read.")
        else:
            try:
                validate_applied_on(applied_on, today=today)
            except ValidationError as error:
                errors.extend(error.messages)
            values["applied_on"] = applied_on

    url = get("posting_url")
    if url:
        if "://" not in url and "." in url and " " not in url:
            url = "https://" + url
        try:
            _url_validator(url)
        except ValidationError:
            errors.append(f"“{get('posting_url')}” is not a web address.")
        values["posting_url"] = url

    values["location"] = _one_line(get("location"))
    notes_text = get("notes")
    salary_min = salary_max = None
    currency = ""
    salary_text = get("salary")
    if salary_text:
        try:
            salary_min, salary_max, currency = parse_salary(salary_text)
        except ValueError:
            notes.append(f"The salary “{salary_text}” has no figure, so it goes in the notes.")
            notes_text = "\n".join(filter(None, [notes_text, f"Salary: {salary_text}"]))
    for target in ("salary_min", "salary_max"):
        text = get(target)
        if not text:
            continue
        try:
            low, high, found_currency = parse_salary(text)
        except ValueError:
            errors.append(f"“{text}” is not a salary figure.")
            continue
        currency = currency or found_currency
        if target == "salary_min":
            salary_min = low
        else:
            salary_max = high
    if salary_min is not None and salary_max is not None and salary_min > salary_max:
        errors.append("The lower salary is above the upper one.")
    currency_text = get("currency").upper()
    if currency_text:
        if re.fullmatch(r"[A-Z]{3}", currency_text):
            currency = currency_text
        else:
            signs = dict(CURRENCY_SIGNS)
            currency = signs.get(currency_text, currency)
    values.update(
        salary_min=salary_min, salary_max=salary_max, salary_currency=currency, notes=notes_text
    )

    if not errors:
        _check_with_model(values, errors)
    return result


_CHECKED_FIELDS = [Application._meta.get_field(name) for name in MODEL_CHECKED]
_LABELS = {"role_title": "The job title", "posting_url": "The link"}


def _check_with_model(values: dict, errors: list[str]) -> None:
    """The model's own field rules (lengths, web address), as a last check: each field's
    clean(), as Model.clean_fields runs it, without building a model for every row."""
    for model_field in _CHECKED_FIELDS:
        if model_field.name not in values:
            continue
        value = values[model_field.name]
        if value in model_field.empty_values and model_field.blank:
            continue  # clean_fields skips blank values of fields that may be blank
        try:
            model_field.clean(value, None)
        except ValidationError as error:
            label = _LABELS.get(model_field.name, model_field.name.replace("_", " ").capitalize())
            errors.extend(f"{label}: {message}" for message in error.messages)


def parse_rows(sheet: Sheet, mapping: Mapping, *, today: datetime.date) -> list[ImportRow]:
    width = len(sheet.header)
    return [
        parse_row(row, number, width=width, mapping=mapping, today=today)
        for row, number in zip(sheet.rows, sheet.numbers, strict=True)
    ]
