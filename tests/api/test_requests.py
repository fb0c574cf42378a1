"""How the API reads requests and answers problems: sessions with CSRF, rate limits, body
size, bad JSON, wrong types, unknown fields, timezones."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from apps.accounts.models import ApiToken
from apps.api.problems import PROBLEM_CONTENT_TYPE
from apps.applications.models import Application

APPLICATIONS = "/api/v1/applications"


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = response.json()
    assert body["status"] == status and body["type"] == "about:blank" and body["title"]
    return body


# Sessions ---------------------------------------------------------------------------------


def test_the_session_reads_without_a_token(auth_client):
    assert auth_client.get(APPLICATIONS).status_code == 200


def test_the_session_needs_the_csrf_token_to_write(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    payload = json.dumps({"company_name": "Acme", "role_title": "Analyst"})
    refused = browser.post(APPLICATIONS, payload, content_type="application/json")
    assert "X-CSRFToken" in problem(refused, 403)["detail"]
    assert not Application.objects.exists()

    browser.get("/accounts/settings/")  # any page sets the CSRF cookie
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        APPLICATIONS, payload, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert accepted.status_code == 201
    assert Application.objects.get().role_title == "Analyst"


def test_a_bad_token_is_not_rescued_by_the_session(auth_client):
    response = auth_client.get(APPLICATIONS, headers={"Authorization": "Bearer rbt_nonsense"})
    problem(response, 401)


def test_anonymous_calls_are_told_how_to_sign_in(client, db):
    body = problem(client.get(APPLICATIONS), 401)
    assert "Authorization: Bearer" in body["detail"]


# Tokens -----------------------------------------------------------------------------------


def test_it_remembers_when_a_token_was_last_used(api, user):
    token = ApiToken.objects.get(owner=user)
    assert token.last_used_at is None
    api.get(APPLICATIONS)
    token.refresh_from_db()
    first_use = token.last_used_at
    assert first_use is not None
    api.get(APPLICATIONS)  # within the minute: no write
    token.refresh_from_db()
    assert token.last_used_at == first_use


def test_a_token_works_through_its_last_day(api, user, today):
    ApiToken.objects.filter(owner=user).update(expires_on=today)
    assert api.get(APPLICATIONS).status_code == 200


def test_dates_and_times_follow_the_persons_timezone(api, user):
    user.timezone = "Pacific/Kiritimati"  # UTC+14: "today" is often tomorrow in UTC
    user.save()
    created = api.post(APPLICATIONS, {"company_name": "Acme", "role_title": "Analyst"}).json()
    local_today = timezone.localdate(timezone=datetime.timezone(datetime.timedelta(hours=14)))
    assert created["applied_on"] == local_today.isoformat()
    assert created["created_at"].endswith("+14:00")


# Limits -----------------------------------------------------------------------------------


def test_it_limits_each_tokens_rate_and_says_when_to_retry(api, settings, client, user):
    settings.API_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert api.get(APPLICATIONS).status_code == 200
    refused = api.get(APPLICATIONS)
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 60
    assert problem(refused, 429)["detail"] == (
        f"This token may make 3 requests every 60 seconds. Try again in {wait} seconds."
    )

    # Another token of the same person has its own allowance.
    from apps.accounts.services import api_token_create
    from tests.api.conftest import ApiClient

    _token, secret = api_token_create(owner=user, name="other", access="read")
    assert ApiClient(client, secret).get(APPLICATIONS).status_code == 200


def test_it_refuses_a_body_over_the_cap_before_reading_it(api, settings):
    settings.API_MAX_BODY_BYTES = 1024
    notes = "x" * 2000
    response = api.post(APPLICATIONS, {"company_name": "Acme", "role_title": "A", "notes": notes})
    assert "1 KiB" in problem(response, 413)["detail"]
    assert not Application.objects.exists()


# Bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    ["{not json", "", b"\xff\xfe", "[1, 2]", '"text"', "null"],
    ids=["broken", "empty", "not utf-8", "a list", "a string", "null"],
)
def test_it_answers_400_to_a_body_that_is_not_a_json_object(api, body):
    response = api.post(APPLICATIONS, body)
    problem(response, 400)
    assert not Application.objects.exists()


def test_it_names_each_field_of_the_wrong_type(api):
    response = api.post(
        APPLICATIONS,
        {"company_name": ["Acme"], "role_title": "A", "salary_min": "lots", "applied_on": 5},
    )
    body = problem(response, 400)
    assert {error["field"] for error in body["errors"]} == {
        "company_name",
        "salary_min",
        "applied_on",
    }


def test_it_refuses_fields_it_does_not_know(api):
    response = api.post(APPLICATIONS, {"company_name": "Acme", "role_title": "A", "stauts": "x"})
    body = problem(response, 400)
    assert body["errors"][0]["field"] == "stauts"


def test_a_broken_rule_is_a_422_in_the_pages_words(api, today):
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    response = api.post(
        APPLICATIONS,
        {"company_name": "Acme", "role_title": "A", "applied_on": tomorrow, "salary_currency": "€"},
    )
    body = problem(response, 422)
    assert body["errors"] == [
        {"field": "applied_on", "detail": "The date you applied can’t be in the future."},
        {
            "field": "salary_currency",
            "detail": "Use a three-letter currency code, such as EUR, USD or GBP.",
        },
    ]
    assert not Application.objects.exists()


def test_a_wrong_method_is_a_problem_with_allow(api):
    response = api.put(APPLICATIONS, {})
    problem(response, 405)
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}


def test_a_missing_object_is_a_problem(api):
    problem(api.get(f"{APPLICATIONS}/987654"), 404)


def test_the_root_points_to_the_documentation(client, db):
    body = client.get("/api/v1/").json()
    assert body["docs"].endswith("/api/docs/")
    assert body["openapi"].endswith("/api/v1/openapi.json")
