"""The calendar feed: the person's interviews and follow-up dates as an iCalendar (RFC 5545)
file that any calendar app can subscribe to. The icalendar package writes the file (escaping,
line folding, line endings)."""

import datetime
from collections.abc import Callable

import icalendar
from django.utils import timezone

from apps.applications import selectors
from apps.core.dates import today_for

INTERVIEW_LENGTH = datetime.timedelta(hours=1)
# How far back the feed reaches, so a calendar keeps recent history without the whole search.
INTERVIEWS_SINCE = datetime.timedelta(days=90)
FOLLOW_UPS_SINCE = datetime.timedelta(days=30)
# Stable whatever host name the feed is fetched through, so calendars never duplicate events.
UID_DOMAIN = "rebound.calendar"
REFRESH = datetime.timedelta(hours=1)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _interview_events(owner, link: Callable[[str], str]) -> list[icalendar.Event]:
    events = []
    since = timezone.now() - INTERVIEWS_SINCE
    for interview in selectors.interviews_since(user=owner, since=since):
        application = interview.application
        details = [f"Round {interview.round_number}"]
        if interview.with_whom:
            details.append(f"With: {interview.with_whom}")
        if interview.notes:
            details.append(interview.notes)
        event = icalendar.Event()
        event.add("uid", f"interview-{interview.pk}@{UID_DOMAIN}")
        event.add("dtstamp", _utc(interview.updated_at))
        event.add("dtstart", _utc(interview.scheduled_at))
        event.add("dtend", _utc(interview.scheduled_at + INTERVIEW_LENGTH))
        event.add("summary", f"{interview.get_kind_display()} interview: {application}")
        event.add("description", "\n".join(details))
        event.add("url", link(application.get_absolute_url()))
        events.append(event)
    return events


def _follow_up_events(owner, link: Callable[[str], str]) -> list[icalendar.Event]:
    events = []
    since = today_for(owner) - FOLLOW_UPS_SINCE
    for application in selectors.calendar_follow_ups(user=owner, since=since):
        day = application.next_follow_up_on
        event = icalendar.Event()
        event.add("uid", f"follow-up-{application.pk}-{day:%Y%m%d}@{UID_DOMAIN}")
        event.add("dtstamp", _utc(application.updated_at))
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", f"Follow up: {application}")
        event.add("url", link(application.get_absolute_url()))
        events.append(event)
    return events


def calendar_feed(*, owner, link: Callable[[str], str]) -> bytes:
    """The person's feed: interviews from the last 90 days on, and the follow-up dates of
    open applications from the last 30 days on. ``link`` turns a path into a full address."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Rebound//Job search calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # Properties the library does not know are written as given: say what type they are.
    title = f"Rebound: {owner.name}" if owner.name else "Rebound"
    calendar.add("x-wr-calname", icalendar.vText(title))
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
    for event in _interview_events(owner, link) + _follow_up_events(owner, link):
        calendar.add_component(event)
    return calendar.to_ical()
