import datetime
import zoneinfo

from django.utils import timezone


def user_zone(user) -> zoneinfo.ZoneInfo:
    name = getattr(user, "timezone", "") or "UTC"
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def today_for(user) -> datetime.date:
    """Today's date where this person is, not where the server is."""
    return timezone.localdate(timezone=user_zone(user))


def week_bounds(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The Monday and the Sunday of the week that holds this day."""
    start = today - datetime.timedelta(days=today.weekday())
    return start, start + datetime.timedelta(days=6)
