"""How one value becomes one CSV cell and back, for each kind of column.

Text goes through apps.core.csv_safety so spreadsheet programs never run it as a formula,
and every exported cell comes back exactly on restore.
"""

import datetime
import decimal
from collections.abc import Callable
from enum import StrEnum

from apps.core.csv_safety import neutralise_text, restore_cell


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    ID = "id"  # the row's own id in the file: a key for links, never a database id
    REF = "ref"  # the id of a row in another file of the same export


YES, NO = "yes", "no"
TRUE_WORDS = {"yes", "y", "true", "1"}
FALSE_WORDS = {"no", "n", "false", "0"}


class CellError(ValueError):
    """A cell that cannot be read back; the message is in plain words for the person."""


def export_text(value: str) -> str:
    return neutralise_text(value)


def restore_text(cell: str) -> str:
    return restore_cell(cell)


def _text(value) -> str:
    if value is None:
        return ""
    return neutralise_text(value if type(value) is str else str(value))


def _bool(value) -> str:
    return "" if value is None else (YES if value else NO)


def format_datetime(value) -> str:
    """A moment as ISO 8601 in UTC. `value` is a datetime, or a timestamp as the database
    writes it as text (PostgreSQL "2026-03-14 09:30:00.5+00"; SQLite keeps UTC without an
    offset), which streaming exports read because parsing it here is several times faster."""
    if value is None:
        return ""
    if type(value) is str:
        value = datetime.datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=datetime.UTC)
    if value.utcoffset():
        value = value.astimezone(datetime.UTC)
    return value.isoformat()


def _date(value) -> str:
    return "" if value is None else value.isoformat()


def _plain(value) -> str:
    return "" if value is None else str(value)


_FORMATTERS = {Kind.TEXT: _text, Kind.BOOL: _bool, Kind.DATETIME: format_datetime, Kind.DATE: _date}


def formatter(kind: Kind):
    """The function that turns a database value of this kind into its CSV cell."""
    return _FORMATTERS.get(kind, _plain)


def format_cell(kind: Kind, value) -> str:
    return formatter(kind)(value)


def row_formatter(kinds: list[Kind]) -> Callable[[tuple], list]:
    """A function turning one database row of these kinds into its CSV cells, the fast way
    for streaming exports: numbers and dates are handed to csv.writer as they are, since it
    writes None as an empty cell and anything else as str(value), which is _plain's and
    _date's rule; only text, yes/no and datetime columns call their formatter."""
    special = [
        (index, _FORMATTERS[kind]) for index, kind in enumerate(kinds) if kind in _FORMATTERS
    ]

    def cells(values: tuple) -> list:
        row = list(values)
        for index, fmt in special:
            row[index] = fmt(row[index])
        return row

    return cells


def parse_cell(kind: Kind, cell: str):
    """The value for a cell of a Rebound export; CellError when it cannot be read."""
    if kind == Kind.TEXT:
        if "\x00" in cell:
            # Nothing Rebound stores can hold it (PostgreSQL refuses it in text).
            raise CellError("contains a NUL character, which cannot be stored")
        return restore_text(cell)
    text = cell.strip()
    if text == "":
        if kind == Kind.BOOL:
            raise CellError("needs “yes” or “no”")
        if kind == Kind.ID:
            raise CellError("needs the row’s number")
        return None
    if kind in (Kind.INT, Kind.ID, Kind.REF):
        try:
            return int(text)
        except ValueError:
            raise CellError(f"“{text}” is not a whole number") from None
    if kind == Kind.DECIMAL:
        try:
            number = decimal.Decimal(text)
        except decimal.InvalidOperation:
            raise CellError(f"“{text}” is not a number") from None
        if not number.is_finite():
            raise CellError(f"“{text}” is not a number")
        return number
    if kind == Kind.BOOL:
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise CellError(f"“{text}” should be “yes” or “no”")
    if kind == Kind.DATE:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise CellError(f"“{text}” is not a date written like 2026-03-14") from None
    if kind == Kind.DATETIME:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise CellError(
                f"“{text}” is not a date and time written like 2026-03-14T09:30:00+00:00"
            ) from None
        if moment.tzinfo is None:
            raise CellError(f"“{text}” needs its timezone, for example +00:00")
        return moment
    raise AssertionError(f"unknown kind {kind}")
