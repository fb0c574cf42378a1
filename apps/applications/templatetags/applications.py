import datetime
import functools
import json
from pathlib import Path
from urllib.parse import quote

from django import template
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html_join

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


def _move_buttons(statuses, current: str) -> str:
    return format_html_join(
        "",
        '<li><button type="submit" name="status" value="{}">{}</button></li>',
        ((value, label) for value, label in statuses if value != current),
    )


@register.simple_tag(takes_context=True)
def move_buttons(context, statuses, current: str) -> str:
    """A board card's "Move to" menu: one submit button per other stage, full names. Built
    once per stage and page render and shared by every card in that stage (a board has a
    hundred cards and a handful of stages; the labels are translated text, so building each
    card's menu anew was a quarter of the board's time)."""
    made = context.render_context.setdefault("move_buttons", {})
    key = (id(statuses), current)
    if key not in made:
        made[key] = _move_buttons(statuses, current)
    return made[key]


@register.simple_tag
def sort_link_state(current: str, key: str) -> dict:
    """For a sortable column: the sort its header link asks for and its aria-sort value."""
    if current == key:
        return {"next": f"-{key}", "aria": "ascending", "arrow": "▲"}
    if current == f"-{key}":
        return {"next": key, "aria": "descending", "arrow": "▼"}
    return {"next": key, "aria": "", "arrow": ""}


BOOKMARKLET_SOURCE = "js/bookmarklet.js"
BOOKMARKLET_TARGET = "REBOUND_NEW_APPLICATION_URL"


@functools.cache
def _bookmarklet_code() -> str:
    """static/js/bookmarklet.js without its comment lines and indentation: shorter, and the
    same code."""
    source = Path(finders.find(BOOKMARKLET_SOURCE)).read_text(encoding="utf-8")
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


@register.simple_tag(takes_context=True)
def bookmarklet_href(context) -> str:
    """The "Save to Rebound" bookmarklet as a javascript: address that opens this server's
    "add an application" form."""
    target = context["request"].build_absolute_uri(reverse("applications:create"))
    code = _bookmarklet_code().replace(BOOKMARKLET_TARGET, json.dumps(target)[1:-1])
    return "javascript:" + quote(code, safe="")
