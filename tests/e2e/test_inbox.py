"""The inbox in a real browser: paste a rejection and act on it in one click, turn an
interview email into a scheduled interview, connect a mailbox (a real Dovecot) and see its
suggestions. Screenshots at desktop and phone widths go to test-artifacts/inbox/."""

import datetime

from playwright.sync_api import expect

from apps.applications.models import Interview
from apps.applications.services import application_create
from apps.rejections.models import Rejection
from tests.e2e.conftest import ARTIFACTS
from tests.inbox.conftest import _mailbox_key, dovecot  # noqa: F401 (fixtures)
from tests.inbox.corpus import SAMPLES

SAMPLE = {sample.name: sample for sample in SAMPLES}
SHOTS = ARTIFACTS / "inbox"


def _log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {user.name}")).to_be_visible()


def _shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, label in ((1280, "desktop"), (390, "phone")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def _paste(page, name):
    page.goto("/inbox/")
    page.get_by_label("Paste an email").fill(SAMPLE[name].as_bytes().decode())
    page.get_by_role("button", name="Read it").click()


def test_a_pasted_rejection_is_logged_in_one_click_and_the_plan_appears(
    page, user, password, today
):
    northwind = application_create(
        owner=user,
        company_name="Northwind Traders",
        role_title="Data Analyst",
        applied_on=today - datetime.timedelta(days=30),
    )
    _log_in(page, user, password)
    page.get_by_role("link", name="Paste the email instead").click()
    _paste(page, "rej_greenhouse_plain")
    card = page.locator(".suggestion-card").first
    expect(
        card.get_by_text("the sender is an applicant tracking system (Greenhouse)")
    ).to_be_visible()
    expect(card.get_by_label("Which application?")).to_have_value(f"app:{northwind.pk}")
    _shoot(page, "rejection-card")
    card.get_by_role("button", name="Log the rejection and see my plan").click()
    plan = page.locator("#recovery-plan")
    expect(plan.get_by_role("heading", name="Your recovery plan")).to_be_visible()
    expect(plan.get_by_role("heading", name="Northwind Traders · Data Analyst")).to_be_visible()
    assert Rejection.objects.get().application.company.name == "Northwind Traders"
    _shoot(page, "rejection-plan")


def test_an_interview_email_becomes_a_scheduled_interview(page, user, password, today):
    application_create(
        owner=user, company_name="Globex", role_title="Backend Engineer", applied_on=today
    )
    _log_in(page, user, password)
    _paste(page, "int_invite_dates")
    card = page.locator(".suggestion-card").first
    expect(card.get_by_label("Interview date and time")).to_have_value("2026-03-10T14:30")
    card.get_by_label("Kind of interview").select_option("technical")
    card.get_by_role("button", name="Schedule the interview").click()
    expect(page.get_by_role("heading", name="Round 1: Technical")).to_be_visible()
    expect(
        page.locator("summary", has_text="Interview invitation – Backend Engineer")
    ).to_be_visible()
    assert Interview.objects.get().application.status == "interviewing"
    _shoot(page, "interview-scheduled")


def test_a_connected_mailbox_produces_suggestions(page, user, password, dovecot):  # noqa: F811
    account = dovecot.add_user()
    for name in ("rej_lever_html", "ack_greenhouse", "trap_job_alert"):
        account.deliver(SAMPLE[name].as_bytes())
    account.hand_over()
    _log_in(page, user, password)
    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Read a mailbox for news about your applications").click()
    page.get_by_label("IMAP server").fill("127.0.0.1")
    page.get_by_label("Port").fill(str(dovecot.port))
    page.get_by_label("Security").select_option("none")
    page.get_by_label("Username").fill(account.name)
    page.get_by_label("App password").fill(account.password)
    page.get_by_role("button", name="Save the mailbox").click()
    expect(page.get_by_text("Mailbox saved.")).to_be_visible()
    page.get_by_role("button", name="Test the connection").click()
    expect(page.get_by_text("Connected. The folder “INBOX” holds 3 messages.")).to_be_visible()
    _shoot(page, "mailbox-settings")
    page.goto("/inbox/")
    page.get_by_role("button", name="Read new mail now").click()
    expect(page.get_by_text("Read 3 new messages; 2 about your search.")).to_be_visible()
    expect(page.locator(".suggestion-card")).to_have_count(2)
    _shoot(page, "mailbox-suggestions")
    page.goto("/")
    expect(page.get_by_role("link", name="2 emails about your applications")).to_be_visible()
    _shoot(page, "dashboard-notice")
