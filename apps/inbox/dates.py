"""Finding a date and time in an email's text: when an interview is proposed, or when a
message was sent as a mail program shows it. English, German and French ways of writing."""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "jänner": 1, "janvier": 1, "janv": 1,
    "feb": 2, "february": 2, "februar": 2, "février": 2, "fevrier": 2, "févr": 2,
    "mar": 3, "march": 3, "märz": 3, "maerz": 3, "mars": 3,
    "apr": 4, "april": 4, "avril": 4, "avr": 4,
    "may": 5, "mai": 5,
    "jun": 6, "june": 6, "juni": 6, "juin": 6,
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "juil": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9,
    "oct": 10, "october": 10, "oktober": 10, "okt": 10, "octobre": 10,
    "nov": 11, "november": 11, "novembre": 11,
    "dec": 12, "december": 12, "dezember": 12, "dez": 12, "décembre": 12, "decembre": 12,
    "déc": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?"
    rf"(?:,?\s+(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)
MONTH_DAY = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>20\d\d))?",
    re.IGNORECASE,
)
ISO = re.compile(r"\b(?P<year>20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
NUMERIC = re.compile(r"\b(?P<a>[0-3]?\d)[./](?P<b>[01]?\d)[./](?P<year>20\d\d)\b")
TIME = re.compile(
    r"(?<![\d.:/-])(?P<hour>[0-2]?\d)(?:(?::|h|\.(?=\d\d\s*(?:uhr|h\b)))(?P<minute>[0-5]\d))?"
    r"\s*(?P<suffix>a\.?m\.?|p\.?m\.?|uhr|h\b)?(?![\d:/])",
    re.IGNORECASE,
)
WEEKDAYS = {
    "monday": 0, "montag": 0, "lundi": 0, "tuesday": 1, "dienstag": 1, "mardi": 1,
    "wednesday": 2, "mittwoch": 2, "mercredi": 2, "thursday": 3, "donnerstag": 3, "jeudi": 3,
    "friday": 4, "freitag": 4, "vendredi": 4, "saturday": 5, "samstag": 5, "samedi": 5,
    "sunday": 6, "sonntag": 6, "dimanche": 6,
}  # fmt: skip
WEEKDAY = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
# How far after (or before) a date its time may be written.
TIME_WINDOW = 60


@dataclass(frozen=True)
class FoundDate:
    value: datetime.datetime
    has_time: bool


def _time_near(text: str) -> tuple[int, int] | None:
    for match in TIME.finditer(text):
        hour = int(match.group("hour"))
        minute = int(match.group("minute") or 0)
        suffix = (match.group("suffix") or "").lower().replace(".", "")
        # A bare number is not a time; "14:00", "2 pm", "10 Uhr" and "14h30" are.
        if not match.group("minute") and not suffix:
            continue
        if suffix == "pm" and hour < 12:
            hour += 12
        elif suffix == "am" and hour == 12:
            hour = 0
        if hour <= 23:
            return hour, minute
    return None


def _dates_in(text: str):
    for match in ISO.finditer(text):
        yield match, int(match["year"]), int(match["month"]), int(match["day"])
    for match in NUMERIC.finditer(text):
        first, second = int(match["a"]), int(match["b"])
        # Written day first in most of the world; month first only when nothing else fits.
        day, month = (second, first) if second > 12 else (first, second)
        yield match, int(match["year"]), month, day
    for pattern in (DAY_MONTH, MONTH_DAY):
        for match in pattern.finditer(text):
            month = MONTHS[match["month"].lower()]
            yield match, int(match["year"]) if match["year"] else None, month, int(match["day"])


def find_datetime(
    text: str,
    *,
    reference: datetime.date | None,
    zone: datetime.tzinfo = datetime.UTC,
) -> FoundDate | None:
    """The first date written in the text that is not before the reference day (with its
    time when one is written next to it), as an aware datetime in the zone. A date without
    a year is the next such day on or after the reference. Noon when no time is given."""
    candidates = []
    for match, year, month, day in _dates_in(text):
        if year is None:
            base = reference or datetime.date.today()
            year = base.year
            try:
                if datetime.date(year, month, day) < base:
                    year += 1
            except ValueError:
                continue
        try:
            date = datetime.date(year, month, day)
        except ValueError:
            continue
        if reference is not None and date < reference:
            continue
        candidates.append((match.start(), match, date))
    if not candidates and reference is not None:
        # "Would Thursday at 10:00 work?": the next such day after the reference.
        for match in WEEKDAY.finditer(text):
            ahead = (WEEKDAYS[match["weekday"].lower()] - reference.weekday() - 1) % 7 + 1
            candidates.append((match.start(), match, reference + datetime.timedelta(days=ahead)))
            break
    if not candidates:
        return None
    _, match, date = min(candidates, key=lambda item: item[0])
    after = text[match.end() : match.end() + TIME_WINDOW]
    before = text[max(0, match.start() - 25) : match.start()]
    time = _time_near(after) or _time_near(before)
    hour, minute = time or (12, 0)
    value = datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=zone)
    return FoundDate(value=value, has_time=time is not None)


def zone_named(name: str) -> datetime.tzinfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return datetime.UTC
