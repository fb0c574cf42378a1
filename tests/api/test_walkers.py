"""Every API route, walked with tokens: another person's ids are a 404, a read-only token
cannot write, revoked and expired tokens are refused, and tokens open no page."""

import datetime
import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from apps.accounts.models import ApiToken
from apps.accounts.services import api_token_create, api_token_revoke
from apps.api.problems import PROBLEM_CONTENT_TYPE
from tests.core.test_routes import PUBLIC_ROUTES
from tests.ownership import API_BODIES, OWNED_ROUTES
from tests.routes import API_PREFIX, api_operations, iter_routes

WRITES = ("POST", "PUT", "PATCH", "DELETE")


def _routes():
    """(route, method) for every API route except the public ones."""
    api = api_operations()
    return [
        (route, api[route.name])
        for route in iter_routes()
        if route.name in api and route.name not in PUBLIC_ROUTES
    ]


def _call(client, secret: str, route, method: str, kwargs: dict):
    body = json.dumps(API_BODIES.get(route.name, {}))
    return client.generic(
        method,
        route.url(**kwargs),
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )


def _problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    return response.json()


def test_it_walks_every_api_route():
    names = {route.name for route, _method in _routes()}
    assert {f"{API_PREFIX}list_applications", f"{API_PREFIX}log_rejection"} <= names
    assert names == set(api_operations())


def test_it_answers_404_for_another_persons_ids_on_every_api_route(client, user, other_user):
    _token, secret = api_token_create(owner=user, name="script", access="read_write")
    walked = 0
    for route, method in _routes():
        make_kwargs = OWNED_ROUTES.get(route.name)
        if make_kwargs is None:
            continue
        response = _call(client, secret, route, method, make_kwargs(other_user))
        _problem(response, 404)
        walked += 1
    assert walked >= 25


def test_it_refuses_every_write_with_a_read_only_token(client, user):
    _token, secret = api_token_create(owner=user, name="reader", access="read")
    writes = [(route, method) for route, method in _routes() if method in WRITES]
    assert len(writes) >= 20
    for route, method in writes:
        make_kwargs = OWNED_ROUTES.get(route.name)
        kwargs = make_kwargs(user) if make_kwargs else route.sample_kwargs()
        body = _problem(_call(client, secret, route, method, kwargs), 403)
        assert "can only read" in body["detail"]


def test_a_read_only_token_reads(client, user):
    _token, secret = api_token_create(owner=user, name="reader", access="read")
    reads = [(route, method) for route, method in _routes() if method == "GET"]
    for route, method in reads:
        make_kwargs = OWNED_ROUTES.get(route.name)
        kwargs = make_kwargs(user) if make_kwargs else route.sample_kwargs()
        response = _call(client, secret, route, method, kwargs)
        # The sample dataset name and an empty "today" are honest 404s; everything else reads.
        assert response.status_code in (200, 404), f"{route.name}: {response.status_code}"
        if route.name not in (f"{API_PREFIX}export_dataset", f"{API_PREFIX}get_todays_checkin"):
            assert response.status_code == 200, route.name


@pytest.mark.parametrize("how", ["revoked", "expired", "unknown", "owner switched off"])
def test_it_refuses_unusable_tokens_on_every_api_route(client, user, how):
    token, secret = api_token_create(owner=user, name="old", access="read_write")
    if how == "revoked":
        api_token_revoke(token=token)
    elif how == "expired":
        ApiToken.objects.filter(pk=token.pk).update(
            expires_on=datetime.date.today() - datetime.timedelta(days=2)
        )
    elif how == "unknown":
        secret = secret[:-2] + ("aa" if not secret.endswith("aa") else "bb")
    else:
        user.is_active = False
        user.save()
    for route, method in _routes():
        response = _call(client, secret, route, method, route.sample_kwargs())
        body = _problem(response, 401)
        assert response["WWW-Authenticate"].startswith("Bearer")
        expected = "stopped working after" if how == "expired" else "not valid"
        assert expected in body["detail"], route.name


def test_tokens_open_no_page_and_no_setting(client, user):
    """A token is for the API only: every page still sends its bearer to the login page."""
    _token, secret = api_token_create(owner=user, name="script", access="read_write")
    login_path = resolve_url(settings.LOGIN_URL)
    api = api_operations()
    checked = 0
    for route in iter_routes():
        if route.name in PUBLIC_ROUTES or route.name in api:
            continue
        response = client.get(
            route.url(**route.sample_kwargs()), headers={"Authorization": f"Bearer {secret}"}
        )
        assert response.status_code == 302, route.name
        assert urlsplit(response["Location"]).path == login_path
        checked += 1
    assert checked > 40
