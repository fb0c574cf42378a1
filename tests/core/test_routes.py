import json
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url

from apps.api.problems import PROBLEM_CONTENT_TYPE
from tests.ownership import API_BODIES, NOT_OWNED_ROUTES, OWNED_ROUTES
from tests.routes import api_operations, iter_routes

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
    "jobs:unsubscribe",  # one-click unsubscribe from an email: a signed token; a wrong one is a 404
    "api:docs",  # documentation only: no one's data
    "api:v1:api-root",
    "api:v1:openapi-json",
}
# Public routes whose argument is a secret: the made-up sample value is rightly a 404.
SECRET_ROUTES = {"applications:calendar_feed", "jobs:unsubscribe"}


def test_it_has_routes_to_walk():
    names = {route.name for route in iter_routes()}
    assert {"healthz", "accounts:settings", "accounts:login"} <= names


def _call_api(client, route, url: str, method: str):
    body = API_BODIES.get(route.name, {})
    return client.generic(method, url, json.dumps(body), content_type="application/json")


def test_it_sends_anonymous_visitors_to_log_in_from_every_private_route(client):
    login_path = resolve_url(settings.LOGIN_URL)
    api = api_operations()
    checked = []
    for route in iter_routes():
        if route.name in PUBLIC_ROUTES:
            continue
        url = route.url(**route.sample_kwargs())
        if route.name in api:
            # The API says so itself, in a problem document, instead of redirecting.
            response = _call_api(client, route, url, api[route.name])
            assert response.status_code == 401, f"{url} answered {response.status_code}"
            assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
            checked.append(route.name)
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (
                f"{method.upper()} {url} answered {response.status_code}"
            )
            location = urlsplit(response["Location"])
            assert location.path == login_path, f"{url} redirected to {response['Location']}"
        checked.append(route.name)
    assert {"accounts:settings", "api:v1:list_applications"} <= set(checked)


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
    api = api_operations()
    for route in iter_routes():
        make_kwargs = OWNED_ROUTES.get(route.name)
        if make_kwargs is None:
            continue
        url = route.url(**make_kwargs(other_user))
        if route.name in api:
            response = _call_api(auth_client, route, url, api[route.name])
            assert response.status_code == 404, f"{url} answered {response.status_code}"
            continue
        response = auth_client.get(url)
        if response.status_code == 405:
            response = auth_client.post(url)
        assert response.status_code == 404, f"{url} answered {response.status_code} to a stranger"
