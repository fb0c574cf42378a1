"""After a write in one panel, the other panels on the page that show the same data fetch
themselves (each listens for the event the write sends): what the person sees changes
without a reload."""

import datetime

from playwright.sync_api import expect

from apps.applications.services import application_create
from apps.contacts.services import contact_create
from apps.core.dates import today_for
from apps.rejections.services import rejection_log
from tests.e2e.helpers import log_in

STILL_HERE = "window.reboundStillHere = true"


def _no_reload(page):
    assert page.evaluate("window.reboundStillHere") is True


def test_logging_a_rejection_updates_the_pipeline(page, user, password):
    application_create(owner=user, company_name="Initech", role_title="Support lead")
    application_create(owner=user, company_name="Globex", role_title="Analyst")
    log_in(page, user, password)
    applied = page.locator("#pipeline-panel").get_by_role("row", name="Applied")
    expect(applied.locator("td").first).to_have_text("2")

    page.evaluate(STILL_HERE)
    quick = page.locator("#quick-log")
    quick.get_by_label("Which application?").select_option(label="Initech: Support lead")
    quick.get_by_role("button", name="Log it").click()
    expect(quick.get_by_text("Logged Initech")).to_be_visible()
    expect(applied.locator("td").first).to_have_text("1")
    _no_reload(page)


def test_resting_from_the_plan_quiets_the_follow_ups(page, user, password):
    today = today_for(user)
    application_create(
        owner=user, company_name="Hooli", role_title="Designer", next_follow_up_on=today
    )
    rejected = application_create(owner=user, company_name="Globex", role_title="Analyst")
    rejection_log(application=rejected, received_on=today)
    log_in(page, user, password)
    follow_ups = page.locator("#due-panel")
    expect(follow_ups.get_by_role("link", name="Hooli: Designer")).to_be_visible()

    page.evaluate(STILL_HERE)
    page.locator("#recovery-plan").get_by_role("button", name="Rest two days").click()
    expect(follow_ups.get_by_text("Follow-ups will wait for you")).to_be_visible()
    expect(follow_ups.get_by_role("link", name="Hooli: Designer")).to_have_count(0)
    _no_reload(page)


def test_a_check_in_updates_the_self_care_step_and_the_mood_history(page, user, password):
    rejected = application_create(owner=user, company_name="Globex", role_title="Analyst")
    rejection_log(application=rejected, received_on=today_for(user))
    log_in(page, user, password)

    # On the dashboard: the plan's self-care step notices today's check-in.
    page.evaluate(STILL_HERE)
    step = page.locator(".plan-step", has_text="Look after yourself")
    expect(step.get_by_role("button", name="Check in now")).to_be_visible()
    page.locator("#checkin-panel").get_by_role("button", name="Good").click()
    expect(step.get_by_text("You checked in today: good.")).to_be_visible()
    expect(step.get_by_role("button", name="Add to today’s check-in")).to_be_visible()
    _no_reload(page)

    # On the history page: the patterns and the charts take in a new check-in.
    page.goto("/self-care/")
    page.evaluate(STILL_HERE)
    expect(page.locator("#mood-charts")).to_contain_text("1 day with a check-in")
    page.locator("#checkin-panel").get_by_role("button", name="Great").click()
    expect(page.locator("#checkin-panel").get_by_text("Today you feel great.")).to_be_visible()
    line = page.locator("#mood-charts").get_by_role("img", name="Your mood over the last 30 days")
    expect(line.locator("circle.mood-5")).to_have_count(1)
    expect(page.locator("#mood-patterns")).to_contain_text("Mostly around “great”")
    _no_reload(page)


def test_logging_an_interaction_updates_the_reconnect_suggestions(page, user, password):
    long_ago = today_for(user) - datetime.timedelta(days=90)
    contact = contact_create(owner=user, name="Dana Whitfield", strength=5)
    contact.last_contacted_on = long_ago
    contact.save(update_fields=["last_contacted_on"])
    log_in(page, user, password)
    page.goto("/contacts/")
    suggestions = page.locator("#reconnect")
    expect(suggestions.get_by_role("link", name="Dana Whitfield")).to_be_visible()

    page.evaluate(STILL_HERE)
    item = page.locator("li.contact-item", has_text="Dana Whitfield")
    item.get_by_text("Log an interaction").click()
    item.get_by_label("What it was").select_option(label="Message")
    item.get_by_role("button", name="Log it").click()
    expect(item.get_by_text("Logged: message")).to_be_visible()
    expect(suggestions.get_by_role("link", name="Dana Whitfield")).to_have_count(0)
    _no_reload(page)
