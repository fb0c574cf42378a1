import datetime
import re

from playwright.sync_api import expect

from apps.applications.models import Status
from apps.applications.services import application_create, application_move
from apps.core.dates import today_for
from apps.feedback.models import FeedbackRequest


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {user.name}")).to_be_visible()


def rejected_application(user, *, role_title, company_name):
    today = today_for(user)
    application = application_create(
        owner=user,
        company_name=company_name,
        role_title=role_title,
        applied_on=today - datetime.timedelta(days=14),
    )
    application_move(
        application=application, status=Status.SCREENING, on=today - datetime.timedelta(days=7)
    )
    application_move(application=application, status=Status.REJECTED, on=today)
    return application


def test_a_person_asks_for_feedback_copies_it_sends_it_and_records_the_answer(
    page, live_server, user, password
):
    rejected_application(user, role_title="Data Analyst", company_name="Hooli")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in(page, user, password)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Rejections").click()
    page.get_by_role("navigation", name="Rejections and feedback").get_by_role(
        "link", name="Feedback"
    ).click()
    page.get_by_role("button", name="Ask for feedback").click()
    expect(page).to_have_url(re.compile(r"/feedback/new/$"))
    page.wait_for_load_state()  # htmx is ready once the deferred scripts have run
    message = page.get_by_label("Your message")
    expect(message).to_have_value("")
    page.get_by_label("Which application?").select_option(label="Data Analyst at Hooli")
    # The draft arrives through htmx, filled in from the application.
    expect(message).to_have_value(
        re.compile(r"Data Analyst role at Hooli[\s\S]*the screening stage")
    )
    page.get_by_label("LinkedIn").check()
    page.get_by_role("button", name="Save the request").click()

    expect(page.get_by_role("heading", name="Feedback on Data Analyst at Hooli")).to_be_visible()
    request = FeedbackRequest.objects.get()
    assert request.channel == "linkedin"
    draft = page.locator("#feedback-message")
    expect(draft).to_have_value(request.message)

    page.get_by_role("button", name="Copy the message").click()
    expect(page.get_by_text("Copied. Paste it wherever")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == request.message

    page.get_by_role("button", name="I have sent it").click()
    expect(page.get_by_text("Sent, waiting")).to_be_visible()
    expect(page.get_by_role("button", name="Record their answer")).to_be_visible()
    request.refresh_from_db()
    assert request.status == "sent"
    assert request.follow_up_on == request.asked_on + datetime.timedelta(days=7)

    page.get_by_role("button", name="Record their answer").click()
    page.get_by_label("What they said").fill("Clear thinking; a little more SQL depth next time.")
    page.get_by_label("Your takeaways").fill("Practise window functions.")
    page.get_by_label("Encouraging").check()
    page.get_by_role("button", name="Save the answer").click()

    expect(page.get_by_text("Saved. Thank you for writing it down.")).to_be_visible()
    expect(page.get_by_text("a little more SQL depth next time")).to_be_visible()
    request.refresh_from_db()
    assert (request.status, request.tone) == ("answered", "encouraging")

    page.get_by_role("link", name="All feedback requests").click()
    expect(page.get_by_text("1 of 1")).to_be_visible()


def test_choosing_another_application_keeps_a_message_the_person_edited(page, user, password):
    first = rejected_application(user, role_title="Data Analyst", company_name="Hooli")
    rejected_application(user, role_title="Designer", company_name="Pied Piper")
    log_in(page, user, password)

    page.goto(f"/feedback/new/?application={first.pk}")  # waits for the page to load
    message = page.get_by_label("Your message")
    expect(message).to_have_value(re.compile("Data Analyst role at Hooli"))

    page.get_by_label("Which application?").select_option(label="Designer at Pied Piper")
    expect(message).to_have_value(re.compile("Designer role at Pied Piper"))

    message.fill("Hi Richard, my own words.")
    page.get_by_label("Which application?").select_option(label="Data Analyst at Hooli")
    expect(page.get_by_text("You have changed the message")).to_be_visible()
    expect(message).to_have_value("Hi Richard, my own words.")
