from playwright.sync_api import expect

from apps.accounts.models import User


def test_a_new_person_signs_up_changes_timezone_logs_out_and_back_in(page):
    page.goto("/")
    page.get_by_role("button", name="Create your account").click()

    page.get_by_label("Email address").fill("Sam.Rivera@example.com")
    page.get_by_label("What should we call you?").fill("Sam")
    page.get_by_label("Password", exact=True).fill("steady-harbor-lights-24")
    page.get_by_label("Password again").fill("steady-harbor-lights-24")
    page.get_by_role("button", name="Create account").click()

    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()
    expect(page.get_by_role("heading", name="Three ways to start")).to_be_visible()
    # timezone.js filled the hidden field from the browser.
    assert User.objects.get().timezone != ""

    menu = page.get_by_role("navigation", name="Main").get_by_text("Your menu")
    menu.click()
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_label("Timezone").select_option("Asia/Tokyo")
    page.get_by_label("Applications per week").fill("7")
    page.get_by_role("button", name="Save settings").click()
    expect(page.get_by_text("Settings saved.")).to_be_visible()
    user = User.objects.get()
    assert (user.timezone, user.weekly_application_goal) == ("Asia/Tokyo", 7)

    menu.click()
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Create your account")).to_be_visible()

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email address").fill("sam.rivera@EXAMPLE.com")
    page.get_by_label("Password").fill("steady-harbor-lights-24")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Hello, Sam")).to_be_visible()


def test_a_wrong_password_shows_a_clear_message(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("do not match an account")).to_be_visible()
