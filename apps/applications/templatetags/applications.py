import datetime

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def days_since(day: datetime.date | None, today: datetime.date) -> str:
    """“today”, “1 day”, “12 days”: how long ago a date was, for cards and tables."""
    if day is None:
        return ""
    days = (today - day).days
    if days <= 0:
        return "today"
    return "1 day" if days == 1 else f"{days} days"


@register.filter
def short_date(day: datetime.date | None, today: datetime.date) -> str:
    """A compact date: the year only when it is not this year."""
    if day is None:
        return ""
    return date_format(day, "j M" if day.year == today.year else "j M Y")


@register.simple_tag
def sort_link_state(current: str, key: str) -> dict:
    """For a sortable column: the sort its header link asks for and its aria-sort value."""
    if current == key:
        return {"next": f"-{key}", "aria": "ascending", "arrow": "▲"}
    if current == f"-{key}":
        return {"next": key, "aria": "descending", "arrow": "▼"}
    return {"next": key, "aria": "", "arrow": ""}
