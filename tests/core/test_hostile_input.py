"""The 500s found by fuzzing (issue 10, item 8): each is now a 400, a 404 or a form error."""

import pytest
from django.urls import reverse

from apps.applications.models import Application
from tests.factories import ApplicationFactory

HUGE_ID = "1" * 23


@pytest.mark.parametrize("value", ["²", "١٢", "1²", "-1", HUGE_ID, "1e3"])
@pytest.mark.parametrize("key", ["application", "contact"])
def test_the_feedback_form_ignores_an_odd_id_in_the_address(auth_client, user, key, value):
    ApplicationFactory(owner=user)
    response = auth_client.get(reverse("feedback:create"), {key: value})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        reverse("applications:list") + "?q=a%00b",
        reverse("contacts:list") + "?q=a%00b",
        "/applications/calendar/ab%00cd.ics",
        "/export/import/ab%00cd/",
        "/export/import/ab%00cd/preview/",
    ],
)
def test_a_nul_byte_in_a_search_or_a_token_is_not_a_server_error(auth_client, url):
    assert auth_client.get(url).status_code == 400


def test_a_nul_byte_in_the_calendar_token_without_signing_in(client, db):
    response = client.get("/applications/calendar/ab%00cd.ics")
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()


def test_a_login_email_longer_than_any_address_is_a_form_error(client, db):
    response = client.post(
        reverse("accounts:login"), {"username": "a" * 300 + "@example.com", "password": "x"}
    )
    assert response.status_code == 200
    assert "at most 254 characters" in response.content.decode()


def test_a_huge_id_in_a_bulk_action_is_a_form_error(auth_client, user):
    application = ApplicationFactory(owner=user)
    response = auth_client.post(
        reverse("applications:bulk"),
        {"ids": [str(application.pk), HUGE_ID], "action": "archive"},
    )
    assert response.status_code in (200, 302, 400)
    application.refresh_from_db()
    assert not application.archived


@pytest.mark.parametrize("path", ["/applications/{id}/", "/contacts/{id}/", "/rejections/{id}/"])
def test_a_huge_id_in_the_address_is_not_found(auth_client, path):
    assert auth_client.get(path.format(id=HUGE_ID)).status_code == 404


def test_a_huge_id_posted_to_a_form_choice_is_a_form_error(auth_client, user):
    response = auth_client.post(reverse("rejections:log"), {"application": HUGE_ID})
    assert response.status_code in (200, 422)
    assert not Application.objects.exists()
