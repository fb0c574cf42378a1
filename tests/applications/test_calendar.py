import datetime
import re

from django.urls import reverse
from django.utils import timezone

from apps.applications import ics
from tests.factories import ApplicationFactory, InterviewFactory

DAY = datetime.timedelta(days=1)


def _feed_url(user) -> str:
    return reverse("applications:calendar_feed", kwargs={"token": user.calendar_token})


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


def test_it_escapes_text_values():
    assert ics.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_it_folds_long_lines_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "é" * 100
    folded = ics.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert _unfold(folded) == line


def test_it_serves_interviews_and_follow_ups_to_anyone_with_the_secret(client, user, today):
    application = ApplicationFactory(
        owner=user,
        role_title="Data, analytics; and more",
        next_follow_up_on=today + 2 * DAY,
    )
    when = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC).replace(
        year=timezone.now().year + 1, hour=13, minute=30
    )
    interview = InterviewFactory(
        application=application, kind="technical", scheduled_at=when, notes="Line one\nLine two"
    )
    response = client.get(_feed_url(user))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.content.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")
    assert "\n" not in raw.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))
    text = _unfold(raw)
    assert text.count("BEGIN:VEVENT") == 2
    assert f"UID:interview-{interview.pk}@rebound.calendar" in text
    assert f"DTSTART:{when.year}0101T133000Z" in text
    assert re.search(r"DTSTAMP:\d{8}T\d{6}Z", text)
    assert "SUMMARY:Technical interview: Data\\, analytics\\; and more at" in text
    assert "Line one\\nLine two" in text
    follow_up = (today + 2 * DAY).strftime("%Y%m%d")
    assert f"DTSTART;VALUE=DATE:{follow_up}" in text
    assert "SUMMARY:Follow up: Data\\, analytics\\; and more" in text


def test_it_leaves_other_peoples_dates_out(client, user, other_user):
    InterviewFactory(application=ApplicationFactory(owner=other_user, role_title="Bob's"))
    text = client.get(_feed_url(user)).content.decode()
    assert "BEGIN:VEVENT" not in text


def test_it_is_a_404_for_a_wrong_token(client, user):
    url = reverse("applications:calendar_feed", kwargs={"token": "not-the-token"})
    assert client.get(url).status_code == 404


def test_it_gives_a_new_address_from_settings_and_retires_the_old(auth_client, user):
    old_url = _feed_url(user)
    settings_page = auth_client.get(reverse("accounts:settings")).content.decode()
    assert f"http://testserver{old_url}" in settings_page
    url = reverse("applications:calendar_regenerate")
    assert auth_client.get(url).status_code == 405
    response = auth_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:settings")
    user.refresh_from_db()
    assert auth_client.get(old_url).status_code == 404
    assert auth_client.get(_feed_url(user)).status_code == 200


def test_it_saves_the_closure_settings(auth_client, user):
    response = auth_client.post(
        reverse("accounts:settings"),
        {
            "display_name": "Alice",
            "timezone": "UTC",
            "weekly_application_goal": "5",
            "weekly_networking_goal": "2",
            "stale_after_days": "21",
            "auto_close_stale": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.stale_after_days, user.auto_close_stale) == (21, True)
