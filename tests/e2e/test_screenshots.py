"""Screenshots of Rebound with demo data, for the README: `make screenshots` writes them to
docs/. In the ordinary test run they go to a temporary folder, so the pages they show are
checked to render on every run and the pictures never go stale."""

import os
import random
from pathlib import Path

import pytest
from playwright.sync_api import expect

from apps.demo.seed import seed_everything
from apps.rejections.models import Rejection

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def shots_dir(tmp_path) -> Path:
    chosen = os.environ.get("REBOUND_SCREENSHOTS")
    folder = (ROOT / chosen) if chosen else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_it_takes_the_readme_screenshots(browser, live_server, transactional_db, shots_dir):
    from tests.factories import UserFactory

    person = UserFactory(email="demo@example.com", display_name="Sam", password="demo-pass-1234")
    seed_everything(person, applications=60, rng=random.Random(2026))
    plan = Rejection.objects.filter(owner=person).order_by("-received_on", "-id").first()
    written = []
    for size, viewport in SIZES.items():
        context = browser.new_context(base_url=live_server.url, viewport=viewport)
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(person.email)
        page.get_by_label("Password").fill("demo-pass-1234")
        page.get_by_role("button", name="Log in").click()
        expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()
        for name, path, part in [
            ("dashboard", "/", None),
            ("plan", plan.get_absolute_url(), None),
            ("board", "/applications/board/", None),
            ("self-care-year", "/self-care/", "section[aria-labelledby='year-heading']"),
        ]:
            page.goto(path)
            target = shots_dir / f"{name}-{size}.png"
            if part:
                page.locator(part).screenshot(path=str(target))
            else:
                page.screenshot(path=str(target))
            written.append(target)
        context.close()
    assert all(path.stat().st_size > 10_000 for path in written)
    assert len(written) == 8
