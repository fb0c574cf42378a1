from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url

from tests.ownership import NOT_OWNED_ROUTES, OWNED_ROUTES
from tests.routes import iter_routes

# Everything else requires a signed-in person.
PUBLIC_ROUTES = {
    "healthz",
    "dashboard:home",  # the landing page for visitors, the dashboard for people signed in
    "accounts:signup",
    "accounts:login",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "applications:calendar_feed",  # a secret address for calendar apps; a wrong one is a 404
}
# Public routes whose argument is a secret: the made-up sample value is rightly a 404.
SECRET_ROUTES = {"applications:calendar_feed"}


def test_it_has_routes_to_walk():
    names = {route.name for route in iter_routes()}
    assert {"healthz", "accounts:settings", "accounts:login"} <= names


def test_it_sends_anonymous_visitors_to_log_in_from_every_private_route(client):
    login_path = resolve_url(settings.LOGIN_URL)
    checked = []
    for route in iter_routes():
        if route.name in PUBLIC_ROUTES:
            continue
        url = route.url(**route.sample_kwargs())
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (
                f"{method.upper()} {url} answered {response.status_code}"
            )
            location = urlsplit(response["Location"])
            assert location.path == login_path, f"{url} redirected to {response['Location']}"
        checked.append(route.name)
    assert "accounts:settings" in checked


def test_it_serves_public_routes_to_anonymous_visitors(client, db):
    for route in iter_routes():
        if route.name not in PUBLIC_ROUTES:
            continue
        response = client.get(route.url(**route.sample_kwargs()))
        expected = (404,) if route.name in SECRET_ROUTES else (200, 302)
        assert response.status_code in expected, f"{route.name} answered {response.status_code}"
        if response.status_code == 302:
            assert urlsplit(response["Location"]).path != resolve_url(settings.LOGIN_URL)


def test_it_lists_every_route_that_takes_an_id_in_the_ownership_table():
    missing = [
        route.name
        for route in iter_routes()
        if route.converters
        and route.name not in OWNED_ROUTES
        and route.name not in NOT_OWNED_ROUTES
    ]
    assert not missing, f"Add these routes to tests/ownership.py: {missing}"


def test_it_answers_404_for_another_persons_objects_on_every_route(auth_client, other_user):
    for route in iter_routes():
        make_kwargs = OWNED_ROUTES.get(route.name)
        if make_kwargs is None:
            continue
        url = route.url(**make_kwargs(other_user))
        response = auth_client.get(url)
        if response.status_code == 405:
            response = auth_client.post(url)
        assert response.status_code == 404, f"{url} answered {response.status_code} to a stranger"
