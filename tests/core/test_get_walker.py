"""Every route's GET, as its owner, with hostile query parameters and path arguments:
never a 500. The parameter names are the ones the pages' own GET forms send, plus those
pages read from links; routes come from the URL configuration."""

import pytest
from django.urls.converters import IntConverter

from tests.exports.conftest import make_world
from tests.ownership import OWNED_ROUTES
from tests.routes import api_operations, iter_routes
from tests.walkers import crawl_forms, owner_urls

HOSTILE_VALUES = [
    "",
    "\x00",
    "x" * 10_000,
    "²",
    "1" * 25,
    "-1",
    "0",
    "2026-02-30",
    "javascript:alert(1)",
    "//evil.example/",
    "<script>",
    "😀",
    "a,b;c",
]
# Read from links and redirects rather than from a form on the page.
LINK_PARAMETERS = {
    "application",
    "contact",
    "company",
    "next",
    "next_url",
    "invite",
    "heading_level",
    "from",
    "page",
    "sort",
    "show",
    "kind",
    "name",
    "how_we_met",
    "token",
    "limit",
    "offset",
}


def test_every_page_survives_hostile_query_parameters(auth_client, user):
    make_world(user, "Walk")
    _forms, get_fields = crawl_forms(auth_client, user)
    names = sorted(get_fields | LINK_PARAMETERS)
    assert {"q", "status"} <= set(names), "the walk found the table's filters"
    for route_name, url in owner_urls(user):
        for value in HOSTILE_VALUES:
            response = auth_client.get(url, dict.fromkeys(names, value))
            assert response.status_code < 500, (route_name, value)


def test_every_api_read_survives_hostile_query_parameters(auth_client, user):
    make_world(user, "Api")
    api = api_operations()
    for route in iter_routes():
        if api.get(route.name) != "GET":
            continue
        make = OWNED_ROUTES.get(route.name)
        url = route.url(**make(user)) if (route.converters and make) else None
        if route.converters and url is None:
            continue
        url = url or route.url()
        for value in HOSTILE_VALUES:
            response = auth_client.get(url, dict.fromkeys(sorted(LINK_PARAMETERS | {"q"}), value))
            assert response.status_code < 500, (route.name, value)


HOSTILE_PATH_VALUES = ["\x00", "x" * 300, "²", "..", "%2e%2e", "😀", "a b"]


@pytest.mark.parametrize("value", HOSTILE_PATH_VALUES)
def test_every_route_survives_hostile_path_arguments(auth_client, user, value):
    for route in iter_routes():
        if not route.converters:
            continue
        kwargs = {}
        for key, converter in route.converters.items():
            kwargs[key] = "1" * 25 if isinstance(converter, IntConverter) else value
        url = route.url(**kwargs)
        response = auth_client.get(url)
        # A reset link with a made-up token rightly answers with its "link expired" page.
        assert response.status_code < 500, (route.name, value, response.status_code)
        if any(isinstance(c, IntConverter) for c in route.converters.values()):
            assert response.status_code in (400, 404, 405), (route.name, response.status_code)
