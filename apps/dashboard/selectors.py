"""The dashboard's panels, each composed from the other apps' selectors. Nothing imports
the dashboard."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from apps.applications.models import ACTIVE_STATUSES, Status
from apps.applications.selectors import (
    applications_applied_between,
    follow_ups_due,
    interviews_coming_up,
    status_counts,
)
from apps.contacts.selectors import ContactFilters, contact_list, networking_touches
from apps.feedback.selectors import follow_ups_due as feedback_follow_ups_due
from apps.rejections.selectors import week_bounds

DUE_LIMIT = 5


@dataclass
class WeekPanel:
    start: datetime.date
    applications: int
    application_goal: int
    touches: int
    touch_goal: int
    interviews: list

    @staticmethod
    def percent(done: int, goal: int) -> int:
        return min(100, round(100 * done / goal)) if goal else 100

    @property
    def application_percent(self) -> int:
        return self.percent(self.applications, self.application_goal)

    @property
    def touch_percent(self) -> int:
        return self.percent(self.touches, self.touch_goal)


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
    """Follow-ups that have come due. In pause mode nothing is fetched: nudges wait."""
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
class PipelineStage:
    status: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True)
class Pipeline:
    stages: list[PipelineStage]
    total: int  # every application, closed ones included

    @property
    def open(self) -> int:
        return sum(stage.count for stage in self.stages)


def pipeline(*, user) -> Pipeline:
    """How many applications sit in each open stage, for a small funnel. One query."""
    counts = status_counts(user=user)
    largest = max((counts[status] for status in ACTIVE_STATUSES), default=0)
    stages = [
        PipelineStage(
            status,
            Status(status).label,
            counts[status],
            round(100 * counts[status] / largest) if largest else 0,
        )
        for status in ACTIVE_STATUSES
    ]
    return Pipeline(stages=stages, total=sum(counts.values()))
