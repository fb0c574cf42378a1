from playwright.sync_api import expect

from apps.contacts.models import Contact, Interaction
from apps.selfcare.models import CheckIn


def nav(page, name):
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name).click()


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Alice")).to_be_visible()


def test_contacts_interactions_and_a_one_click_check_in(page, user, password):
    log_in(page, user, password)

    # Add a contact.
    nav(page, "Network")
    page.get_by_role("button", name="Add a contact").click()
    page.get_by_label("Name").fill("Dana Whitfield")
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Email address").fill("dana@example.com")
    page.get_by_role("button", name="Add contact").click()
    expect(page.get_by_role("heading", name="Dana Whitfield")).to_be_visible()
    expect(page.get_by_text("Dana Whitfield is in your contacts.")).to_be_visible()
    assert Contact.objects.get().company.name == "Acme"

    # Log an interaction from the list, in place (htmx): the page does not reload.
    nav(page, "Network")
    page.evaluate("window.stillTheSamePage = true")
    item = page.locator("li.contact-item", has_text="Dana Whitfield")
    expect(item.get_by_text("No contact logged yet")).to_be_visible()
    item.get_by_text("Log an interaction").click()
    item.get_by_label("What it was").select_option(label="Coffee or meeting")
    item.get_by_label("Notes").fill("Coffee; she offered to refer me")
    with page.expect_response(lambda response: response.request.method == "POST"):
        item.get_by_role("button", name="Log it").click()
    expect(item.get_by_text("Logged: coffee or meeting")).to_be_visible()
    expect(item.get_by_text("Last in touch")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True
    interaction = Interaction.objects.get()
    assert (interaction.kind, interaction.contact.name) == ("meeting", "Dana Whitfield")

    # Check in with one click from the dashboard.
    nav(page, "Dashboard")
    page.evaluate("window.stillTheSamePage = true")
    panel = page.locator("#checkin-panel")
    with page.expect_response(lambda response: response.request.method == "POST"):
        panel.get_by_role("button", name="Good").click()
    expect(panel.get_by_text("Today you feel good.")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True
    assert CheckIn.objects.get().mood == 4

    # The rest of the check-in expands in place.
    panel.get_by_text("Add sleep, energy and more").click()
    panel.get_by_label("Hours slept").fill("7.5")
    panel.get_by_label("Took a real break").check()
    with page.expect_response(lambda response: response.request.method == "POST"):
        panel.get_by_role("button", name="Save check-in").click()
    expect(panel.get_by_text("Saved.")).to_be_visible()
    checkin = CheckIn.objects.get()
    assert (str(checkin.hours_slept), checkin.took_break, checkin.mood) == ("7.5", True, 4)

    # See the year grid on the history page.
    page.get_by_role("link", name="Your mood over time").click()
    grid = page.get_by_role("img", name="Your check-ins from")
    expect(grid).to_be_visible()
    expect(page.locator("rect.day.mood-4")).to_have_count(1)
    page.get_by_text("The year as a table").click()
    expect(page.get_by_role("table").first).to_be_visible()
