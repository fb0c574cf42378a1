from playwright.sync_api import expect

from apps.applications.services import application_create
from apps.feedback.models import FeedbackRequest
from apps.rejections.models import Rejection, StepState


def _log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {user.name}")).to_be_visible()


def test_a_rejection_from_the_board_opens_a_plan_that_can_be_acted_on(page, user, password):
    application_create(owner=user, company_name="Globex", role_title="Data analyst")
    _log_in(page, user, password)

    # From the board: drop the card on "Rejected"; the rejection form opens.
    page.goto("/applications/board/")
    card = page.locator(".board-card", has_text="Globex")
    card.drag_to(page.get_by_label("Rejected", exact=True))
    expect(page.get_by_role("heading", name="Log a rejection")).to_be_visible()
    page.get_by_label("Hard", exact=True).check()
    page.get_by_role("button", name="Log it and see my plan").click()

    plan = page.locator("#recovery-plan")
    expect(plan.get_by_role("heading", name="Your recovery plan")).to_be_visible()
    expect(plan.get_by_role("heading", name="Globex · Data analyst")).to_be_visible()
    expect(plan.get_by_role("heading", name="Give yourself time").first).to_be_visible()
    assert Rejection.objects.get().feeling == 2

    # From the dashboard's quick form: the plan grows without a page load.
    page.evaluate("window.reboundMarker = 'same page'")
    quick = page.locator("#quick-log")
    quick.get_by_label("Company").fill("Initech")
    quick.get_by_label("Role").fill("Support lead")
    quick.get_by_role("button", name="Log it").click()
    expect(plan.get_by_role("heading", name="Initech · Support lead")).to_be_visible()
    expect(quick.get_by_text("Logged Initech")).to_be_visible()
    assert page.evaluate("window.reboundMarker") == "same page"

    # Mark a step done: it changes in place.
    globex = plan.locator("details.plan", has_text="Globex")
    # The newest plan (Initech) is open; older ones are folded until opened.
    expect(plan.locator("details.plan").first).to_have_attribute("open", "")
    globex.locator(":scope > summary").click()
    first_step = globex.locator(".plan-step").first
    first_step.get_by_role("button", name="Mark done").click()
    expect(first_step.get_by_role("button", name="Undo")).to_be_visible()
    assert page.evaluate("window.reboundMarker") == "same page"
    globex_rejection = Rejection.objects.get(application__company__name="Globex")
    assert globex_rejection.steps.filter(state=StepState.DONE).count() == 1

    # Ask for feedback in one click, from the steps coming up.
    globex.locator("summary", has_text="Coming up").click()
    globex.get_by_role("button", name="Draft a feedback request").click()
    expect(page.get_by_role("heading", name="Your message")).to_be_visible()
    request = FeedbackRequest.objects.get()
    assert request.application == globex_rejection.application
    assert "Data analyst" in request.message
    expect(page.locator("#feedback-message")).to_have_value(request.message)
    assert globex_rejection.steps.filter(state=StepState.DONE).count() == 2
