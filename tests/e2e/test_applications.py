import re

from playwright.sync_api import expect

from apps.applications.models import Application, StatusChange
from apps.applications.services import application_create


def _log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("navigation", name="Main").get_by_text("Your menu")).to_be_visible()


def test_a_person_adds_finds_and_moves_an_application(page, user, password):
    application_create(owner=user, company_name="Globex", role_title="Data analyst")
    _log_in(page, user, password)

    # Create through the form.
    page.goto("/applications/new/")
    page.get_by_label("Company").fill("Acme Labs")
    page.get_by_label("Role").fill("Platform engineer")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", name="Platform engineer")).to_be_visible()
    application = Application.objects.get(role_title="Platform engineer")

    nav = page.get_by_role("navigation", name="Main")

    # Filter the table: htmx swaps the rows and the address keeps the search.
    nav.get_by_role("link", name="Applications", exact=True).click()
    page.wait_for_load_state()  # htmx is set up once its deferred script has run
    expect(page.get_by_role("link", name="Data analyst")).to_be_visible()
    page.get_by_label("Search").fill("acme")
    expect(page.get_by_role("link", name="Data analyst")).to_have_count(0)
    expect(page.get_by_role("link", name="Platform engineer")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=acme"))

    # Drag the card to "Interviewing" on the board.
    page.get_by_role("button", name="Board view").click()
    page.wait_for_load_state()
    card = page.locator(f'[data-card="{application.pk}"]')
    target = page.locator('ul.board-cards[data-status="interviewing"]')
    card.drag_to(target)
    expect(page.get_by_role("status")).to_contain_text("Moved Platform engineer at Acme Labs")
    expect(target.locator(f'[data-card="{application.pk}"]')).to_be_visible()
    application.refresh_from_db()
    assert application.status == "interviewing"
    assert StatusChange.objects.filter(application=application).count() == 2

    # The move is in the timeline.
    page.get_by_role("link", name=re.compile("Platform engineer")).click()
    expect(page.locator(".timeline")).to_contain_text("Applied → Interviewing")
