"""The emails Rebound sends on its own: the digest and the interview reminder.

Each is rendered from a plain-text and an HTML template, carries links back to the site
(DJANGO_SITE_URL) and a one-click unsubscribe (RFC 8058) with a signed per-person token.
"""

import datetime
import zoneinfo
from dataclasses import dataclass, field
from email.utils import format_datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from apps.applications.selectors import follow_ups_due, interviews_coming_up
from apps.contacts.selectors import networking_touches, reconnect_suggestions
from apps.core.dates import user_zone, week_bounds
from apps.feedback.selectors import follow_ups_due as feedback_follow_ups_due
from apps.rejections.selectors import steps_opening_on, weekly_progress

UNSUBSCRIBE_SALT = "rebound.jobs.unsubscribe"
KINDS = ("digest", "reminder")
LIST_LIMIT = 5
RECONNECT_LIMIT = 3
INTERVIEW_DAYS = 2


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def unsubscribe_token(*, person, kind: str) -> str:
    return signing.dumps({"u": person.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_reader(token: str):
    """The person and kind a token names, or None for a token we did not sign."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in KINDS:
        return None
    person = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    return (person, data["k"]) if person else None


@dataclass
class DigestContent:
    person: object
    today: datetime.date
    zone: zoneinfo.ZoneInfo
    follow_ups: list = field(default_factory=list)
    interviews: list = field(default_factory=list)
    moves: list = field(default_factory=list)
    feedback: list = field(default_factory=list)
    reconnect: list = field(default_factory=list)
    applications_this_week: int = 0
    touches_this_week: int = 0

    @property
    def empty(self) -> bool:
        """The week's progress alone is not news: nothing else to say, no email."""
        return not (
            self.follow_ups or self.interviews or self.moves or self.feedback or self.reconnect
        )


def digest_content(*, person, now: datetime.datetime) -> DigestContent:
    zone = user_zone(person)
    today = timezone.localtime(now, zone).date()
    start, end = week_bounds(today)
    return DigestContent(
        person=person,
        today=today,
        zone=zone,
        follow_ups=list(follow_ups_due(user=person, today=today)[:LIST_LIMIT]),
        interviews=list(
            interviews_coming_up(user=person, now=now, days=INTERVIEW_DAYS)[:LIST_LIMIT]
        ),
        moves=list(steps_opening_on(user=person, day=today)[:LIST_LIMIT]),
        feedback=list(
            feedback_follow_ups_due(user=person, today=today).select_related(
                "application__company"
            )[:LIST_LIMIT]
        ),
        reconnect=reconnect_suggestions(owner=person, limit=RECONNECT_LIMIT),
        applications_this_week=weekly_progress(user=person, today=today)["applications"],
        touches_this_week=networking_touches(owner=person, start=start, end=end),
    )


def _send(*, person, kind: str, subject: str, template: str, context: dict) -> None:
    unsubscribe = site_url(
        reverse("jobs:unsubscribe", kwargs={"token": unsubscribe_token(person=person, kind=kind)})
    )
    context = {
        **context,
        "person": person,
        "site_url": settings.SITE_URL,
        "settings_url": site_url(reverse("accounts:settings")),
        "unsubscribe_url": unsubscribe,
    }
    with timezone.override(user_zone(person)):
        text = render_to_string(f"jobs/email/{template}.txt", context)
        html = render_to_string(f"jobs/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[person.email],
        headers={
            # Django's default says "-0000" (zone unknown); the sending moment is known in UTC.
            "Date": format_datetime(timezone.now()),
            "Message-ID": make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost"),
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    message.send()


def digest_send(*, content: DigestContent) -> None:
    weekly = content.person.digest == "weekly"
    _send(
        person=content.person,
        kind="digest",
        subject="Your week ahead in Rebound" if weekly else "Your day in Rebound",
        template="digest",
        context={"digest": content, "weekly": weekly},
    )


def reminder_send(*, interview) -> None:
    person = interview.owner
    application = interview.application
    local = timezone.localtime(interview.scheduled_at, user_zone(person))
    _send(
        person=person,
        kind="reminder",
        subject=f"Interview {local:%a %-d %b at %H:%M}: {application.company.name}",
        template="reminder",
        context={
            "interview": interview,
            "application": application,
            "local_time": local,
            "application_url": site_url(application.get_absolute_url()),
        },
    )
