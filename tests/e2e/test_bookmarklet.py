"""The "Save to Rebound" bookmarklet on job postings served by the test's own web server:
one page with schema.org JobPosting data, one without."""

import http.server
import json
import threading

import pytest
from playwright.sync_api import expect

from apps.applications.models import Application
from tests.e2e.conftest import log_in

POSTING = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "Organization", "name": "Not the employer"},
        {
            "@type": "JobPosting",
            "title": "Senior  Data Engineer",
            "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics"},
            "jobLocation": {
                "@type": "Place",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Lyon",
                    "addressCountry": "FR",
                },
            },
            "jobLocationType": "TELECOMMUTE",
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "eur",
                "value": {
                    "@type": "QuantitativeValue",
                    "minValue": 55000,
                    "maxValue": 65000.5,
                    "unitText": "YEAR",
                },
            },
            "url": "https://careers.acme.example/jobs/42",
        },
    ],
}
PAGES = {
    "/with-data.html": (
        "<!doctype html><html><head><title>Careers at Acme</title>"
        '<link rel="icon" href="data:,">'
        '<script type="application/ld+json">{ broken</script>'
        f'<script type="application/ld+json">{json.dumps(POSTING)}</script>'
        "</head><body><h1>Senior Data Engineer</h1></body></html>"
    ),
    "/plain.html": (
        "<!doctype html><html><head><title>Gardener wanted – Green Ltd</title>"
        '<link rel="icon" href="data:,"></head><body><p>Apply by email.</p></body></html>'
    ),
}


class PostingPages(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = PAGES.get(self.path.split("?")[0])
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write((body or "").encode())

    def log_message(self, *args):
        pass


@pytest.fixture
def job_site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PostingPages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def bookmarklet(page) -> str:
    page.goto("/applications/")
    page.get_by_text("Save job postings from any site").click()
    link = page.get_by_role("button", name="Save to Rebound")
    link.click()  # on Rebound itself it only explains what to do with it
    expect(page.get_by_text("Drag it to your bookmarks bar")).to_be_visible()
    return link.get_attribute("href")


def run_on(page, url: str, code: str):
    """Open the posting and click the bookmark, which runs its code in that page."""
    page.goto(url)
    page.evaluate(
        """href => {
            const bookmark = document.createElement("a");
            bookmark.id = "bookmark";
            bookmark.href = href;
            bookmark.textContent = "Save to Rebound";
            document.body.append(bookmark);
        }""",
        code,
    )
    with page.context.expect_page() as opened:
        page.click("#bookmark")
    form = opened.value
    form.wait_for_load_state()
    return form


def test_the_bookmarklet_saves_a_posting_in_two_clicks(page, user, password, job_site):
    log_in(page, user, password)
    code = bookmarklet(page)
    assert code.startswith("javascript:")

    form = run_on(page, f"{job_site}/with-data.html", code)
    expect(form.get_by_role("heading", name="Add an application")).to_be_visible()
    expect(form.get_by_label("Company")).to_have_value("Acme Robotics")
    expect(form.get_by_label("Role")).to_have_value("Senior Data Engineer")
    expect(form.get_by_label("Stage")).to_have_value("wishlist")
    expect(form.get_by_label("Link to the job posting")).to_have_value(
        "https://careers.acme.example/jobs/42"
    )
    expect(form.get_by_label("Location")).to_have_value("Lyon, FR")
    expect(form.get_by_label("Work mode")).to_have_value("remote")
    expect(form.get_by_label("Salary from")).to_have_value("55000")
    expect(form.get_by_label("Salary up to")).to_have_value("65001")
    expect(form.get_by_label("Currency")).to_have_value("EUR")
    assert not Application.objects.exists()  # nothing saved before the button

    form.get_by_role("button", name="Add application").click()
    expect(form.get_by_role("heading", name="Senior Data Engineer")).to_be_visible()
    saved = Application.objects.get()
    assert (saved.company.name, saved.status, saved.work_mode, saved.salary_currency) == (
        "Acme Robotics",
        "wishlist",
        "remote",
        "EUR",
    )
    assert saved.posting_url == "https://careers.acme.example/jobs/42"
    form.close()


def test_without_structured_data_it_takes_the_title_and_address(page, user, password, job_site):
    log_in(page, user, password)
    code = bookmarklet(page)
    form = run_on(page, f"{job_site}/plain.html", code)
    expect(form.get_by_label("Role")).to_have_value("Gardener wanted – Green Ltd")
    expect(form.get_by_label("Link to the job posting")).to_have_value(f"{job_site}/plain.html")
    expect(form.get_by_label("Company")).to_have_value("")
    form.get_by_role("button", name="Add application").click()
    expect(form.get_by_text("Enter the company’s name.")).to_be_visible()
    form.get_by_label("Company").fill("Green Ltd")
    form.get_by_label("Role").fill("Gardener")
    form.get_by_role("button", name="Add application").click()
    expect(form.get_by_role("heading", name="Gardener")).to_be_visible()
    assert Application.objects.get().posting_url == f"{job_site}/plain.html"
    form.close()
