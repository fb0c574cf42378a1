from playwright.sync_api import expect


def log_in(page, user, password) -> None:
    """Sign in through the login form and wait for the dashboard."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name=f"Hello, {user.name}")).to_be_visible()
