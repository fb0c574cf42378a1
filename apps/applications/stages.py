"""How far an application got in the hiring process, read from its own history.

The rejection form offers this as the default "stage reached", the recovery plan shows it, and
feedback drafts mention it. It lives here because all three read applications.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from apps.applications.models import (
    Application,
    InterviewKind,
    StageReached,
    Status,
    StatusChange,
)

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


def stage_after(current: str, *, status: str = "", interview_kind: str = "") -> StageReached:
    """The furthest stage once a move to `status` or an interview of `interview_kind` joins a
    history that had reached `current`: the same rule as stage_from_history, and it never
    goes back. The services that add moves and interviews keep Application.furthest_stage
    with it."""
    added = stage_from_history(
        statuses={status} if status else set(),
        interview_kinds={interview_kind} if interview_kind else set(),
        interview_count=1 if interview_kind else 0,
    )
    return max(StageReached(current), added, key=STAGE_ORDER.index)


def stage_reached(application: Application) -> StageReached:
    """The furthest stage this application reached (two small queries)."""
    statuses = set(application.status_changes.values_list("to_status", flat=True))
    statuses.add(application.status)
    kinds = list(application.interviews.values_list("kind", flat=True))
    return stage_from_history(
        statuses=statuses, interview_kinds=set(kinds), interview_count=len(kinds)
    )


def furthest_stages_refresh(*, applications, status_changes, interviews) -> None:
    """Work out Application.furthest_stage again from whole histories (after a restore, and
    in the migration that added the column, which passes its historical models' querysets).
    Three reads and an update per stage, whatever the number of applications."""
    statuses: dict[int, set[str]] = defaultdict(set)
    kinds: dict[int, list[str]] = defaultdict(list)
    for pk, status in applications.values_list("pk", "status").iterator(chunk_size=2000):
        statuses[pk].add(status)
    for pk, status in status_changes.values_list("application_id", "to_status").iterator(
        chunk_size=2000
    ):
        statuses[pk].add(status)
    for pk, kind in interviews.values_list("application_id", "kind").iterator(chunk_size=2000):
        kinds[pk].append(kind)
    by_stage: dict[str, list[int]] = defaultdict(list)
    for pk in list(statuses):
        found = stage_from_history(
            statuses=statuses[pk], interview_kinds=set(kinds[pk]), interview_count=len(kinds[pk])
        )
        by_stage[found].append(pk)
    for stage, ids in by_stage.items():
        for start in range(0, len(ids), 500):
            applications.filter(pk__in=ids[start : start + 500]).update(furthest_stage=stage)


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
    and a final round (or further). One aggregate over the kept furthest stage."""

    def at_least(stage: StageReached) -> Q:
        return Q(furthest_stage__in=STAGE_ORDER[STAGE_ORDER.index(stage) :])

    counts = (
        Application.objects.for_user(user)
        .exclude(status=Status.WISHLIST)
        .aggregate(
            sent=Count("id"),
            screening=Count("id", filter=at_least(StageReached.SCREENING)),
            interview=Count("id", filter=at_least(StageReached.INTERVIEW)),
            final=Count("id", filter=at_least(StageReached.FINAL)),
        )
    )
    return PipelineReach(**counts)


def rejection_days(*, user) -> list[datetime.date]:
    """The days the person heard "no": the date of every move to rejected. One query."""
    rows = StatusChange.objects.for_user(user).filter(to_status=Status.REJECTED)
    return list(rows.values_list("on", flat=True))
