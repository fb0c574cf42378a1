"""How far an application got in the hiring process, read from its own history.

The rejection form offers this as the default "stage reached", the recovery plan shows it, and
feedback drafts mention it. It lives here because all three read applications.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q

from apps.applications.models import Application, Interview, InterviewKind, Status, StatusChange


class StageReached(models.TextChoices):
    APPLIED = "applied", "After applying"
    SCREENING = "screening", "After screening"
    INTERVIEW = "interview", "After an interview round"
    FINAL = "final", "After the final round"
    OFFER = "offer", "After an offer"


# In the order a hiring process goes through them.
STAGE_ORDER = [stage.value for stage in StageReached]

# How a stage reads inside a sentence: "you reached {phrase}".
STAGE_PHRASES = {
    StageReached.APPLIED: "the application stage",
    StageReached.SCREENING: "the screening stage",
    StageReached.INTERVIEW: "the interviews",
    StageReached.FINAL: "the final round",
    StageReached.OFFER: "an offer",
}


def stage_from_history(
    *, statuses: set[str], interview_kinds: set[str], interview_count: int
) -> StageReached:
    if statuses & {Status.OFFER, Status.ACCEPTED}:
        return StageReached.OFFER
    if InterviewKind.FINAL in interview_kinds:
        return StageReached.FINAL
    if interview_count or Status.INTERVIEWING in statuses:
        return StageReached.INTERVIEW
    if Status.SCREENING in statuses:
        return StageReached.SCREENING
    return StageReached.APPLIED


def stage_reached(application: Application) -> StageReached:
    """The furthest stage this application reached (two small queries)."""
    statuses = set(application.status_changes.values_list("to_status", flat=True))
    statuses.add(application.status)
    kinds = list(application.interviews.values_list("kind", flat=True))
    return stage_from_history(
        statuses=statuses, interview_kinds=set(kinds), interview_count=len(kinds)
    )


@dataclass(frozen=True)
class PipelineReach:
    """How far the person's applications have gone, across all of them: facts about the
    pipeline, never a score of the person."""

    sent: int
    screening: int
    interview: int
    final: int

    def share(self, reached: int) -> int:
        return round(100 * reached / self.sent) if self.sent else 0

    @property
    def screening_share(self) -> int:
        return self.share(self.screening)

    @property
    def interview_share(self) -> int:
        return self.share(self.interview)

    @property
    def final_share(self) -> int:
        return self.share(self.final)


def pipeline_reach(*, user) -> PipelineReach:
    """Of the applications that left the wishlist, how many reached screening, an interview
    and a final round (or further). One query."""

    def moved_to(*statuses: str) -> Exists:
        return Exists(
            StatusChange.objects.filter(application=OuterRef("pk"), to_status__in=statuses)
        )

    def interviewed(*kinds: str) -> Exists:
        rows = Interview.objects.filter(application=OuterRef("pk"))
        return Exists(rows.filter(kind__in=kinds) if kinds else rows)

    offered = moved_to(Status.OFFER, Status.ACCEPTED)
    reached_final = Q(offered) | Q(interviewed(InterviewKind.FINAL))
    reached_interview = reached_final | Q(moved_to(Status.INTERVIEWING)) | Q(interviewed())
    reached_screening = reached_interview | Q(moved_to(Status.SCREENING))
    counts = (
        Application.objects.for_user(user)
        .exclude(status=Status.WISHLIST)
        .aggregate(
            sent=Count("id"),
            screening=Count("id", filter=reached_screening),
            interview=Count("id", filter=reached_interview),
            final=Count("id", filter=reached_final),
        )
    )
    return PipelineReach(**counts)


def rejection_days(*, user) -> list[datetime.date]:
    """The days the person heard "no": the date of every move to rejected. One query."""
    rows = StatusChange.objects.for_user(user).filter(to_status=Status.REJECTED)
    return list(rows.values_list("on", flat=True))
