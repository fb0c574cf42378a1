import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.applications.models import Application, Company
from apps.exports import services
from apps.exports.models import PendingImport
from apps.exports.services import RowFailed, applications_import
from apps.exports.spreadsheet import ImportRow
from tests.exports.conftest import read_csv, streamed
from tests.factories import ApplicationFactory, CompanyFactory

INDEX = reverse("exports:index")
FILTERED = reverse("exports:applications_filtered")
UPLOAD = reverse("exports:import_upload")


def test_it_lists_every_dataset_with_the_persons_row_counts(auth_client, world, other_world):
    response = auth_client.get(INDEX)
    assert response.status_code == 200
    body = response.content.decode()
    counts = {dataset.key: count for dataset, count in response.context["counts"]}
    assert counts == {
        "applications": 1,
        "status-history": 4,
        "interviews": 1,
        "emails": 1,
        "rejections": 1,
        "recovery-steps": 8,
        "reflections": 1,
        "feedback-requests": 1,
        "contacts": 1,
        "interactions": 1,
        "application-contacts": 1,
        "check-ins": 1,
        "companies": 1,
    }
    assert reverse("exports:dataset", kwargs={"dataset": "status-history"}) in body
    assert reverse("exports:everything") in body
    assert "Download everything (ZIP)" in body


def test_it_counts_with_one_query_per_dataset(auth_client, user, django_assert_max_num_queries):
    with django_assert_max_num_queries(12 + 3):
        auth_client.get(INDEX)


def test_it_answers_404_for_a_dataset_that_does_not_exist(auth_client):
    response = auth_client.get(reverse("exports:dataset", kwargs={"dataset": "passwords"}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        INDEX,
        reverse("exports:everything"),
        reverse("exports:dataset", kwargs={"dataset": "applications"}),
        FILTERED,
    ],
)
def test_it_rejects_posts_to_downloads(auth_client, url):
    assert auth_client.post(url).status_code == 405


def test_it_links_to_the_export_page_from_settings(auth_client):
    body = auth_client.get(reverse("accounts:settings")).content.decode()
    assert f'href="{INDEX}"' in body
    assert "Your data: export or import" in body


# "Export these" ---------------------------------------------------------------------------


def test_it_exports_what_the_filtered_table_shows(auth_client, user, other_user):
    company = CompanyFactory(owner=user, name="Acme")
    ApplicationFactory(owner=user, company=company, role_title="Open one", status="screening")
    ApplicationFactory(owner=user, company=company, role_title="Closed one", status="rejected")
    ApplicationFactory(owner=user, company=company, role_title="Archived", archived=True)
    ApplicationFactory(owner=other_user, role_title="Someone else's", status="screening")
    response = auth_client.get(FILTERED, {"status": "screening"})
    assert response["Content-Disposition"].startswith('attachment; filename="rebound-applications-')
    rows = read_csv(streamed(response))
    assert [row[3] for row in rows[1:]] == ["Open one"]

    rows = read_csv(streamed(auth_client.get(FILTERED)))
    assert sorted(row[3] for row in rows[1:]) == ["Closed one", "Open one"]
    rows = read_csv(streamed(auth_client.get(FILTERED, {"archived": "all", "sort": "role"})))
    assert [row[3] for row in rows[1:]] == ["Archived", "Closed one", "Open one"]


def test_it_ignores_filters_it_cannot_read(auth_client, user):
    ApplicationFactory(owner=user, role_title="Kept")
    rows = read_csv(streamed(auth_client.get(FILTERED, {"status": "nonsense", "sort": "??"})))
    assert [row[3] for row in rows[1:]] == ["Kept"]


def test_it_offers_export_these_on_the_table_with_the_current_filters(auth_client, user):
    ApplicationFactory(owner=user, status="screening")
    body = auth_client.get(reverse("applications:list"), {"status": "screening"}).content.decode()
    assert f'href="{FILTERED}?status=screening"' in body
    assert "Export these" in body


# Spreadsheet import -------------------------------------------------------------------------

GOOD = (
    "Organisation;Position;Stage;Applied on;Link;Compensation;Comments\n"
    "Acme;Backend developer;Applied;2026-01-05;https://acme.example/jobs/1;€50,000 - 60,000;Nice\n"
    "Initech;QA engineer;Ghosted;2026-01-06;;50k-60k;\n"
)
WITH_A_BAD_ROW = GOOD + "Globex;;Interview;2026-01-07;;;\n"


def upload(client, text: str, name: str = "old.csv"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, text.encode("utf-8"))})


def pending_for(user) -> PendingImport:
    return PendingImport.objects.for_user(user).get()


def map_columns(client, pending: PendingImport, **overrides):
    url = reverse("exports:import_mapping", kwargs={"token": pending.token})
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data.update(overrides)
    return client.post(url, data)


def test_it_imports_a_spreadsheet_through_mapping_and_preview(auth_client, user):
    response = upload(auth_client, GOOD)
    pending = pending_for(user)
    assert response["Location"] == reverse(
        "exports:import_mapping", kwargs={"token": pending.token}
    )
    mapping_page = auth_client.get(response["Location"])
    assert mapping_page.status_code == 200
    form = mapping_page.context["form"]
    assert form["company"].value() == "0"
    assert form["role"].value() == "1"
    assert form["salary"].value() == "5"
    assert "semicolons" in mapping_page.content.decode()

    response = map_columns(auth_client, pending)
    preview_url = reverse("exports:import_preview", kwargs={"token": pending.token})
    assert response["Location"] == preview_url
    preview = auth_client.get(preview_url).content.decode()
    assert "2 of 2 rows are ready." in preview
    assert Application.objects.count() == 0, "nothing is written before the confirmation"

    response = auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    assert response["Location"] == reverse("applications:list")
    acme = Application.objects.for_user(user).get(company__name="Acme")
    assert (acme.role_title, acme.status, acme.salary_min, acme.salary_max) == (
        "Backend developer",
        "applied",
        50000,
        60000,
    )
    assert acme.salary_currency == "EUR"
    assert acme.applied_on == datetime.date(2026, 1, 5)
    assert acme.status_changes.get().to_status == "applied", "the history has its first entry"
    initech = Application.objects.for_user(user).get(company__name="Initech")
    assert initech.status == "no_response"
    kept = PendingImport.objects.get()
    assert kept.sheet == {}, "the upload's cells are let go once imported"
    assert (kept.imported_count, kept.skipped_count) == (2, 0)


def test_it_answers_a_second_import_click_with_the_first_result(auth_client, user):
    upload(auth_client, GOOD)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    confirm = reverse("exports:import_confirm", kwargs={"token": pending.token})
    auth_client.post(confirm, {"mode": "all"})
    response = auth_client.post(confirm, {"mode": "all"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("applications:list")
    assert "Imported 2 applications." in response.content.decode()
    assert Application.objects.for_user(user).count() == 2, "imported once"
    preview = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    assert preview["Location"] == reverse("applications:list")


def test_it_matches_existing_companies_by_name(auth_client, user):
    existing = CompanyFactory(owner=user, name="ACME")
    upload(auth_client, GOOD)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    assert Application.objects.get(role_title="Backend developer").company == existing


def test_it_writes_nothing_while_a_row_is_bad_unless_asked(auth_client, user):
    upload(auth_client, WITH_A_BAD_ROW)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    preview = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    body = preview.content.decode()
    assert "2 of 3 rows are ready. 1 row needs a look." in body
    assert "The job title is empty." in body
    assert "Import the 2 ready rows only" in body

    confirm = reverse("exports:import_confirm", kwargs={"token": pending.token})
    response = auth_client.post(confirm, {"mode": "all"}, follow=True)
    assert "nothing was imported" in response.content.decode()
    assert Application.objects.count() == 0

    response = auth_client.post(confirm, {"mode": "valid_only"}, follow=True)
    assert "Imported 2 applications. 1 row with problems left out." in response.content.decode()
    assert sorted(Application.objects.for_user(user).values_list("role_title", flat=True)) == [
        "Backend developer",
        "QA engineer",
    ]


def test_it_uses_the_chosen_default_for_unknown_stages(auth_client, user):
    upload(auth_client, "Company,Role,Status\nAcme,Dev,Pondering\n")
    pending = pending_for(user)
    map_columns(auth_client, pending, default_status="wishlist")
    preview = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    assert "“Pondering” is not a stage Rebound knows" in preview.content.decode()
    auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    assert Application.objects.get().status == "wishlist"


def test_it_lets_the_person_change_the_mapping(auth_client, user):
    upload(auth_client, "Employer,Job,Where\nAcme,Dev,Lisbon\n")
    pending = pending_for(user)
    map_columns(auth_client, pending, location="", notes="2")
    auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    application = Application.objects.get()
    assert (application.location, application.notes) == ("", "Lisbon")


BAD_UPLOADS = {
    "empty": (b"", "The file is empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "does not look like a text file"),
    "excel": (b"PK\x03\x04" + b"\x00" * 40, "Excel workbook"),
    "encoding": (b"Company,Role\n\x81\x8d,Dev\n", "encoding Rebound cannot read"),
    "header only": (b"Company,Role\n", "no applications under it"),
    "too large": (b"Company,Role\n" + b"Acme,Dev\n" * 600_000, "larger than 5 MB"),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_it_explains_a_file_it_cannot_import_and_keeps_nothing(case, auth_client, user):
    data, message = BAD_UPLOADS[case]
    response = auth_client.post(UPLOAD, {"file": SimpleUploadedFile("old.csv", data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PendingImport.objects.exists()
    assert Application.objects.count() == 0


def test_it_asks_for_a_file(auth_client):
    response = auth_client.post(UPLOAD, {})
    assert "Choose a CSV file of at most 5 MB to upload." in response.content.decode()


def test_it_insists_on_the_required_columns(auth_client, user):
    upload(auth_client, "Name,Notes\nAcme,Nice\n")
    pending = pending_for(user)
    url = reverse("exports:import_mapping", kwargs={"token": pending.token})
    body = auth_client.get(url).content.decode()
    assert "could not find a column for the company or the job title" in body
    response = map_columns(auth_client, pending)
    assert response.status_code == 200
    assert "Choose the column that holds the job title" in response.content.decode()
    assert not pending_for(user).mapping


def test_it_refuses_the_same_column_for_two_fields(auth_client, user):
    upload(auth_client, "Company,Role\nAcme,Dev\n")
    pending = pending_for(user)
    response = map_columns(auth_client, pending, notes="1")
    assert "already chosen for “Job title”" in response.content.decode()


def test_it_flags_ragged_rows_in_the_preview(auth_client, user):
    upload(auth_client, "Company,Role,Salary\nAcme,Dev,50,000\nInitech,QA,40000\n")
    pending = pending_for(user)
    map_columns(auth_client, pending)
    body = auth_client.get(
        reverse("exports:import_preview", kwargs={"token": pending.token})
    ).content.decode()
    assert "This row has 4 cells where the header has 3." in body
    assert "1 of 2 rows is ready. 1 row needs a look." in body


def test_it_writes_nothing_if_the_service_refuses_a_row(user):
    good = ImportRow(number=2, values={"company_name": "Acme", "role_title": "Dev"})
    refused = ImportRow(
        number=3, values={"company_name": "Initech", "role_title": "QA", "status": "nope"}
    )
    with pytest.raises(RowFailed) as failure:
        applications_import(owner=user, rows=[good, refused], pending=None)
    assert failure.value.number == 3
    assert Application.objects.count() == 0
    assert Company.objects.count() == 0


def test_it_shows_another_persons_upload_as_not_found(auth_client, other_user):
    other = Client()
    other.force_login(other_user)
    upload(other, GOOD)
    pending = pending_for(other_user)
    for name in ("import_mapping", "import_preview"):
        url = reverse(f"exports:{name}", kwargs={"token": pending.token})
        assert auth_client.get(url).status_code == 404
    for name in ("import_confirm", "import_discard"):
        url = reverse(f"exports:{name}", kwargs={"token": pending.token})
        assert auth_client.post(url, {"mode": "all"}).status_code == 404
    assert Application.objects.count() == 0


def test_it_lets_the_person_discard_an_upload(auth_client, user):
    upload(auth_client, GOOD)
    pending = pending_for(user)
    response = auth_client.post(reverse("exports:import_discard", kwargs={"token": pending.token}))
    assert response["Location"] == UPLOAD
    assert not PendingImport.objects.exists()


def test_it_clears_uploads_older_than_a_day(auth_client, user):
    upload(auth_client, GOOD)
    pending = pending_for(user)
    PendingImport.objects.update(created_at=pending.created_at - datetime.timedelta(days=2))
    response = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    assert response["Location"] == UPLOAD
    assert not PendingImport.objects.exists()


def test_it_keeps_only_a_few_uploads_per_person(auth_client, user):
    for _ in range(7):
        upload(auth_client, GOOD)
    assert PendingImport.objects.for_user(user).count() == 5


@pytest.mark.parametrize(
    ("name", "method"),
    [("import_confirm", "get"), ("import_discard", "get"), ("import_preview", "post")],
)
def test_it_rejects_the_wrong_method(auth_client, user, name, method):
    upload(auth_client, GOOD)
    url = reverse(f"exports:{name}", kwargs={"token": pending_for(user).token})
    assert getattr(auth_client, method)(url).status_code == 405


def test_it_requires_the_csrf_token_on_every_write(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    file = SimpleUploadedFile("old.csv", GOOD.encode())
    assert client.post(UPLOAD, {"file": file}).status_code == 403
    zip_file = SimpleUploadedFile("all.zip", b"PK")
    assert client.post(reverse("exports:restore"), {"file": zip_file}).status_code == 403
    pending = PendingImport.objects.create(owner=user, token="t" * 32, sheet={})
    for name in ("import_mapping", "import_confirm", "import_discard"):
        url = reverse(f"exports:{name}", kwargs={"token": pending.token})
        assert client.post(url, {"mode": "all"}).status_code == 403
    assert PendingImport.objects.count() == 1
    assert Application.objects.count() == 0


def test_it_reads_the_rows_once_when_the_mapping_is_saved(auth_client, user, monkeypatch):
    """The preview and the import use the rows kept with the mapping; neither reads every
    cell of the sheet again."""
    upload(auth_client, GOOD)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    pending.refresh_from_db()
    assert [row[0] for row in pending.rows] == [2, 3]  # the rows' numbers in the file

    def read_again(*args, **kwargs):
        raise AssertionError("the rows were read again")

    monkeypatch.setattr(services, "parse_rows", read_again)
    preview = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    assert "2 of 2 rows are ready." in preview.content.decode()
    response = auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    assert response["Location"] == reverse("applications:list")
    acme = Application.objects.for_user(user).get(company__name="Acme")
    assert acme.applied_on == datetime.date(2026, 1, 5)


def test_a_salary_too_large_to_store_is_a_problem_in_the_preview(auth_client, user):
    upload(auth_client, "Company,Role,Salary from\nAcme,Dev,99999999999\n")
    pending = pending_for(user)
    map_columns(auth_client, pending)
    preview = auth_client.get(reverse("exports:import_preview", kwargs={"token": pending.token}))
    assert "0 of 1 row are ready. 1 row needs a look." in preview.content.decode()
    auth_client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": "all"}
    )
    assert Application.objects.count() == 0
