import csv
import html
import io
import json
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.applications.models import Application, Company
from apps.contacts.models import ApplicationContact, Contact, Interaction
from apps.core.limits import CSV_MAX_CELL_CHARS, TEXT_MAX_CHARS
from apps.demo.seed import seed_everything
from apps.exports.cells import Kind
from apps.exports.datasets import DATASETS, RESTORE_ORDER
from apps.exports.selectors import account_is_empty
from apps.feedback.models import FeedbackRequest
from apps.rejections.models import RecoveryStep, Reflection, Rejection
from apps.selfcare.models import CheckIn
from tests.exports.conftest import make_world, streamed
from tests.factories import ApplicationFactory, CompanyFactory, UserFactory

RESTORE = reverse("exports:restore")


def export_zip(client) -> bytes:
    response = client.get(reverse("exports:everything"))
    assert response.status_code == 200
    return streamed(response)


def files_of(archive_bytes: bytes) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(io.BytesIO(archive_bytes)) as archive:
        return {
            dataset.key: list(
                csv.reader(
                    io.StringIO(archive.read(dataset.file_name).decode("utf-8-sig"), newline="")
                )
            )
            for dataset in DATASETS
        }


def rebuilt(archive_bytes: bytes, *, change) -> bytes:
    """The same export with one file's rows changed by `change(key, rows)`."""
    source = zipfile.ZipFile(io.BytesIO(archive_bytes))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".csv"):
                key = info.filename.removesuffix(".csv")
                rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
                rows = change(key, rows)
                buffer = io.StringIO()
                csv.writer(buffer, lineterminator="\r\n").writerows(rows)
                data = buffer.getvalue().encode("utf-8")
            target.writestr(info.filename, data)
    return output.getvalue()


def restore(client, data: bytes, name: str = "all.zip"):
    return client.post(RESTORE, {"file": SimpleUploadedFile(name, data)})


def total_rows(user) -> int:
    return sum(dataset.queryset(user).count() for dataset in DATASETS)


@pytest.fixture
def newcomer(db):
    return UserFactory(email="carol@example.com")


@pytest.fixture
def newcomer_client(newcomer):
    client = Client()
    client.force_login(newcomer)
    return client


def compare(first: dict, second: dict) -> None:
    """Every file equal apart from ids and timestamps; ids must map one to one, and links
    must point at the rows they pointed at before."""
    id_maps: dict[str, dict[str, str]] = {}
    for dataset in RESTORE_ORDER:
        before, after = first[dataset.key], second[dataset.key]
        assert before[0] == after[0] == dataset.headers
        assert len(before) == len(after), dataset.key
        id_index = dataset.headers.index("ID")
        id_maps[dataset.key] = {
            old[id_index]: new[id_index] for old, new in zip(before, after, strict=True)
        }
        for old, new in zip(before[1:], after[1:], strict=True):
            for column, old_cell, new_cell in zip(dataset.columns, old, new, strict=True):
                if column.is_timestamp or column.kind == Kind.ID:
                    continue
                if column.kind == Kind.REF:
                    expected = id_maps[column.ref].get(old_cell, "") if old_cell else ""
                    assert new_cell == expected, (dataset.key, column.header)
                else:
                    assert new_cell == old_cell, (dataset.key, column.header, old_cell)


def test_it_restores_a_full_export_with_everything_linked(auth_client, user, newcomer_client):
    seed_everything(user, applications=40, rng=random.Random(7))
    make_world(user, "Hand made")
    first = export_zip(auth_client)

    response = restore(newcomer_client, first)
    assert response.status_code == 302
    assert response["Location"] == reverse("exports:index")

    second = export_zip(newcomer_client)
    before, after = files_of(first), files_of(second)
    compare(before, after)
    assert sum(len(rows) - 1 for rows in after.values()) > 100


def test_it_rebuilds_every_kind_of_link(auth_client, user, newcomer_client, newcomer):
    make_world(user, "Linked")
    restore(newcomer_client, export_zip(auth_client))

    application = Application.objects.for_user(newcomer).get()
    assert application.company.owner == newcomer
    assert application.company.name == "Linked Labs"
    assert [c.to_status for c in application.status_changes.order_by("id")] == [
        "applied",
        "screening",
        "interviewing",
        "rejected",
    ]
    # Worked out again from the restored history (it is not a column of the export).
    assert application.furthest_stage == "interview"
    assert application.interviews.get().with_whom == "Linked interviewer"
    rejection = Rejection.objects.for_user(newcomer).get(application=application)
    assert rejection.steps.count() == 8
    assert rejection.steps.get(move="process").state == "done"
    assert Reflection.objects.for_user(newcomer).get().rejection == rejection
    contact = Contact.objects.for_user(newcomer).get()
    assert contact.company == application.company
    feedback = FeedbackRequest.objects.for_user(newcomer).get()
    assert (feedback.application, feedback.contact) == (application, contact)
    assert Interaction.objects.for_user(newcomer).get().contact == contact
    link = ApplicationContact.objects.for_user(newcomer).get()
    assert (link.application, link.contact, link.role) == (application, contact, "referrer")
    assert CheckIn.objects.for_user(newcomer).get().note == "Linked day"
    # The original person's rows are untouched and still theirs.
    assert Application.objects.for_user(user).get().pk != application.pk


def test_it_uses_new_ids_not_the_files_ids(auth_client, user, newcomer_client, newcomer):
    world = make_world(user, "Ids")
    data = export_zip(auth_client)
    CompanyFactory(owner=UserFactory(), name="Somebody else's")  # moves the sequence on
    restore(newcomer_client, data)
    company = Company.objects.for_user(newcomer).get()
    assert company.pk != world["company"].pk


def test_it_refuses_to_restore_into_an_account_with_data(auth_client, user, newcomer_client):
    make_world(user, "Mine")
    data = export_zip(auth_client)
    before = total_rows(user)
    response = restore(auth_client, data)
    assert response.status_code == 200
    assert "already has data" in response.content.decode()
    assert total_rows(user) == before


def test_it_explains_the_empty_account_rule_on_the_page(auth_client, user, newcomer_client):
    assert "Restore everything" in newcomer_client.get(RESTORE).content.decode()
    make_world(user, "Has data")
    body = auth_client.get(RESTORE).content.decode()
    assert (
        "only goes into an account that is still empty"
        in auth_client.get(reverse("exports:index")).content.decode()
    )
    assert "Restore everything" not in body
    assert "sign up for a new account" in body


def _drop_column(header: str, key: str):
    def change(file_key, rows):
        if file_key != key:
            return rows
        index = rows[0].index(header)
        return [row[:index] + row[index + 1 :] for row in rows]

    return change


def _set_cell(key: str, header: str, value: str, row: int = 1):
    def change(file_key, rows):
        if file_key == key:
            rows[row][rows[0].index(header)] = value
        return rows

    return change


def _manifest(change):
    def build(data: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "manifest.json":
                    content = change(json.loads(content))
                    content = b"" if content is None else json.dumps(content).encode()
                target.writestr(info.filename, content)
        return output.getvalue()

    return build


def _without(name: str):
    def build(data: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for info in source.infolist():
                if info.filename != name:
                    target.writestr(info.filename, source.read(info.filename))
        return output.getvalue()

    return build


def _newer(manifest):
    manifest["format_version"] = 99
    return manifest


def _miscounted(manifest):
    manifest["datasets"][0]["rows"] = 7
    return manifest


BAD_EXPORTS = {
    "not a zip": (lambda data: b"ID,Name\r\n1,Acme\r\n", "This is not a ZIP file"),
    "empty file": (lambda data: b"", "The file is empty."),
    "no manifest": (_without("manifest.json"), "does not look like a Rebound export"),
    "missing csv": (_without("contacts.csv"), "contacts.csv is listed in the manifest"),
    "damaged manifest": (_manifest(lambda m: None), "cannot be read"),
    "newer format": (_manifest(_newer), "newer version of Rebound"),
    "row count differs": (_manifest(_miscounted), "the manifest says 7"),
    "missing column": (
        lambda data: rebuilt(data, change=_drop_column("Role", "applications")),
        "applications.csv is missing the column “Role”",
    ),
    "bad date": (
        lambda data: rebuilt(data, change=_set_cell("applications", "Applied on", "last May")),
        "“last May” is not a date",
    ),
    "unknown status": (
        lambda data: rebuilt(data, change=_set_cell("applications", "Status", "maybe")),
        "“Status”: Value 'maybe' is not a valid choice.",
    ),
    "broken link": (
        lambda data: rebuilt(data, change=_set_cell("interviews", "Application ID", "999")),
        "“Application ID” 999 is not in applications.csv",
    ),
    "duplicate id": (
        lambda data: rebuilt(
            data,
            change=lambda key, rows: (
                _manifest_safe_duplicate(rows) if key == "status-history" else rows
            ),
        ),
        "the ID",
    ),
    "rule broken": (
        lambda data: rebuilt(data, change=_set_cell("applications", "Salary from", "90000")),
        "The lower salary is above the upper one.",
    ),
    "text with NUL": (
        lambda data: rebuilt(data, change=_set_cell("companies", "Notes", "a\x00b")),
        "contains a NUL character",
    ),
}


def _raw_manifest(content: bytes):
    def build(data: bytes) -> bytes:
        source = zipfile.ZipFile(io.BytesIO(data))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for info in source.infolist():
                is_manifest = info.filename == "manifest.json"
                target.writestr(info.filename, content if is_manifest else source.read(info))
        return output.getvalue()

    return build


# Hostile archives (issue 10, items 6 to 8): the same rules as the forms, and no 500.
BAD_EXPORTS.update(
    {
        "javascript link": (
            lambda data: rebuilt(
                data, change=_set_cell("applications", "Job posting", "javascript:alert(1)")
            ),
            "“Job posting”: Enter a valid URL.",
        ),
        "malformed email": (
            lambda data: rebuilt(data, change=_set_cell("contacts", "Email", "not an address")),
            "“Email”: Enter a valid email address.",
        ),
        "note too long": (
            lambda data: rebuilt(
                data, change=_set_cell("applications", "Notes", "x" * (TEXT_MAX_CHARS + 1))
            ),
            f"at most {TEXT_MAX_CHARS} characters",
        ),
        "cell far too long": (
            lambda data: rebuilt(
                data, change=_set_cell("companies", "Notes", "x" * (CSV_MAX_CELL_CHARS + 10))
            ),
            "companies.csv is not a readable CSV file",
        ),
        "number of 5,000 digits in the manifest": (
            _raw_manifest(b'{"format": "rebound", "format_version": ' + b"9" * 5000 + b"}"),
            "cannot be read",
        ),
        "deeply nested manifest": (
            _raw_manifest(b"[" * 100_000 + b"]" * 100_000),
            "cannot be read",
        ),
        "huge manifest": (_raw_manifest(b" " * (1024 * 1024) + b"{}"), "far larger than Rebound"),
    }
)


def _manifest_safe_duplicate(rows):
    # Same row count as the manifest says, but the second move reuses the first's ID.
    rows[2][0] = rows[1][0]
    return rows


@pytest.mark.parametrize("case", BAD_EXPORTS)
def test_it_writes_nothing_from_a_bad_export(case, auth_client, user, newcomer_client, newcomer):
    make_world(user, "Bad")
    damage, message = BAD_EXPORTS[case]
    response = restore(newcomer_client, damage(export_zip(auth_client)))
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert account_is_empty(newcomer)


def _zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_it_refuses_a_file_larger_than_any_export(newcomer_client, newcomer, monkeypatch):
    monkeypatch.setattr("apps.exports.restore.MAX_UPLOAD_BYTES", 1024 * 1024)
    data = _zip_of({"notes.txt": random.Random(1).randbytes(1024 * 1024 + 1)})
    response = restore(newcomer_client, data)
    assert response.status_code == 200
    assert "The file is larger than 1 MB" in html.unescape(response.content.decode())
    assert account_is_empty(newcomer)


def test_it_refuses_a_zip_that_unpacks_far_beyond_an_export(newcomer_client, newcomer, monkeypatch):
    # A few kilobytes that would unpack to 20 MB: the sizes are checked before anything is read.
    monkeypatch.setattr("apps.exports.restore.MAX_UNPACKED_BYTES", 10 * 1024 * 1024)
    data = _zip_of({"manifest.json": b"{}", "applications.csv": bytes(20 * 1024 * 1024)})
    assert len(data) < 100 * 1024
    response = restore(newcomer_client, data)
    assert "far larger than a Rebound export" in html.unescape(response.content.decode())
    assert account_is_empty(newcomer)


def test_it_counts_the_row_limit_across_all_files(
    auth_client, user, newcomer_client, newcomer, monkeypatch
):
    """The limit is on the whole export: no single file here reaches it, together they do."""
    make_world(user, "Spread")
    archive = export_zip(auth_client)
    largest = max(len(rows) - 1 for rows in files_of(archive).values())
    monkeypatch.setattr("apps.exports.restore.MAX_ROWS", largest + 1)
    response = restore(newcomer_client, archive)
    assert "more rows than Rebound can restore at once" in html.unescape(response.content.decode())
    assert account_is_empty(newcomer)


def test_the_row_limit_leaves_room_for_the_largest_background_restore():
    """The worker restores archives of 100,000 rows in the background (issue 12)."""
    from apps.core import limits

    assert limits.RESTORE_MAX_ROWS >= 120_000


def test_it_stops_reading_a_file_with_too_many_rows(
    auth_client, user, newcomer_client, newcomer, monkeypatch
):
    make_world(user, "Many")
    monkeypatch.setattr("apps.exports.restore.MAX_ROWS", 2)
    response = restore(newcomer_client, export_zip(auth_client))
    assert "more rows than Rebound can restore at once" in html.unescape(response.content.decode())
    assert account_is_empty(newcomer)


def test_it_restores_an_empty_export(newcomer_client, newcomer):
    data = export_zip(newcomer_client)
    assert restore(newcomer_client, data).status_code == 302
    assert account_is_empty(newcomer)


def test_it_checks_rules_between_rows_before_writing(auth_client, user, newcomer_client, newcomer):
    make_world(user, "Twice")

    def two_companies_same_name(key, rows):
        if key == "companies":
            rows.append(["77", "twice labs", "", "", "", ""])
        return rows

    data = rebuilt(export_zip(auth_client), change=two_companies_same_name)
    data = _manifest(lambda m: _bump(m, "companies"))(data)
    response = restore(newcomer_client, data)
    assert "Two companies have the same name." in response.content.decode()
    assert account_is_empty(newcomer)


def _bump(manifest, key):
    for entry in manifest["datasets"]:
        if entry["key"] == key:
            entry["rows"] += 1
    return manifest


def test_it_counts_what_it_restored_in_a_message(auth_client, user, newcomer_client):
    make_world(user, "Counted")
    response = newcomer_client.post(
        RESTORE, {"file": SimpleUploadedFile("all.zip", export_zip(auth_client))}, follow=True
    )
    body = response.content.decode()
    assert "Restored 23 rows, 1 of them applications." in body
    assert RecoveryStep.objects.count() == 16


def test_it_restores_long_text_exactly(auth_client, user, newcomer_client, newcomer):
    notes = "A long note. " * 1_500 + "\r\nwith a Windows line end"
    assert len(notes) > 0.95 * TEXT_MAX_CHARS
    ApplicationFactory(owner=user, notes=notes)
    assert restore(newcomer_client, export_zip(auth_client)).status_code == 302
    assert Application.objects.for_user(newcomer).get().notes == notes
