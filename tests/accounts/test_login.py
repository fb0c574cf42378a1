import pytest
from axes.models import AccessAttempt
from django.urls import reverse

URL = reverse("accounts:login")


def test_it_logs_in_with_the_email_in_any_case(client, user, password):
    response = client.post(URL, {"username": "  ALICE@Example.COM ", "password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    assert int(client.session["_auth_user_id"]) == user.pk


def test_it_follows_next_after_login(client, user, password):
    response = client.post(
        f"{URL}?next=/accounts/settings/",
        {"username": user.email, "password": password, "next": "/accounts/settings/"},
    )
    assert response["Location"] == "/accounts/settings/"


def test_it_explains_a_wrong_password(client, user):
    response = client.post(URL, {"username": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert b"do not match an account" in response.content
    assert "_auth_user_id" not in client.session


def test_it_locks_the_login_after_five_failures(client, user, password):
    for attempt in range(5):
        response = client.post(
            URL, {"username": user.email.upper(), "password": f"wrong-{attempt}"}
        )
    assert response.status_code == 429
    assert b"locked for 15 minutes" in response.content

    # Even the right password is refused while the lock lasts.
    response = client.post(URL, {"username": user.email, "password": password})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.count() == 1


def test_it_does_not_lock_after_four_failures(client, user, password):
    for attempt in range(4):
        client.post(URL, {"username": user.email, "password": f"wrong-{attempt}"})
    response = client.post(URL, {"username": user.email, "password": password})
    assert response.status_code == 302


def test_it_logs_out_on_post_only(auth_client):
    assert auth_client.get(reverse("accounts:logout")).status_code == 405
    response = auth_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in auth_client.session


@pytest.mark.django_db
def test_it_shows_links_to_sign_up_and_reset(client):
    response = client.get(URL)
    assert reverse("accounts:signup").encode() in response.content
    assert reverse("accounts:password_reset").encode() in response.content
