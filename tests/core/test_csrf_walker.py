"""Every route refuses a write without the CSRF token, as a plain form post and as htmx,
for a signed-in person: the route list comes from the URL configuration, so new routes are
covered too. Nothing is written."""

import pytest
from django.test import Client

from tests.exports.conftest import make_world
from tests.ownership import OWNED_ROUTES
from tests.routes import api_operations, iter_routes
from tests.walkers import row_counts

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Routes that take a POST without the token on purpose, each with its reason.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: a mail client posts from the List-Unsubscribe header
    # without a session or a token; the signed token in the address is the authority, and
    # it can only turn one kind of email off.
    "jobs:unsubscribe",
}


def test_the_exempt_routes_exist():
    assert {route.name for route in iter_routes()} >= CSRF_EXEMPT


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_every_route_refuses_a_post_without_the_csrf_token(user, htmx):
    make_world(user, "Csrf")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    headers = {"HX-Request": "true"} if htmx else {}
    api = api_operations()
    checked = 0
    for route in iter_routes():
        method = api.get(route.name, "POST")
        if method not in WRITE_METHODS or route.name in CSRF_EXEMPT:
            continue
        make = OWNED_ROUTES.get(route.name)
        kwargs = (make(user) if make else route.sample_kwargs()) if route.converters else {}
        url = route.url(**kwargs)
        before = row_counts()
        call = getattr(client, method.lower())
        if method == "POST":
            response = call(url, {}, headers=headers)
        else:
            response = call(url, headers=headers)
        assert response.status_code == 403, f"{route.name} answered {response.status_code}"
        assert row_counts() == before, f"{route.name} wrote without a CSRF token"
        checked += 1
    assert checked > 50
