"""The dashboard in one read: what is due, this week against the goals, the pipeline, the
recovery plan's moves for today and the check-in. Built from the same selectors as the
dashboard's panels."""

import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema

from apps.api.applications import InterviewOut
from apps.api.checkins import CheckInOut
from apps.api.common import LocalDateTime
from apps.api.refs import ApplicationRef, CompanyRef, ContactRef
from apps.api.rejections import StepOut
from apps.applications.models import ACTIVE_STATUSES, InterviewKind
from apps.applications.selectors import (
    applications_applied_between,
    follow_ups_due,
    interviews_coming_up,
    status_counts,
)
from apps.contacts.selectors import ContactFilters, contact_list, networking_touches
from apps.core.dates import today_for, week_bounds
from apps.feedback.selectors import follow_ups_due as feedback_follow_ups_due
from apps.rejections.selectors import plan_panel
from apps.selfcare.selectors import checkin_panel

router = Router()

DUE_LIMIT = 25


class PipelineOut(Schema):
    counts: dict[str, int] = Field(description="Applications in each stage (archived left out).")
    open: int = Field(description="Applications still in play.")
    total: int


class UpcomingInterviewOut(InterviewOut):
    application: ApplicationRef
    kind: InterviewKind
    scheduled_at: LocalDateTime


class WeekOut(Schema):
    start: datetime.date = Field(description="This week's Monday.")
    applications: int
    application_goal: int
    touches: int = Field(description="Networking interactions logged this week.")
    touch_goal: int
    interviews: list[UpcomingInterviewOut] = Field(description="The next 7 days, open ones.")


class DueApplicationOut(ApplicationRef):
    next_follow_up_on: datetime.date


class DueFeedbackOut(Schema):
    id: int
    application: ApplicationRef
    follow_up_on: datetime.date
    asked_on: datetime.date


class DueContactOut(ContactRef):
    company: CompanyRef | None
    next_follow_up_on: datetime.date


class DueOut(Schema):
    """Empty while you rest: follow-ups wait, as on the dashboard."""

    applications: list[DueApplicationOut]
    feedback_requests: list[DueFeedbackOut]
    contacts: list[DueContactOut]


class PlanTodayOut(Schema):
    rejection_id: int
    application: ApplicationRef
    received_on: datetime.date
    due: list[StepOut] = Field(description="The plan's moves for today.")


class CheckInSummaryOut(Schema):
    today: CheckInOut | None
    streak_days: int


class SummaryOut(Schema):
    today: datetime.date = Field(description="Today, in your timezone.")
    resting_until: datetime.date | None = Field(description="The last day of a rest, if resting.")
    pipeline: PipelineOut
    week: WeekOut
    due: DueOut
    plan: list[PlanTodayOut]
    checkin: CheckInSummaryOut


def _week(user, today: datetime.date) -> dict:
    start, end = week_bounds(today)
    return {
        "start": start,
        "applications": applications_applied_between(user=user, start=start, end=end),
        "application_goal": user.weekly_application_goal,
        "touches": networking_touches(owner=user, start=start, end=end),
        "touch_goal": user.weekly_networking_goal,
        "interviews": list(interviews_coming_up(user=user, now=timezone.now())[:DUE_LIMIT]),
    }


def _due(user, today: datetime.date) -> dict:
    if user.is_resting_on(today):
        return {"applications": [], "feedback_requests": [], "contacts": []}
    contacts = contact_list(owner=user, today=today, filters=ContactFilters(follow_up_due=True))
    return {
        "applications": list(follow_ups_due(user=user, today=today)[:DUE_LIMIT]),
        "feedback_requests": list(feedback_follow_ups_due(user=user, today=today)[:DUE_LIMIT]),
        "contacts": list(contacts[:DUE_LIMIT]),
    }


def _plan(user, today: datetime.date) -> list[dict]:
    plans = []
    for plan in plan_panel(user=user, today=today).plans:
        for step in plan.due:
            step.due = True
        rejection = plan.rejection
        plans.append(
            {
                "rejection_id": rejection.pk,
                "application": rejection.application,
                "received_on": rejection.received_on,
                "due": plan.due,
            }
        )
    return plans


@router.get("", response=SummaryOut, summary="What the dashboard shows")
def summary(request: HttpRequest):
    user = request.user
    today = today_for(user)
    counts = status_counts(user=user)
    checkin = checkin_panel(owner=user, today=today)
    return {
        "today": today,
        "resting_until": user.resting_until if user.is_resting_on(today) else None,
        "pipeline": {
            "counts": counts,
            "open": sum(counts[status] for status in ACTIVE_STATUSES),
            "total": sum(counts.values()),
        },
        "week": _week(user, today),
        "due": _due(user, today),
        "plan": _plan(user, today),
        "checkin": {"today": checkin.checkin, "streak_days": checkin.streak.days},
    }
