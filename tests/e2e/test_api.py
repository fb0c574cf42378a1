"""The API as a person meets it: the documentation page under the Content Security Policy,
a token made in settings and used from outside the browser, then revoked."""

import json
import re
import urllib.error
import urllib.request

from playwright.sync_api import expect

from apps.applications.models import Application
from tests.e2e.conftest import log_in


def call(url: str, token: str, data: dict | None = None) -> tuple[int, dict]:
    """A request from outside the browser, as curl would send it."""
    request = urllib.request.Request(
        url,
        data=json.dumps(data).encode() if data is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_docs_page_runs_swagger_ui_under_the_csp(page, user, password):
    log_in(page, user, password)
    page.goto("/api/docs/")
    expect(page.get_by_role("heading", name=re.compile("Rebound API"))).to_be_visible()
    expect(page.get_by_text("Quick start")).to_be_visible()
    summary = page.locator("#operations-Dashboard-summary")
    summary.locator(".opblock-summary-control").click()
    summary.get_by_role("button", name="Try it out").click()
    summary.get_by_role("button", name="Execute").click()
    # Signed in, "Try it out" uses the session: the person's own summary comes back.
    status = summary.locator(".live-responses-table tbody .response-col_status").first
    expect(status).to_have_text("200")
    expect(summary.locator(".live-responses-table")).to_contain_text('"pipeline"')
    # The page fixture fails the test on any console error, CSP violations included.


def test_a_token_made_in_settings_works_until_it_is_revoked(page, user, password, live_server):
    log_in(page, user, password)
    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Manage API tokens").click()
    page.get_by_label("Name").fill("Laptop script")
    page.get_by_label("Read and write").check()
    page.get_by_role("button", name="Make the token").click()
    token = page.get_by_role("textbox", name="Token", exact=True).input_value()
    assert token.startswith("rbt_")
    expect(page.get_by_text("it is shown only this once")).to_be_visible()

    status, created = call(
        f"{live_server.url}/api/v1/applications",
        token,
        {"company_name": "Umbrella", "role_title": "Field researcher"},
    )
    assert status == 201
    status, _moved = call(
        f"{live_server.url}/api/v1/applications/{created['id']}/move", token, {"status": "offer"}
    )
    assert status == 200

    page.goto("/applications/")
    expect(page.get_by_role("link", name="Field researcher")).to_be_visible()
    page.goto("/accounts/settings/tokens/")
    # Shown once, never again.
    expect(page.get_by_role("textbox", name="Token", exact=True)).to_have_count(0)
    expect(page.locator(".token-item strong")).to_have_text("Laptop script")
    expect(page.get_by_text(re.compile("last used"))).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke Laptop script").click()
    expect(page.get_by_text("Anything using it is refused from now on")).to_be_visible()

    status, problem = call(f"{live_server.url}/api/v1/applications", token)
    assert status == 401 and "not valid" in problem["detail"]
    assert Application.objects.get().status == "offer"
