"""Reads of the feedback domain. Other apps (rejections, dashboard) use these."""

import datetime

from django.db.models import Count, F, Q, QuerySet

from apps.applications.models import Application
from apps.core.dates import today_for
from apps.feedback.models import (
    ASKED_STATUSES,
    OPEN_STATUSES,
    FeedbackRequest,
    RequestStatus,
    Tone,
)


def _with_related(rows: QuerySet[FeedbackRequest]) -> QuerySet[FeedbackRequest]:
    return rows.select_related("application__company")


def feedback_requests_for(
    *,
    user,
    status: str | None = None,
    due_only: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[FeedbackRequest]:
    """The person's requests with application and company, newest first.

    status narrows to one status (an unknown value narrows to nothing); due_only keeps the
    sent requests whose follow-up date has come (today in the person's timezone unless given),
    soonest follow-up first.
    """
    rows = _with_related(FeedbackRequest.objects.for_user(user))
    if status:
        rows = rows.filter(status=status)
    if due_only:
        today = today or today_for(user)
        return rows.filter(status=RequestStatus.SENT, follow_up_on__lte=today).order_by(
            "follow_up_on", "id"
        )
    return rows.order_by("-created_at", "-id")


def response_rate(*, user) -> tuple[int, int]:
    """(answered, sent): how many requests brought feedback, out of every request that left
    draft (answered, declined and unanswered ones included). One query."""
    counts = (
        FeedbackRequest.objects.for_user(user)
        .filter(status__in=ASKED_STATUSES)
        .aggregate(
            answered=Count("id", filter=Q(status=RequestStatus.ANSWERED)),
            sent=Count("id"),
        )
    )
    return counts["answered"], counts["sent"]


def takeaways(*, user) -> QuerySet[FeedbackRequest]:
    """Answered requests where the person wrote down takeaways, newest answer first, with
    application and company."""
    return (
        _with_related(FeedbackRequest.objects.for_user(user))
        .filter(status=RequestStatus.ANSWERED)
        .exclude(my_takeaways="")
        .order_by(F("answered_on").desc(nulls_last=True), "-id")
    )


def follow_ups_due(*, user, today: datetime.date) -> QuerySet[FeedbackRequest]:
    """Sent requests still waiting whose follow-up date is today or has passed."""
    return feedback_requests_for(user=user, due_only=True, today=today)


def positive_feedback_count(*, user) -> int:
    """How many answers came across as encouraging: one of the person's wins."""
    return (
        FeedbackRequest.objects.for_user(user)
        .filter(status=RequestStatus.ANSWERED, tone=Tone.ENCOURAGING)
        .count()
    )


def open_request_for(application: Application) -> FeedbackRequest | None:
    """The newest request for this application that is still a draft or waiting for an
    answer, if there is one: the one-click "ask for feedback" reuses it."""
    return (
        FeedbackRequest.objects.filter(
            owner_id=application.owner_id, application=application, status__in=OPEN_STATUSES
        )
        .order_by("-created_at", "-id")
        .first()
    )
