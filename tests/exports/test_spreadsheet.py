import datetime

import pytest

from apps.exports.spreadsheet import (
    Mapping,
    SpreadsheetError,
    guess_mapping,
    parse_row,
    read_spreadsheet,
)
from apps.exports.values import (
    DAY_FIRST,
    MONTH_FIRST,
    guess_date_order,
    parse_date,
    parse_salary,
    status_for,
)

TODAY = datetime.date(2026, 3, 20)


def columns(header: list[str]) -> dict[str, str | None]:
    """The guessed mapping, as target -> header name."""
    return {
        target: None if index is None else header[index]
        for target, index in guess_mapping(header).items()
    }


def test_it_detects_a_plain_spreadsheets_headers():
    header = ["Company", "Job Title", "Status", "Date Applied", "URL", "Location", "Salary",
              "Notes"]  # fmt: skip
    assert columns(header) == {
        "company": "Company",
        "role": "Job Title",
        "status": "Status",
        "applied_on": "Date Applied",
        "posting_url": "URL",
        "location": "Location",
        "salary": "Salary",
        "salary_min": None,
        "salary_max": None,
        "currency": None,
        "notes": "Notes",
    }


def test_it_detects_a_board_trackers_headers():
    # Huntr- and Teal-style exports: a "List" or "Position", separate salary bounds.
    header = ["Job Position", "Organization", "List", "Applied On", "Job Link", "City",
              "Min Salary", "Max Salary", "Currency", "Comments", "Date Saved"]  # fmt: skip
    assert columns(header) == {
        "company": "Organization",
        "role": "Job Position",
        "status": "List",
        "applied_on": "Applied On",
        "posting_url": "Job Link",
        "location": "City",
        "salary": None,
        "salary_min": "Min Salary",
        "salary_max": "Max Salary",
        "currency": "Currency",
        "notes": "Comments",
    }


def test_it_detects_loosely_named_headers():
    # Lower case, snake_case and extra words, as hand-made sheets and Simplify-style exports have.
    header = ["employer_name", "role", "Application Stage", "application date", "posting",
              "compensation", "Remarks (private)"]  # fmt: skip
    assert columns(header) == {
        "company": "employer_name",
        "role": "role",
        "status": "Application Stage",
        "applied_on": "application date",
        "posting_url": "posting",
        "location": None,
        "salary": "compensation",
        "salary_min": None,
        "salary_max": None,
        "currency": None,
        "notes": "Remarks (private)",
    }


def test_it_uses_each_column_once():
    mapping = guess_mapping(["Title", "Job Title", "Company"])
    assert mapping["role"] == 1
    assert mapping["company"] == 2
    assert list(mapping.values()).count(0) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("50k-60k", (50000, 60000, "")),
        ("€50,000 - 60,000", (50000, 60000, "EUR")),
        ("50-60k", (50000, 60000, "")),
        ("$120,000", (120000, 120000, "USD")),
        ("£45k–£55k", (45000, 55000, "GBP")),
        ("USD 100000 to 120000", (100000, 120000, "USD")),
        ("1.250.000", (1250000, 1250000, "")),
        ("52.5k", (52500, 52500, "")),
        ("60 000 EUR", (60000, 60000, "EUR")),
        ("CHF 90'000", (90000, 90000, "CHF")),
    ],
)
def test_it_reads_salaries_and_ranges(text, expected):
    assert parse_salary(text) == expected


def test_it_refuses_a_salary_without_a_figure():
    with pytest.raises(ValueError):
        parse_salary("competitive")


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-03-14", DAY_FIRST, datetime.date(2026, 3, 14)),
        ("2026-03-14T09:30:00Z", DAY_FIRST, datetime.date(2026, 3, 14)),
        ("14/03/2026", DAY_FIRST, datetime.date(2026, 3, 14)),
        ("03/14/2026", MONTH_FIRST, datetime.date(2026, 3, 14)),
        ("14.03.26", MONTH_FIRST, datetime.date(2026, 3, 14)),
        ("14 Mar 2026", DAY_FIRST, datetime.date(2026, 3, 14)),
        ("March 14th, 2026", DAY_FIRST, datetime.date(2026, 3, 14)),
        ("46095", DAY_FIRST, datetime.date(2026, 3, 14)),
    ],
)
def test_it_reads_the_dates_spreadsheets_write(text, order, expected):
    assert parse_date(text, order) == expected


def test_it_guesses_the_date_order_from_the_column():
    assert guess_date_order(["03/14/2026", "04/01/2026"]) == MONTH_FIRST
    assert guess_date_order(["14/03/2026", "01/04/2026"]) == DAY_FIRST
    assert guess_date_order(["01/04/2026"]) == DAY_FIRST


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Applied", "applied"),
        ("wishlist", "wishlist"),
        ("Bookmarked", "wishlist"),
        ("Phone screen", "screening"),
        ("Interview", "interviewing"),
        ("Negotiating", "offer"),
        ("Not selected", "rejected"),
        ("I withdrew", "withdrawn"),
        ("ghosted", "no_response"),
        ("No response", "no_response"),
        ("NO_RESPONSE", "no_response"),
        ("Maybe later", None),
    ],
)
def test_it_recognises_common_stage_names(text, status):
    assert status_for(text) == status


# --- the file ------------------------------------------------------------------------------


def test_it_reads_utf8_with_and_without_a_bom_and_cp1252():
    plain = "Company,Role\nCafé Zürich,Dev\n"
    for data, encoding in [
        (plain.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + plain.encode("utf-8"), "UTF-8"),
        (plain.encode("cp1252"), "Windows-1252"),
    ]:
        sheet = read_spreadsheet(data)
        assert sheet.header == ["Company", "Role"]
        assert sheet.rows == [["Café Zürich", "Dev"]]
        assert sheet.encoding == encoding


def test_it_sniffs_a_semicolon_separator():
    sheet = read_spreadsheet(b"Company;Role;Salary\nAcme;Dev;50,000\nInitech;QA;40,000\n")
    assert sheet.delimiter == ";"
    assert sheet.rows[0] == ["Acme", "Dev", "50,000"]


def test_it_numbers_rows_as_the_spreadsheet_shows_them():
    sheet = read_spreadsheet(b"Company,Role\nAcme,Dev\n,\nInitech,QA\n")
    assert sheet.numbers == [2, 4]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty"),
        (b"\n\n  \n", "The file is empty"),
        (b"Company,Role\n", "no applications under it"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"\x00\x01\x02\x03binary\x00\xff", "does not look like a text file"),
        (bytes(range(1, 32)) * 20, "does not look like a text file"),
        (b"Company,Role\n\x81\x8d\x8f\x90\x9d,Dev\n", "encoding Rebound cannot read"),
    ],
    ids=["empty", "blank lines", "header only", "xlsx", "binary", "control chars", "encoding"],
)
def test_it_explains_files_it_cannot_read(data, message):
    with pytest.raises(SpreadsheetError, match=message):
        read_spreadsheet(data)


def test_it_limits_rows_and_size(monkeypatch):
    monkeypatch.setattr("apps.exports.spreadsheet.MAX_ROWS", 3)
    with pytest.raises(SpreadsheetError, match="more than 3 rows"):
        read_spreadsheet(b"Company,Role\n" + b"Acme,Dev\n" * 4)
    with pytest.raises(SpreadsheetError, match="larger than 5 MB"):
        read_spreadsheet(b"Company,Role\n" + b"A" * (5 * 1024 * 1024))


def test_it_refuses_a_sheet_with_more_columns_than_a_job_search_needs():
    """Two rows of 100,000 columns held a worker for 30 s and 364 MB."""
    wide = b",".join(b"c%d" % n for n in range(100_000)) + b"\n"
    with pytest.raises(SpreadsheetError, match="Rebound reads up to 100"):
        read_spreadsheet(wide + wide)


def test_it_reads_a_sheet_of_exactly_the_most_columns():
    sheet = read_spreadsheet(
        b",".join(b"c%d" % n for n in range(100)) + b"\n" + b"x," * 99 + b"x\n"
    )
    assert len(sheet.header) == 100


def test_it_drops_nul_bytes_past_the_start_of_the_file():
    """The first 8 KiB are checked for a binary file; a stray NUL later is dropped, since
    PostgreSQL cannot store it."""
    data = b"Company,Role\n" + b"Acme,Dev\n" * 1000 + b"Glo\x00bex,Q\x00A\n"
    sheet = read_spreadsheet(data)
    assert sheet.rows[-1] == ["Globex", "QA"]
    assert "\x00" not in str(sheet.as_json())


def test_it_explains_a_cell_longer_than_any_field():
    with pytest.raises(SpreadsheetError, match="longer than 20,000 characters"):
        read_spreadsheet(b"Company,Notes\nAcme," + b"x" * 200_000 + b"\n")


# --- rows ----------------------------------------------------------------------------------

MAPPING = Mapping(
    columns={
        "company": 0,
        "role": 1,
        "status": 2,
        "applied_on": 3,
        "posting_url": 4,
        "location": None,
        "salary": 5,
        "salary_min": None,
        "salary_max": None,
        "currency": None,
        "notes": 6,
    }
)


def row(*cells):
    return parse_row(list(cells), 2, width=7, mapping=MAPPING, today=TODAY)


def test_it_turns_a_row_into_an_application():
    parsed = row("Acme ", "Dev", "Interview", "01/03/2026", "acme.example/jobs", "50k-60k", "x")
    assert parsed.ok, parsed.errors
    assert parsed.values == {
        "company_name": "Acme",
        "role_title": "Dev",
        "status": "interviewing",
        "applied_on": datetime.date(2026, 3, 1),
        "posting_url": "https://acme.example/jobs",
        "location": "",
        "salary_min": 50000,
        "salary_max": 60000,
        "salary_currency": "",
        "notes": "x",
    }


def test_it_gives_unknown_stages_the_chosen_default_with_a_note():
    parsed = parse_row(
        ["Acme", "Dev", "Thinking", "", "", "", ""],
        2,
        width=7,
        mapping=Mapping(columns=MAPPING.columns, default_status="wishlist"),
        today=TODAY,
    )
    assert parsed.ok
    assert parsed.values["status"] == "wishlist"
    assert parsed.notes == ["“Thinking” is not a stage Rebound knows, so it becomes “Wishlist”."]


@pytest.mark.parametrize(
    ("cells", "error"),
    [
        (("", "Dev", "", "", "", "", ""), "The company is empty."),
        (("Acme", "", "", "", "", "", ""), "The job title is empty."),
        (("Acme", "Dev", "", "yesterday-ish", "", "", ""), "is not a date Rebound can read"),
        (("Acme", "Dev", "", "2027-01-01", "", "", ""), "can’t be in the future"),
        (("Acme", "Dev", "", "", "not a link", "", ""), "is not a web address"),
        (("Acme", "Dev", "", "", "", "", "", "extra"), "has 8 cells where the header has 7"),
        (("Acme", "Dev", ""), "has 3 cells where the header has 7"),
        (("Acme", "D" * 201, "", "", "", "", ""), "at most 200 characters"),
    ],
    ids=["company", "role", "date", "future", "url", "long row", "short row", "too long"],
)
def test_it_explains_what_is_wrong_with_a_row(cells, error):
    parsed = parse_row(list(cells), 5, width=7, mapping=MAPPING, today=TODAY)
    assert not parsed.ok
    assert any(error in message for message in parsed.errors), parsed.errors


def test_it_keeps_a_salary_it_cannot_read_in_the_notes():
    parsed = row("Acme", "Dev", "", "", "", "competitive", "Nice team")
    assert parsed.ok
    assert parsed.values["salary_min"] is None
    assert parsed.values["notes"] == "Nice team\nSalary: competitive"


def test_it_ignores_empty_cells_after_the_last_column():
    assert row("Acme", "Dev", "", "", "", "", "", "", "").ok
