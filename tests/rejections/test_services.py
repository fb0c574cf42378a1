import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.applications.models import Application, InterviewKind, Status, StatusChange
from apps.applications.services import application_create, application_move, interview_schedule
from apps.applications.stages import StageReached
from apps.rejections.models import Move, RecoveryStep, Reflection, Rejection, StepState
from apps.rejections.services import (
    recovery_step_rest,
    recovery_step_set_state,
    rejection_log,
    rejection_log_new,
    rejection_reflect,
    rejection_update,
)

DAY = datetime.timedelta(days=1)


def test_it_moves_the_application_and_creates_the_eight_steps(application, today):
    rejection = rejection_log(application=application, received_on=today, feeling=2)

    application.refresh_from_db()
    assert application.status == Status.REJECTED
    last_move = StatusChange.objects.filter(application=application).last()
    assert (last_move.from_status, last_move.to_status, last_move.on) == (
        Status.APPLIED,
        Status.REJECTED,
        today,
    )
    assert rejection.stage_reached == StageReached.APPLIED
    steps = {step.move: step for step in rejection.steps.all()}
    assert set(steps) == set(Move.values)
    assert len(steps) == 8
    assert all(step.state == StepState.PENDING for step in steps.values())
    assert all(step.owner == application.owner for step in steps.values())


@pytest.mark.parametrize(
    ("move", "opens", "closes"),
    [
        (Move.PROCESS, 0, 2),
        (Move.NOT_PERSONAL, 0, 2),
        (Move.ASK_FEEDBACK, 1, 3),
        (Move.REFLECT, 2, 4),
        (Move.SELF_CARE, 0, 2),
        (Move.MOTIVATION, 3, None),
        (Move.NETWORK, 3, 7),
        (Move.MOVE_FORWARD, 5, 7),
    ],
)
def test_each_move_comes_forward_on_its_own_days(application, today, move, opens, closes):
    rejection = rejection_log(application=application, received_on=today - 2 * DAY)
    step = rejection.steps.get(move=move)
    # The plan counts from the day the person logs it, not the date on the email.
    assert step.opens_on == today + opens * DAY
    assert step.closes_on == (today + closes * DAY if closes is not None else None)


def test_it_works_out_the_stage_reached_from_the_history(application, today):
    interview_schedule(
        application=application,
        kind=InterviewKind.FINAL,
        scheduled_at=datetime.datetime.combine(today - 3 * DAY, datetime.time(10), datetime.UTC),
    )
    rejection = rejection_log(application=application, received_on=today)
    assert rejection.stage_reached == StageReached.FINAL


def test_it_accepts_an_application_already_moved_to_rejected(application, today):
    application_move(application=application, status=Status.REJECTED, on=today)
    rejection = rejection_log(application=application, received_on=today)
    assert rejection.steps.count() == 8
    assert StatusChange.objects.filter(application=application, to_status="rejected").count() == 1


def test_it_refuses_a_second_rejection_and_writes_nothing(application, today):
    rejection_log(application=application, received_on=today)
    with pytest.raises(ValidationError):
        rejection_log(application=application, received_on=today)
    assert Rejection.objects.count() == 1
    assert RecoveryStep.objects.count() == 8


def test_it_refuses_a_future_date_and_writes_nothing(application, today):
    with pytest.raises(ValidationError):
        rejection_log(application=application, received_on=today + DAY)
    application.refresh_from_db()
    assert application.status == Status.APPLIED
    assert Rejection.objects.count() == 0


def test_a_failure_part_way_through_writes_nothing(application, today):
    # An invalid feeling fails after the application has been moved: the move is undone too.
    with pytest.raises(ValidationError):
        rejection_log(application=application, received_on=today, feeling=9)
    application.refresh_from_db()
    assert application.status == Status.APPLIED
    assert StatusChange.objects.filter(application=application).count() == 1
    assert Rejection.objects.count() == 0
    assert RecoveryStep.objects.count() == 0


def test_it_logs_a_rejection_for_a_role_not_tracked_yet(user, today):
    rejection = rejection_log_new(
        owner=user,
        company_name="Initech",
        role_title="Support Lead",
        received_on=today,
        applied_on=today - 10 * DAY,
        stage_reached=StageReached.INTERVIEW,
        feeling=3,
    )
    application = rejection.application
    assert application.company.name == "Initech"
    assert application.applied_on == today - 10 * DAY
    history = list(
        StatusChange.objects.filter(application=application).values_list("to_status", flat=True)
    )
    assert history == ["applied", "screening", "interviewing", "rejected"]
    assert rejection.stage_reached == StageReached.INTERVIEW
    assert rejection.steps.count() == 8


def test_a_bad_new_role_writes_nothing(user, today):
    with pytest.raises(ValidationError):
        rejection_log_new(
            owner=user,
            company_name="Initech",
            role_title="Support Lead",
            received_on=today,
            applied_on=today + DAY,
        )
    assert Application.objects.count() == 0
    assert Rejection.objects.count() == 0


def test_steps_can_be_done_skipped_and_undone(application, today):
    rejection = rejection_log(application=application, received_on=today)
    step = rejection.steps.get(move=Move.PROCESS)
    recovery_step_set_state(step=step, state=StepState.DONE)
    assert (step.state, step.done_on) == (StepState.DONE, today)
    recovery_step_set_state(step=step, state=StepState.SKIPPED)
    step.refresh_from_db()
    assert step.state == StepState.SKIPPED
    recovery_step_set_state(step=step, state=StepState.PENDING)
    step.refresh_from_db()
    assert (step.state, step.done_on) == (StepState.PENDING, None)
    with pytest.raises(ValidationError):
        recovery_step_set_state(step=step, state="forgotten")


def test_a_reflection_is_saved_once_and_updated(application, today):
    rejection = rejection_log(application=application, received_on=today)
    rejection_reflect(rejection=rejection, fit_values=2, fit_interests=3, fit_skills=4)
    rejection_reflect(
        rejection=rejection,
        fit_values=3,
        fit_interests=3,
        fit_skills=4,
        what_to_change="Smaller teams",
    )
    reflection = Reflection.objects.get()
    assert (reflection.fit_values, reflection.what_to_change) == (3, "Smaller teams")
    with pytest.raises(ValidationError):
        rejection_reflect(rejection=rejection, fit_values=6, fit_interests=None, fit_skills=None)


def test_reflecting_counts_the_reflect_step_as_done_but_leaves_a_skipped_one(application, today):
    rejection = rejection_log(application=application, received_on=today)
    rejection_reflect(rejection=rejection, fit_values=2, fit_interests=3, fit_skills=4)
    assert rejection.steps.get(move=Move.REFLECT).state == StepState.DONE

    other = rejection_log(
        application=application_create(owner=application.owner, company_name="B", role_title="C"),
        received_on=today,
    )
    recovery_step_set_state(step=other.steps.get(move=Move.REFLECT), state=StepState.SKIPPED)
    rejection_reflect(rejection=other, fit_values=2, fit_interests=3, fit_skills=4)
    assert other.steps.get(move=Move.REFLECT).state == StepState.SKIPPED


def test_a_refused_reflection_leaves_the_step_to_do(application, today):
    rejection = rejection_log(application=application, received_on=today)
    with pytest.raises(ValidationError):
        rejection_reflect(rejection=rejection, fit_values=9, fit_interests=None, fit_skills=None)
    assert rejection.steps.get(move=Move.REFLECT).state == StepState.PENDING


def test_resting_starts_pause_mode_and_counts_the_step_as_done(application, user, today):
    rejection = rejection_log(application=application, received_on=today)
    step = rejection.steps.get(move=Move.PROCESS)
    recovery_step_rest(owner=user, step=step, days=2)
    user.refresh_from_db()
    step.refresh_from_db()
    assert (user.resting_until, step.state) == (today + 2 * DAY, StepState.DONE)


def test_a_refused_rest_changes_neither_the_person_nor_the_step(application, user, today):
    step = rejection_log(application=application, received_on=today).steps.get(move=Move.PROCESS)
    with pytest.raises(ValidationError):
        recovery_step_rest(owner=user, step=step, days=120)
    user.refresh_from_db()
    step.refresh_from_db()
    assert (user.resting_until, step.state) == (None, StepState.PENDING)


def test_only_the_process_step_of_ones_own_plan_starts_a_rest(
    application, other_application, user, other_user, today
):
    rejection = rejection_log(application=application, received_on=today)
    with pytest.raises(ValidationError):
        recovery_step_rest(owner=user, step=rejection.steps.get(move=Move.NETWORK), days=1)
    with pytest.raises(ValidationError):
        recovery_step_rest(owner=other_user, step=rejection.steps.get(move=Move.PROCESS), days=1)
    other_user.refresh_from_db()
    assert other_user.resting_until is None


def test_a_rejection_can_be_edited(application, today):
    rejection = rejection_log(application=application, received_on=today)
    rejection_update(rejection=rejection, reason_given="Went with an internal candidate")
    rejection.refresh_from_db()
    assert rejection.reason_given == "Went with an internal candidate"
    with pytest.raises(ValidationError):
        rejection_update(rejection=rejection, received_on=today + DAY)
