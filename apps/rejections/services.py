import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.services import pause_mode_start
from apps.applications import stages
from apps.applications.models import Application, Status
from apps.applications.services import application_create, application_lock, application_move
from apps.applications.stages import STAGE_ORDER, StageReached
from apps.core.dates import today_for
from apps.feedback.services import feedback_request_start
from apps.rejections.models import (
    MOVE_ORDER,
    Move,
    RecoveryStep,
    Reflection,
    Rejection,
    StepState,
)
from apps.rejections.plan import step_dates

# The status an application passes through to reach each stage, for applications that are
# first entered into Rebound together with their rejection.
STAGE_STATUSES = {
    StageReached.APPLIED: [],
    StageReached.SCREENING: [Status.SCREENING],
    StageReached.INTERVIEW: [Status.SCREENING, Status.INTERVIEWING],
    StageReached.FINAL: [Status.SCREENING, Status.INTERVIEWING],
    StageReached.OFFER: [Status.SCREENING, Status.INTERVIEWING, Status.OFFER],
}


class RejectionAlreadyLogged(ValidationError):
    """The application's rejection is already logged (perhaps by a click a moment before);
    ``rejection`` is that one."""

    def __init__(self, rejection: Rejection):
        self.rejection = rejection
        super().__init__("This rejection is already logged.")


def _check_received_on(received_on: datetime.date, owner) -> None:
    if received_on > today_for(owner):
        raise ValidationError({"received_on": "The day you heard back cannot be in the future."})


@transaction.atomic
def rejection_log(
    *,
    application: Application,
    received_on: datetime.date,
    stage_reached: str | None = None,
    reason_given: str = "",
    feeling: int | None = None,
    notes: str = "",
) -> Rejection:
    """Record a rejection: the application moves to rejected, and the rejection and its
    eight recovery steps are created, all in one transaction."""
    owner = application.owner
    _check_received_on(received_on, owner)
    # Two "log rejection" posts at once: the second waits here for the first, then finds
    # its rejection (RejectionAlreadyLogged) instead of tripping over the unique key.
    application_lock(application=application)
    existing = Rejection.objects.filter(application=application).first()
    if existing is not None:
        raise RejectionAlreadyLogged(existing)
    stage = stage_reached or stages.stage_reached(application)
    if application.status != Status.REJECTED:
        if received_on < application.status_changed_on:
            raise ValidationError(
                {
                    "received_on": "This application last moved on "
                    f"{application.status_changed_on:%d %B %Y}; "
                    "the rejection cannot be dated before that."
                }
            )
        application_move(application=application, status=Status.REJECTED, on=received_on)
    rejection = Rejection(
        owner=owner,
        application=application,
        received_on=received_on,
        stage_reached=stage,
        reason_given=reason_given,
        feeling=feeling,
        notes=notes,
    )
    rejection.full_clean()
    rejection.save()
    anchor = today_for(owner)
    steps = []
    for move in MOVE_ORDER:
        opens_on, closes_on = step_dates(move, anchor)
        steps.append(
            RecoveryStep(
                owner=owner, rejection=rejection, move=move, opens_on=opens_on, closes_on=closes_on
            )
        )
    RecoveryStep.objects.bulk_create(steps)
    return rejection


@transaction.atomic
def rejection_log_new(
    *,
    owner,
    company_name: str,
    role_title: str,
    received_on: datetime.date,
    stage_reached: str = StageReached.APPLIED,
    applied_on: datetime.date | None = None,
    reason_given: str = "",
    feeling: int | None = None,
    notes: str = "",
) -> Rejection:
    """Log a rejection for a role not tracked yet: the application is created with a history
    that walks through the stage reached, then the rejection is logged as usual."""
    _check_received_on(received_on, owner)
    if stage_reached not in STAGE_ORDER:
        raise ValidationError({"stage_reached": "Choose a stage from the list."})
    applied_on = applied_on or received_on
    if applied_on > received_on:
        raise ValidationError({"applied_on": "You must have applied before hearing back."})
    application = application_create(
        owner=owner,
        company_name=company_name,
        role_title=role_title,
        status=Status.APPLIED,
        applied_on=applied_on,
        note="Added together with the rejection.",
    )
    for status in STAGE_STATUSES[stage_reached]:
        application_move(
            application=application,
            status=status,
            on=received_on,
            note="Recorded when the rejection was logged.",
        )
    return rejection_log(
        application=application,
        received_on=received_on,
        stage_reached=stage_reached,
        reason_given=reason_given,
        feeling=feeling,
        notes=notes,
    )


@transaction.atomic
def rejection_update(*, rejection: Rejection, **fields) -> Rejection:
    allowed = {"received_on", "stage_reached", "reason_given", "feeling", "notes"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if "received_on" in fields:
        _check_received_on(fields["received_on"], rejection.owner)
    for name, value in fields.items():
        setattr(rejection, name, value)
    rejection.full_clean()
    rejection.save()
    return rejection


@transaction.atomic
def recovery_step_set_state(
    *, step: RecoveryStep, state: str, note: str | None = None
) -> RecoveryStep:
    """Mark a step done or skipped, or put it back to do. Skipped steps stay skipped until
    the person says otherwise."""
    if state not in StepState.values:
        raise ValidationError({"state": "Choose done, skipped or to do."})
    step.state = state
    step.done_on = None if state == StepState.PENDING else today_for(step.owner)
    if note is not None:
        step.note = note
    step.full_clean()
    step.save(update_fields=["state", "done_on", "note", "updated_at"])
    return step


def _count_as_done(step: RecoveryStep) -> None:
    """A step whose action the person just took counts as done, unless they already marked
    it (a step they skipped stays skipped)."""
    if step.state == StepState.PENDING:
        recovery_step_set_state(step=step, state=StepState.DONE)


@transaction.atomic
def rejection_reflect(
    *,
    rejection: Rejection,
    fit_values: int | None,
    fit_interests: int | None,
    fit_skills: int | None,
    what_to_change: str = "",
) -> Reflection:
    """Save the person's reflection on how the role fitted (a second one updates the first);
    the plan's "reflect" step counts as done."""
    reflection = Reflection.objects.filter(rejection=rejection).first() or Reflection(
        owner=rejection.owner, rejection=rejection
    )
    reflection.fit_values = fit_values
    reflection.fit_interests = fit_interests
    reflection.fit_skills = fit_skills
    reflection.what_to_change = what_to_change
    reflection.full_clean()
    reflection.save()
    _count_as_done(RecoveryStep.objects.get(rejection=rejection, move=Move.REFLECT))
    return reflection


@transaction.atomic
def recovery_step_rest(*, owner, step: RecoveryStep, days: int) -> RecoveryStep:
    """The "give yourself time" move: a rest for a few days, and the step is done."""
    if step.owner_id != owner.pk or step.move != Move.PROCESS:
        raise ValidationError("Only your own “give yourself time” step starts a rest.")
    pause_mode_start(user=owner, days=days)
    return recovery_step_set_state(step=step, state=StepState.DONE)


@transaction.atomic
def feedback_request_for_step(*, step: RecoveryStep):
    """The "ask for feedback" move in one click: the application's open request, or a new
    one with the message drafted. The step counts as done."""
    feedback_request, _created = feedback_request_start(
        owner=step.owner, application=step.rejection.application
    )
    _count_as_done(step)
    return feedback_request
