import pytest
from django.urls import reverse

from apps.accounts.models import User

URL = reverse("accounts:signup")


def signup_data(**overrides):
    data = {
        "email": "New.Person@Example.com",
        "display_name": "Nova",
        "password1": "quiet-river-stones-88",
        "password2": "quiet-river-stones-88",
        "timezone": "Europe/Berlin",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_it_shows_the_form(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Create your account" in response.content


@pytest.mark.django_db
def test_it_creates_the_account_and_signs_in(client):
    response = client.post(URL, signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    user = User.objects.get()
    assert user.email == "new.person@example.com"
    assert user.display_name == "Nova"
    assert user.timezone == "Europe/Berlin"
    assert user.check_password("quiet-river-stones-88")
    assert int(client.session["_auth_user_id"]) == user.pk

    dashboard = client.get(reverse("dashboard:home"))
    assert b"Hello, Nova" in dashboard.content


@pytest.mark.django_db
@pytest.mark.parametrize("sent", ["", "Mars/Olympus"])
def test_it_uses_utc_when_the_browser_sent_no_usable_timezone(client, sent):
    client.post(URL, signup_data(timezone=sent))
    assert User.objects.get().timezone == "UTC"


def test_it_rejects_an_email_already_used_in_any_case(client, user):
    response = client.post(URL, signup_data(email="ALICE@example.com"))
    assert response.status_code == 200
    assert b"already exists" in response.content
    assert User.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"password2": "something-else-entirely"}, b"The two passwords are not the same."),
        ({"password1": "12345678", "password2": "12345678"}, b"too common"),
        ({"password1": "short", "password2": "short"}, b"too short"),
        ({"email": "not-an-email"}, b"Enter a valid email address."),
        ({"email": ""}, b"This field is required."),
    ],
)
def test_it_explains_bad_input_and_writes_nothing(client, overrides, message):
    response = client.post(URL, signup_data(**overrides))
    assert response.status_code == 200
    assert message in response.content
    assert User.objects.count() == 0
    assert "_auth_user_id" not in client.session


def test_it_sends_a_signed_in_person_to_the_dashboard(auth_client):
    response = auth_client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


@pytest.mark.django_db
def test_it_rejects_other_methods(client):
    assert client.put(URL).status_code == 405


@pytest.mark.django_db
def test_it_requires_the_csrf_token(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(URL, signup_data())
    assert response.status_code == 403
    assert User.objects.count() == 0
