import io
import json
import zipfile

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.exports import datasets
from apps.exports.datasets import APPLICATIONS, DATASETS
from apps.exports.streaming import csv_pieces
from tests.exports.conftest import make_world, read_csv, streamed
from tests.factories import ApplicationFactory, CompanyFactory

APPLICATIONS_CSV = reverse("exports:dataset", kwargs={"dataset": "applications"})


def test_it_streams_a_dataset_with_the_header_before_any_query(auth_client, user):
    ApplicationFactory.create_batch(3, owner=user)
    response = auth_client.get(APPLICATIONS_CSV)
    assert isinstance(response, StreamingHttpResponse)
    pieces = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as queries:
        first = next(pieces)
    assert first.startswith("\ufeffID,Company ID,".encode())
    assert len(queries) == 0, "the header leaves before the database is asked"
    with CaptureQueriesContext(connection) as queries:
        rest = b"".join(pieces)
    assert len(queries) == 1
    assert rest.count(b"\r\n") == 3


def test_it_reads_rows_in_chunks_from_one_query(auth_client, user, monkeypatch):
    monkeypatch.setattr(datasets, "CHUNK_SIZE", 5)
    monkeypatch.setattr("apps.exports.streaming.CHUNK_SIZE", 5)
    company = CompanyFactory(owner=user)
    ApplicationFactory.create_batch(12, owner=user, company=company)
    queryset = APPLICATIONS.queryset(user)
    with CaptureQueriesContext(connection) as queries:
        pieces = list(csv_pieces(APPLICATIONS, queryset))
    # The header, then 5 + 5 + 2 rows, all from a single query that was never cached.
    assert [piece.count("\r\n") for piece in pieces] == [1, 5, 5, 2]
    assert len(queries) == 1
    assert queryset._result_cache is None


def test_it_iterates_the_queryset_with_a_chunked_iterator(user):
    rows = APPLICATIONS.rows(APPLICATIONS.queryset(user))
    # A generator over QuerySet.iterator(), not a list: nothing is read until asked.
    assert iter(rows) is rows
    assert list(rows) == []


def _query_count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        streamed(response)
    return len(queries)


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_it_asks_the_database_the_same_number_of_times_for_1_or_many_rows(
    dataset, auth_client, user
):
    url = reverse("exports:dataset", kwargs={"dataset": dataset.key})
    make_world(user, "One")
    few = _query_count(auth_client, url)
    for index in range(4):
        make_world(user, f"More{index}")
    assert _query_count(auth_client, url) == few


def test_it_builds_the_zip_with_one_query_per_dataset_whatever_the_size(auth_client, user):
    url = reverse("exports:everything")
    make_world(user, "One")
    few = _query_count(auth_client, url)
    for index in range(4):
        make_world(user, f"More{index}")
    many = _query_count(auth_client, url)
    assert few == many
    assert many <= len(DATASETS) + 3  # plus the session and the person


def test_it_zips_every_dataset_and_a_manifest(auth_client, user, world):
    response = auth_client.get(reverse("exports:everything"))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="rebound-export-')
    archive = zipfile.ZipFile(io.BytesIO(streamed(response)))
    assert archive.testzip() is None
    names = archive.namelist()
    assert names == [dataset.file_name for dataset in DATASETS] + ["manifest.json"]
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "rebound-export"
    assert manifest["format_version"] == 1
    assert manifest["exported_at"].endswith("+00:00")
    counts = {entry["key"]: entry["rows"] for entry in manifest["datasets"]}
    assert counts["applications"] == 1
    assert counts["status-history"] == 4
    assert counts["recovery-steps"] == 8
    for dataset in DATASETS:
        rows = read_csv(archive.read(dataset.file_name))
        assert rows[0] == dataset.headers
        assert len(rows) - 1 == counts[dataset.key]


def test_it_names_the_file_with_the_date(auth_client, user):
    response = auth_client.get(APPLICATIONS_CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="rebound-applications-20')
    assert disposition.endswith('.csv"')


def test_it_writes_iso_dates_utf8_and_rfc4180_quoting(auth_client, user):
    ApplicationFactory(
        owner=user,
        company=CompanyFactory(owner=user, name="Zürich Straße, AG"),
        role_title='The "best" role',
        notes="line one\nline two",
        applied_on="2026-01-02",
        status_changed_on="2026-01-03",
    )
    content = streamed(auth_client.get(APPLICATIONS_CSV))
    text = content.decode("utf-8")
    assert '"Zürich Straße, AG"' in text
    assert '"The ""best"" role"' in text
    assert '"line one\nline two"' in text
    assert "2026-01-03,2026-01-02," in text
    assert text.count("\r\n") == 2  # header and one row; the newline in the notes is kept
    row = dict(zip(*read_csv(content), strict=True))
    assert row["Notes"] == "line one\nline two"
    assert row["Created at"].endswith("+00:00")
