"""A small iCalendar (RFC 5545) writer: just what a subscribed feed of interviews and
follow-up dates needs, without another dependency."""

import datetime
from dataclasses import dataclass

CRLF = "\r\n"
MAX_LINE_OCTETS = 75


@dataclass(frozen=True)
class Event:
    uid: str
    stamp: datetime.datetime
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date
    summary: str
    description: str = ""
    location: str = ""
    url: str = ""


def escape_text(value: str) -> str:
    """TEXT values escape backslash, semicolon and comma, and write newlines as \\n."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character;
    each continuation line starts with one space."""
    pieces: list[str] = []
    current = ""
    current_octets = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if current_octets + size > limit:
            pieces.append(current)
            current, current_octets = " ", 1
        current += char
        current_octets += size
    pieces.append(current)
    return CRLF.join(pieces)


def utc_stamp(moment: datetime.datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("iCalendar times must be timezone-aware.")
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _date_or_time(name: str, value: datetime.datetime | datetime.date) -> str:
    if isinstance(value, datetime.datetime):
        return f"{name}:{utc_stamp(value)}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def event_lines(event: Event) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc_stamp(event.stamp)}",
        _date_or_time("DTSTART", event.start),
        _date_or_time("DTEND", event.end),
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{event.url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[Event], *, name: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Rebound//Job search calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    for event in events:
        lines.extend(event_lines(event))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
