"""Every address that can answer either a whole page or an htmx fragment says so in its
Vary header, so a browser's back and forward buttons (and any cache) never show a bare
fragment where a page belongs. Found by walking the URL configuration: a new endpoint that
answers a fragment is checked without this file being edited."""

from django.test import Client

from tests.ownership import OWNED_ROUTES
from tests.routes import iter_routes

HTMX = {"HTTP_HX_REQUEST": "true"}


def _own_url(route, user) -> str | None:
    if not route.converters:
        return route.url()
    make_kwargs = OWNED_ROUTES.get(route.name)
    return route.url(**make_kwargs(user)) if make_kwargs else None


def _is_page(response) -> bool:
    if response.streaming:  # a download, never a page or a fragment
        return False
    return response.content.lstrip().lower().startswith(b"<!doctype html")


def test_every_page_that_can_be_a_fragment_varies_on_hx_request(auth_client, user):
    both_kinds = []
    for route in iter_routes():
        url = _own_url(route, user)
        if url is None:
            continue
        page = auth_client.get(url)
        if page.status_code != 200 or not _is_page(page):
            continue
        fragment = auth_client.get(url, **HTMX)
        if fragment.status_code != 200 or _is_page(fragment):
            continue
        both_kinds.append(route.name)
        for response in (page, fragment):
            vary = {value.strip().lower() for value in response.get("Vary", "").split(",")}
            assert "hx-request" in vary, f"{url} answers a page or a fragment without Vary"
    # The walk found the lists that swap their results in place.
    assert {
        "applications:list",
        "contacts:list",
        "rejections:list",
        "feedback:list",
    } <= set(both_kinds)


def test_a_history_restore_gets_the_whole_page(client: Client, user):
    client.force_login(user)
    for name in ("applications:list", "contacts:list", "rejections:list", "feedback:list"):
        route = next(route for route in iter_routes() if route.name == name)
        response = client.get(
            route.url(), HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
        )
        assert _is_page(response), name
