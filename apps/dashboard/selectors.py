"""The dashboard's panels, each composed from the other apps' selectors. Nothing imports
the dashboard."""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from apps.applications.models import ACTIVE_STATUSES, Status
from apps.applications.selectors import (
    applications_applied_between,
    follow_ups_due,
    interviews_coming_up,
    status_counts,
)
from apps.contacts.selectors import ContactFilters, contact_list, networking_touches
from apps.core.charts import Bar, bars
from apps.core.dates import week_bounds
from apps.feedback.selectors import follow_ups_due as feedback_follow_ups_due

DUE_LIMIT = 5


@dataclass
class WeekPanel:
    start: datetime.date
    applications: int
    application_goal: int
    touches: int
    touch_goal: int
    interviews: list


def week_panel(*, user, today: datetime.date) -> WeekPanel:
    """This week's progress against the person's goals, and the next 7 days' interviews for
    applications still open."""
    start, end = week_bounds(today)
    interviews = interviews_coming_up(user=user, now=timezone.now())
    return WeekPanel(
        start=start,
        applications=applications_applied_between(user=user, start=start, end=end),
        application_goal=user.weekly_application_goal,
        touches=networking_touches(owner=user, start=start, end=end),
        touch_goal=user.weekly_networking_goal,
        interviews=list(interviews[:DUE_LIMIT]),
    )


@dataclass
class DuePanel:
    resting: bool
    applications: list
    feedback: list
    contacts: list

    @property
    def empty(self) -> bool:
        return not (self.applications or self.feedback or self.contacts)


def due_panel(*, user, today: datetime.date) -> DuePanel:
    """Follow-ups that have come due. While resting nothing is fetched: nudges wait."""
    if user.is_resting_on(today):
        return DuePanel(resting=True, applications=[], feedback=[], contacts=[])
    contacts = contact_list(owner=user, today=today, filters=ContactFilters(follow_up_due=True))
    return DuePanel(
        resting=False,
        applications=list(follow_ups_due(user=user, today=today)[:DUE_LIMIT]),
        feedback=list(feedback_follow_ups_due(user=user, today=today)[:DUE_LIMIT]),
        contacts=list(contacts[:DUE_LIMIT]),
    )


@dataclass(frozen=True)
class Pipeline:
    bars: list[Bar]  # one per open stage, linked to the table filtered to it
    total: int  # every application, closed ones included

    @property
    def open(self) -> int:
        return sum(bar.value for bar in self.bars)


def pipeline(*, user) -> Pipeline:
    """How many applications sit in each open stage, for a small funnel. One query."""
    counts = status_counts(user=user)
    table = reverse("applications:list")
    return Pipeline(
        bars=bars(
            [(Status(status).label, counts[status]) for status in ACTIVE_STATUSES],
            urls=[f"{table}?status={status}" for status in ACTIVE_STATUSES],
        ),
        total=sum(counts.values()),
    )
