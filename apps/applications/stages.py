"""How far an application got in the hiring process, read from its own history.

The rejection form offers this as the default "stage reached", the recovery plan shows it, and
feedback drafts mention it. It lives here because all three read applications.
"""

from django.db import models

from apps.applications.models import Application, InterviewKind, Status


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
