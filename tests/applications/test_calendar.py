import datetime

import icalendar
from django.urls import reverse
from django.utils import timezone

from tests.factories import ApplicationFactory, InterviewFactory

DAY = datetime.timedelta(days=1)


def _feed_url(user) -> str:
    return reverse("applications:calendar_feed", kwargs={"token": user.calendar_token})


def _events(response) -> dict[str, icalendar.Event]:
    """The feed's events by UID, read back with the same library a calendar app would use."""
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


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
    events = _events(response)
    assert len(events) == 2
    meeting = events[f"interview-{interview.pk}@rebound.calendar"]
    assert meeting.decoded("DTSTART") == when
    assert meeting.decoded("DTEND") == when + datetime.timedelta(hours=1)
    assert str(meeting["SUMMARY"]) == f"Technical interview: {application}"
    assert str(meeting["DESCRIPTION"]) == "Round 1\nLine one\nLine two"
    assert str(meeting["URL"]) == f"http://testserver{application.get_absolute_url()}"
    reminder = events[f"follow-up-{application.pk}-{(today + 2 * DAY):%Y%m%d}@rebound.calendar"]
    assert reminder.decoded("DTSTART") == today + 2 * DAY
    assert str(reminder["SUMMARY"]) == f"Follow up: {application}"


def test_it_writes_lines_a_calendar_app_can_read(client, user):
    # Commas, semicolons, newlines and long text are escaped and folded by the library;
    # what matters here is that the file keeps to the format's line rules.
    application = ApplicationFactory(owner=user, role_title="Données; " * 20)
    InterviewFactory(application=application, notes="é" * 200)
    raw = client.get(_feed_url(user)).content
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_it_leaves_other_peoples_dates_out(client, user, other_user):
    InterviewFactory(application=ApplicationFactory(owner=other_user, role_title="Bob's"))
    assert _events(client.get(_feed_url(user))) == {}


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
