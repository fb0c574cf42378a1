import csv
import datetime
import decimal
import io

import pytest

from apps.exports.cells import CellError, Kind, format_cell, parse_cell, row_formatter

HOURS_2 = datetime.timedelta(hours=2)


@pytest.mark.parametrize(
    ("kind", "cell", "value"),
    [
        (Kind.INT, " 42 ", 42),
        (Kind.ID, "7", 7),
        (Kind.REF, "", None),
        (Kind.DECIMAL, "6.5", decimal.Decimal("6.5")),
        (Kind.BOOL, "Yes", True),
        (Kind.BOOL, "0", False),
        (Kind.DATE, "2026-03-14", datetime.date(2026, 3, 14)),
        (Kind.DATE, "", None),
        (
            Kind.DATETIME,
            "2026-03-14T09:30:00+00:00",
            datetime.datetime(2026, 3, 14, 9, 30, tzinfo=datetime.UTC),
        ),
        (Kind.TEXT, "'=SUM(A1)", "=SUM(A1)"),
    ],
)
def test_it_reads_every_kind_of_cell(kind, cell, value):
    assert parse_cell(kind, cell) == value


@pytest.mark.parametrize(
    ("kind", "cell", "message"),
    [
        (Kind.TEXT, "a\x00b", "contains a NUL character"),
        (Kind.BOOL, "", "needs “yes” or “no”"),
        (Kind.ID, " ", "needs the row’s number"),
        (Kind.INT, "4.5", "“4.5” is not a whole number"),
        (Kind.REF, "abc", "“abc” is not a whole number"),
        (Kind.DECIMAL, "six", "“six” is not a number"),
        (Kind.DECIMAL, "NaN", "“NaN” is not a number"),
        (Kind.DECIMAL, "Infinity", "“Infinity” is not a number"),
        (Kind.BOOL, "maybe", "“maybe” should be “yes” or “no”"),
        (Kind.DATE, "14/03/2026", "is not a date written like 2026-03-14"),
        (Kind.DATETIME, "yesterday", "is not a date and time written like"),
        (Kind.DATETIME, "2026-03-14T09:30:00", "needs its timezone"),
    ],
)
def test_it_says_in_plain_words_why_a_cell_cannot_be_read(kind, cell, message):
    with pytest.raises(CellError) as refused:
        parse_cell(kind, cell)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Kind.BOOL, True),
        (Kind.DATE, datetime.date(2026, 1, 2)),
        (Kind.DATETIME, datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)),
        (Kind.DECIMAL, decimal.Decimal("7.5")),
        (Kind.TEXT, "+44 20 7946 0000"),
        (Kind.INT, None),
    ],
)
def test_what_is_written_reads_back_the_same(kind, value):
    assert parse_cell(kind, format_cell(kind, value)) == value


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2026, 3, 14, 9, 30, 0, 500000, tzinfo=datetime.UTC),
        datetime.datetime(2026, 3, 14, 11, 30, 0, 500000, tzinfo=datetime.timezone(HOURS_2)),
        "2026-03-14 09:30:00.5+00",  # PostgreSQL's text for a timestamp
        "2026-03-14 09:30:00.500000",  # SQLite's: UTC without an offset
    ],
)
def test_a_moment_is_written_in_utc_whether_read_as_a_datetime_or_as_text(value):
    assert format_cell(Kind.DATETIME, value) == "2026-03-14T09:30:00.500000+00:00"


def test_the_fast_row_formatter_writes_what_each_kind_writes():
    kinds = [Kind.ID, Kind.TEXT, Kind.INT, Kind.DATE, Kind.BOOL, Kind.DATETIME, Kind.TEXT]
    values = (
        7,
        "=SUM(A1)",
        None,
        datetime.date(2026, 3, 14),
        True,
        "2026-03-14 09:30:00+00",
        None,
    )
    written = io.StringIO()
    csv.writer(written, lineterminator="\n").writerow(row_formatter(kinds)(values))
    expected = io.StringIO()
    cells = [format_cell(kind, value) for kind, value in zip(kinds, values, strict=True)]
    csv.writer(expected, lineterminator="\n").writerow(cells)
    assert written.getvalue() == expected.getvalue()
    assert written.getvalue() == "7,'=SUM(A1),,2026-03-14,yes,2026-03-14T09:30:00+00:00,\n"
