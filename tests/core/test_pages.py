import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django_htmx.middleware import HtmxMiddleware

from apps.core.htmx import render_page_or_partial
from apps.core.views import server_error

INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(rb"<style\b|\sstyle=", re.IGNORECASE)


def assert_no_inline_code(content: bytes) -> None:
    assert not INLINE_SCRIPT.search(content), "inline <script> found"
    assert not INLINE_STYLE.search(content), "inline style found"


@pytest.mark.django_db
def test_the_landing_page_invites_visitors_to_sign_up(client):
    response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert reverse("accounts:signup").encode() in response.content
    assert reverse("accounts:login").encode() in response.content
    # Software people host themselves has no "free account" to sell.
    assert b"free account" not in response.content.lower()
    assert_no_inline_code(response.content)


@pytest.mark.django_db
def test_pages_send_security_headers(client):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_private_pages_have_no_inline_code(auth_client):
    for name in (
        "dashboard:home",
        "accounts:settings",
        "accounts:delete",
        "accounts:password_change",
    ):
        response = auth_client.get(reverse(name))
        assert response.status_code == 200
        assert_no_inline_code(response.content)


def test_every_page_carries_the_csrf_token_for_htmx(auth_client):
    response = auth_client.get(reverse("dashboard:home"))
    assert b'hx-headers=\'{"X-CSRFToken": "' in response.content
    assert b"django_htmx/htmx-2.min.js" in response.content


@pytest.mark.django_db
def test_an_unknown_address_gets_a_friendly_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_a_server_error_gets_a_friendly_page():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content


def test_the_new_persons_dashboard_says_what_to_do_first(
    auth_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        response = auth_client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert b"Three ways to start" in response.content
    assert reverse("accounts:settings").encode() in response.content


@pytest.mark.parametrize(
    ("headers", "whole_page"),
    [
        ({}, True),
        ({"HTTP_HX_REQUEST": "true"}, False),
        ({"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}, True),
    ],
)
def test_it_renders_the_partial_only_for_an_htmx_swap(rf, user, headers, whole_page):
    request = rf.get("/rejections/", **headers)
    HtmxMiddleware(lambda r: None)(request)
    request.user = user
    response = render_page_or_partial(
        request, "rejections/list.html", "rejection-table", {"page": None}
    )
    assert response.status_code == 200
    assert (b"<html" in response.content) is whole_page
    assert b'id="rejection-table"' in response.content


def test_the_navigation_groups_daily_places_and_a_personal_menu(auth_client):
    page = auth_client.get(reverse("applications:board")).content.decode()
    daily = page[page.index('<ul class="nav-daily">') : page.index('<ul class="nav-personal">')]
    names = re.findall(r"<a [^>]*>([^<]+)</a>", daily)
    assert names == ["Dashboard", "Applications", "Rejections", "Network", "Self-care"]
    # The board is a view of Applications, so Applications is the current place.
    assert f'href="{reverse("applications:list")}" aria-current="page"' in daily
    menu = page[page.index('<ul class="nav-personal">') :]
    menu = menu[: menu.index("</nav>")]
    for path in [reverse("accounts:settings"), reverse("inbox:index"), reverse("exports:index")]:
        assert f'href="{path}"' in menu
    assert ">Your data</a>" in menu
    assert f'action="{reverse("accounts:logout")}"' in menu
