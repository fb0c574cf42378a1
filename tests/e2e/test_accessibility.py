"""Every main page, filled with demo data, passes axe-core's accessibility rules."""

import random
from pathlib import Path

import pytest

from apps.applications.models import Application
from apps.demo.seed import seed_everything
from apps.rejections.models import Rejection

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
PAGES = [
    "/",
    "/applications/",
    "/applications/board/",
    "/applications/new/",
    "/rejections/",
    "/rejections/insights/",
    "/rejections/example/",
    "/feedback/",
    "/contacts/",
    "/self-care/",
    "/export/",
    "/inbox/",
    "/inbox/mailbox/",
    "/accounts/settings/",
    "/accounts/settings/tokens/",
]


@pytest.fixture(params=["light", "dark"])
def axe_page(browser, live_server, transactional_db, request):
    # axe is injected as a script, which the app's CSP rightly forbids: this context alone
    # bypasses it. Each page is checked in both colour schemes (contrast differs).
    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, color_scheme=request.param
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def violations(page) -> list:
    page.add_script_tag(content=AXE)
    return page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target)}`)"""
    )


def test_the_main_pages_have_no_accessibility_violations(axe_page, user, password):
    seed_everything(user, applications=40, rng=random.Random(7))
    axe_page.goto("/accounts/login/")
    assert violations(axe_page) == []
    axe_page.get_by_label("Email address").fill(user.email)
    axe_page.get_by_label("Password").fill(password)
    axe_page.get_by_role("button", name="Log in").click()
    axe_page.wait_for_url("**/")

    application = Application.objects.for_user(user).exclude(status="rejected").first()
    rejection = Rejection.objects.filter(owner=user).first()
    found = {}
    for path in [*PAGES, application.get_absolute_url(), rejection.get_absolute_url()]:
        axe_page.goto(path)
        found[path] = violations(axe_page)
    assert found == {path: [] for path in found}
