"""The design on a phone: no page scrolls sideways, the dashboard's first screen holds
today's check-in and the "heard back" form, and a logged "no" brings its plan into view."""

import random

import pytest
from django.test import Client
from playwright.sync_api import expect

from apps.applications.services import application_create
from apps.demo.seed import seed_everything
from apps.rejections.models import Rejection
from tests.ownership import OWNED_ROUTES
from tests.routes import API_PREFIX, iter_routes

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"Browser console errors: {errors}"


def _log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {user.display_name}")).to_be_visible()


def _signed_in_pages(user) -> list[str]:
    """Every route that answers a signed-in GET with a whole HTML page, with ids of this
    person's own objects for the routes that take one."""
    client = Client()
    client.force_login(user)
    paths = []
    for route in iter_routes():
        if route.name.startswith(API_PREFIX):
            continue
        if route.converters:
            if route.name not in OWNED_ROUTES:
                continue
            path = route.url(**OWNED_ROUTES[route.name](user))
        else:
            path = route.url()
        response = client.get(path)
        is_page = response["Content-Type"].startswith("text/html") and b"<html" in response.content
        if response.status_code == 200 and is_page:
            paths.append(path)
    return paths


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_signed_in_page_scrolls_sideways_on_a_phone(phone, user, password):
    seed_everything(user, applications=40, rng=random.Random(7))
    paths = _signed_in_pages(user)
    # The walk must reach the pages people use, or it would pass by visiting nothing.
    for expected in ["/", "/applications/", "/applications/board/", "/self-care/", "/export/"]:
        assert expected in paths
    assert len(paths) >= 25

    _log_in(phone, user, password)
    too_wide = {}
    for path in paths:
        phone.goto(path)
        width = _page_width(phone)
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}


def test_the_phone_dashboard_opens_on_the_check_in_and_heard_back(phone, user, password):
    seed_everything(user, applications=40, rng=random.Random(7))
    _log_in(phone, user, password)

    for control in [
        phone.get_by_role("button", name="Rough"),
        phone.get_by_role("button", name="Great"),
        phone.locator("#quick-log").get_by_label("Which application?"),
        phone.locator("#quick-log").get_by_role("button", name="Log it"),
    ]:
        box = control.bounding_box()
        assert box is not None
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= PHONE["height"], control


def test_logging_a_no_on_a_phone_moves_focus_and_view_to_its_plan(phone, user, password):
    application_create(owner=user, company_name="Initech", role_title="Support lead")
    application_create(owner=user, company_name="Globex", role_title="Analyst")
    _log_in(phone, user, password)

    quick = phone.locator("#quick-log")
    quick.get_by_label("Which application?").select_option(label="Initech: Support lead")
    quick.get_by_role("button", name="Log it").click()
    expect(quick.get_by_text("Logged Initech")).to_be_visible()

    rejection_id = Rejection.objects.get(application__company__name="Initech").pk
    plan = phone.locator(f"#plan-{rejection_id}")
    expect(plan.locator(":scope > summary")).to_be_focused()
    expect(plan.get_by_role("heading", name="Initech · Support lead")).to_be_in_viewport()
    expect(plan).to_have_attribute("open", "")


def test_the_bulk_bar_waits_for_a_selection_and_board_cards_move_from_one_menu(
    page, user, password
):
    seed_everything(user, applications=40, rng=random.Random(7))
    _log_in(page, user, password)

    page.goto("/applications/")
    bar = page.locator("[data-bulk-bar]")
    expect(bar).to_be_hidden()
    page.locator('input[name="ids"]').first.check()
    expect(bar).to_be_visible()
    expect(bar.locator("legend")).to_have_text("With the 1 selected applications")
    expect(page.get_by_label("Stage to move them to")).to_have_value("")

    page.goto("/applications/board/")
    card = page.locator('ul[data-status="applied"] .board-card').first
    card_id = card.get_attribute("data-card")
    card.locator("summary").click()
    card.get_by_role("button", name="Interviewing", exact=True).click()
    moved = page.locator(f'ul[data-status="interviewing"] [data-card="{card_id}"]')
    expect(moved).to_be_visible()

    # While a card is held, the closed stages are in view, not far below the columns.
    held = page.locator('ul[data-status="applied"] .board-card').first
    page.evaluate("window.scrollTo(0, 0)")
    closed_zone = page.get_by_label("Withdrawn", exact=True)
    expect(closed_zone).not_to_be_in_viewport()
    box = held.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40, steps=5)
    expect(page.locator("#board.is-dragging")).to_have_count(1)
    expect(closed_zone).to_be_in_viewport()
    page.mouse.up()
