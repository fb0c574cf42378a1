import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect

from apps.applications.models import Application
from apps.applications.services import application_create, application_move
from apps.core.dates import today_for

SPREADSHEET = (
    "Organisation;Position;Stage;Date applied;Job link;Compensation;Comments\n"
    "Hooli;Data engineer;Applied;2026-01-05;https://hooli.example/jobs/7;€50,000 - 60,000;Warm\n"
    "Pied Piper;;Interview;2026-01-06;;;This row has no job title\n"
    "Initech;QA engineer;Ghosted;2026-01-07;;55k;\n"
)


def _log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main").get_by_text("Your menu")).to_be_visible()


def test_it_exports_filtered_applications_and_imports_a_spreadsheet_with_a_bad_row(
    page, user, password, tmp_path: Path
):
    today = today_for(user)
    screening = application_create(owner=user, company_name="Globex", role_title="Analyst")
    application_move(application=screening, status="screening", on=today)
    application_create(owner=user, company_name="Umbrella", role_title="Chemist")
    _log_in(page, user, password)

    # Filter the table, then download what it shows.
    page.goto("/applications/")
    page.wait_for_load_state()
    page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Stage", exact=True).select_option("screening")
    expect(page.get_by_role("link", name="Chemist")).to_have_count(0)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export these").click()
    download = download_info.value
    assert re.fullmatch(r"rebound-applications-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_text("utf-8-sig"), newline="")))
    assert rows[0][:5] == ["ID", "Company ID", "Company", "Role", "Status"]
    assert [row[2:5] for row in rows[1:]] == [["Globex", "Analyst", "screening"]]

    # Import an old spreadsheet from the settings page's link.
    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Your data: export or import").click()
    expect(page.get_by_role("heading", name="Your data", exact=True)).to_be_visible()
    page.get_by_role("button", name="Import applications from a CSV").click()
    sheet = tmp_path / "my-old-tracker.csv"
    sheet.write_text(SPREADSHEET, encoding="utf-8")
    page.get_by_label("Spreadsheet (CSV)").set_input_files(sheet)
    page.get_by_role("button", name="Upload and continue").click()

    # The columns were recognised from their headers.
    expect(page.get_by_role("heading", name="Match the columns")).to_be_visible()
    expect(page.get_by_label("Company")).to_have_value("0")
    expect(page.get_by_label("Job title")).to_have_value("1")
    expect(page.get_by_label("Salary (a figure or a range)")).to_have_value("5")
    page.get_by_role("button", name="Preview the import").click()

    # The preview names the bad row and what is wrong with it; nothing is saved yet.
    expect(page.get_by_role("status").filter(has_text="rows are ready")).to_have_text(
        "2 of 3 rows are ready. 1 row needs a look."
    )
    problems = page.locator("table.import-problems")
    expect(problems).to_contain_text("Pied Piper")
    expect(problems).to_contain_text("The job title is empty.")
    assert Application.objects.filter(owner=user).count() == 2

    page.get_by_role("button", name="Import the 2 ready rows only").click()
    expect(
        page.get_by_text("Imported 2 applications. 1 row with problems left out.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Data engineer")).to_be_visible()
    expect(page.get_by_role("link", name="QA engineer")).to_be_visible()
    hooli = Application.objects.get(owner=user, role_title="Data engineer")
    assert (hooli.company.name, hooli.salary_min, hooli.salary_max) == ("Hooli", 50000, 60000)
    assert Application.objects.get(owner=user, role_title="QA engineer").status == "no_response"
    assert not Application.objects.filter(company__name="Pied Piper").exists()
