"""Demo rejections with their recovery plans, for the applications `seed_applications`
marked rejected. Written with bulk_create; called by `seed_everything`."""

import datetime
import random
from collections import defaultdict

from apps.applications.models import Application, Interview, Status, StatusChange
from apps.applications.stages import stage_from_history
from apps.core.dates import today_for
from apps.rejections.models import MOVE_ORDER, RecoveryStep, Rejection, StepState
from apps.rejections.plan import step_dates

REASONS = [
    "",
    "",
    "Went with a candidate with more domain experience.",
    "The role was filled internally.",
    "Hiring freeze for the rest of the quarter.",
    "They wanted someone who could start sooner.",
    "Looking for more experience with their stack.",
]


def seed_rejections(user, rng: random.Random) -> str:
    today = today_for(user)
    rejected = list(
        Application.objects.for_user(user)
        .filter(status=Status.REJECTED)
        .values_list("id", "status_changed_on")
    )
    ids = [pk for pk, _day in rejected]
    statuses = defaultdict(set)
    for application_id, status in StatusChange.objects.filter(application_id__in=ids).values_list(
        "application_id", "to_status"
    ):
        statuses[application_id].add(status)
    kinds = defaultdict(list)
    for application_id, kind in Interview.objects.filter(application_id__in=ids).values_list(
        "application_id", "kind"
    ):
        kinds[application_id].append(kind)

    rejections = []
    for application_id, received_on in rejected:
        stage = stage_from_history(
            statuses=statuses[application_id],
            interview_kinds=set(kinds[application_id]),
            interview_count=len(kinds[application_id]),
        )
        rejections.append(
            Rejection(
                owner=user,
                application_id=application_id,
                received_on=received_on,
                stage_reached=stage,
                reason_given=rng.choice(REASONS),
                feeling=rng.choice([None, 1, 2, 2, 3, 3, 4]),
            )
        )
    Rejection.objects.bulk_create(rejections, batch_size=1000)

    steps = []
    for rejection in rejections:
        age = (today - rejection.received_on).days
        for move in MOVE_ORDER:
            opens_on, closes_on = step_dates(move, rejection.received_on)
            settled = opens_on <= today and (age > 7 or rng.random() < 0.3)
            state = (
                rng.choice([StepState.DONE, StepState.DONE, StepState.SKIPPED])
                if settled
                else StepState.PENDING
            )
            steps.append(
                RecoveryStep(
                    owner=user,
                    rejection=rejection,
                    move=move,
                    opens_on=opens_on,
                    closes_on=closes_on,
                    state=state,
                    done_on=min(today, opens_on + datetime.timedelta(days=1))
                    if state != StepState.PENDING
                    else None,
                )
            )
    RecoveryStep.objects.bulk_create(steps, batch_size=2000)
    return f"{len(rejections)} rejections with {len(steps)} recovery steps"
