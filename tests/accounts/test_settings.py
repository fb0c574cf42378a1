import datetime
import zoneinfo

import pytest
from django.urls import reverse

URL = reverse("accounts:settings")


def settings_data(**overrides):
    data = {
        "display_name": "Alice A.",
        "timezone": "America/Chicago",
        "weekly_application_goal": "8",
        "weekly_networking_goal": "3",
        "resting_until": "",
    }
    data.update(overrides)
    return data


def today_in(name: str) -> datetime.date:
    return datetime.datetime.now(zoneinfo.ZoneInfo(name)).date()


def test_it_shows_the_current_settings(auth_client):
    response = auth_client.get(URL)
    assert response.status_code == 200
    assert b'value="Alice"' in response.content
    assert b"alice@example.com" in response.content


def test_it_saves_profile_goals_and_timezone(auth_client, user):
    resting = today_in("America/Chicago") + datetime.timedelta(days=2)
    response = auth_client.post(URL, settings_data(resting_until=resting.isoformat()))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Alice A."
    assert user.timezone == "America/Chicago"
    assert user.weekly_application_goal == 8
    assert user.weekly_networking_goal == 3
    assert user.resting_until == resting


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"timezone": "Nowhere/Special"}, b"Select a valid choice."),
        ({"weekly_application_goal": "101"}, b"less than or equal to 100"),
        ({"weekly_networking_goal": "-1"}, b"greater than or equal to 0"),
        ({"weekly_application_goal": "lots"}, b"Enter a whole number."),
        ({"resting_until": "2001-01-01"}, b"Choose today or a later date"),
        ({"resting_until": "2999-01-01"}, b"up to 90 days"),
        ({"resting_until": "not a date"}, b"Enter a date, for example"),
    ],
)
def test_it_explains_bad_input_and_saves_nothing(auth_client, user, overrides, message):
    response = auth_client.post(URL, settings_data(**overrides))
    assert response.status_code == 200
    assert message in response.content
    user.refresh_from_db()
    assert user.timezone == "UTC"
    assert user.weekly_application_goal == 5


def test_it_shows_dates_in_the_persons_timezone(auth_client, user):
    # UTC+14 and UTC-11 are always on different calendar days.
    for name in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):
        user.timezone = name
        user.save()
        response = auth_client.get(reverse("dashboard:home"))
        expected = today_in(name)
        assert response.context["today"] == expected
        assert f"{expected.day} {expected:%B} {expected.year}".encode() in response.content


def test_it_rejects_other_methods(auth_client):
    assert auth_client.delete(URL).status_code == 405
