import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.applications.models import InterviewKind, Status
from apps.applications.services import application_create, application_move, interview_schedule
from apps.contacts.models import Contact
from apps.contacts.services import contact_create, interaction_log
from apps.feedback.services import (
    feedback_request_create,
    feedback_request_mark_sent,
    feedback_request_record_answer,
)
from apps.rejections.models import Move, RecoveryStep, StepState
from apps.rejections.selectors import plan_panel, rejection_insights
from apps.rejections.services import recovery_step_set_state, rejection_log, rejection_log_new
from apps.selfcare.services import checkin_save

DAY = datetime.timedelta(days=1)


@pytest.fixture
def rejection(application, today):
    return rejection_log(application=application, received_on=today)


def open_every_step():
    RecoveryStep.objects.update(opens_on=datetime.date(2000, 1, 1))


def action(user, today, move):
    panel = plan_panel(user=user, today=today)
    step = next(s for s in panel.plans[0].due + panel.plans[0].coming if s.move == move)
    return panel.action_for(step)


def test_it_lists_nothing_without_rejections(user, today):
    assert plan_panel(user=user, today=today).plans == []


def test_later_moves_come_forward_as_the_days_pass(user, rejection, today):
    def due_on(day):
        panel = plan_panel(user=user, today=day)
        return {step.move for step in panel.plans[0].due} if panel.plans else set()

    assert due_on(today) == {Move.PROCESS, Move.NOT_PERSONAL, Move.SELF_CARE}
    assert Move.ASK_FEEDBACK in due_on(today + DAY)
    assert Move.REFLECT in due_on(today + 2 * DAY)
    assert {Move.MOTIVATION, Move.NETWORK} <= due_on(today + 3 * DAY)
    assert due_on(today + 6 * DAY) == {Move.MOTIVATION, Move.NETWORK, Move.MOVE_FORWARD}
    # After a week only the open-ended move is left.
    assert due_on(today + 30 * DAY) == {Move.MOTIVATION}


def test_done_and_skipped_steps_leave_the_panel(user, rejection, today):
    for step in rejection.steps.filter(move__in=[Move.PROCESS, Move.NOT_PERSONAL, Move.SELF_CARE]):
        recovery_step_set_state(step=step, state=StepState.SKIPPED)
    assert plan_panel(user=user, today=today).plans == []


def test_self_care_stays_while_mood_stays_low(user, rejection, today):
    for offset in range(3):
        checkin_save(owner=user, mood=2, date=today - offset * DAY)
    later = today + 10 * DAY
    due = {step.move for step in plan_panel(user=user, today=later).plans[0].due}
    assert Move.SELF_CARE in due
    checkin_save(owner=user, mood=4, date=today)
    due = {step.move for step in plan_panel(user=user, today=later).plans[0].due}
    assert Move.SELF_CARE not in due


def test_not_personal_shows_the_stage_and_how_far_applications_get(user, rejection, today):
    for index in range(3):
        other = application_create(owner=user, company_name=f"Co {index}", role_title="Role")
        application_move(application=other, status=Status.SCREENING, on=today)
    data = action(user, today, Move.NOT_PERSONAL)
    assert data["stage_phrase"] == "the application stage"
    assert (data["reach"].sent, data["reach"].screening_share) == (4, 75)


def test_ask_feedback_points_at_an_open_request(user, rejection, today):
    assert action(user, today, Move.ASK_FEEDBACK)["open_request"] is None
    request = feedback_request_create(owner=user, application=rejection.application)
    assert action(user, today, Move.ASK_FEEDBACK)["open_request"] == request


def test_reflect_shows_the_fit_rated_when_applying(user, rejection, today):
    data = action(user, today, Move.REFLECT)
    assert data["applied_fit"] == [("values", 4), ("interests", 3), ("skills", 5)]
    rejection.application.fit_interests = None
    rejection.application.save()
    assert action(user, today, Move.REFLECT)["applied_fit"] == [("values", 4), ("skills", 5)]
    assert data["reflection"] is None


def test_self_care_shows_todays_check_in(user, rejection, today):
    assert action(user, today, Move.SELF_CARE)["checkin"].checkin is None
    checkin_save(owner=user, mood=3)
    assert action(user, today, Move.SELF_CARE)["checkin"].checkin.mood == 3


def test_motivation_lists_wins_from_the_persons_own_data(user, rejection, today):
    interviewed = application_create(owner=user, company_name="Zeta", role_title="Analyst")
    interview_schedule(
        application=interviewed,
        kind=InterviewKind.FINAL,
        scheduled_at=datetime.datetime.combine(today, datetime.time(9), datetime.UTC),
    )
    request = feedback_request_create(owner=user, application=rejection.application)
    feedback_request_mark_sent(feedback_request=request, asked_on=today)
    feedback_request_record_answer(
        feedback_request=request,
        what_they_said="Strong portfolio",
        my_takeaways="Lead with the portfolio",
        tone="encouraging",
        answered_on=today,
    )
    for offset in range(3):
        checkin_save(owner=user, mood=4, date=today - offset * DAY)
    open_every_step()
    found = " ".join(action(user, today, Move.MOTIVATION)["wins"])
    assert "You have sent 2 applications." in found
    assert "1 of them got you to an interview" in found
    assert "1 final round" in found
    assert "1 piece of encouraging feedback" in found
    assert "3 days running" in found


def test_network_suggests_people_at_that_company_first(user, rejection, today):
    insider = contact_create(owner=user, name="Ines", company_name="Northwind", strength=1)
    friend = contact_create(owner=user, name="Femi", company_name="Elsewhere", strength=5)
    # Known for a while, not in touch since: worth a hello (someone added today is not).
    Contact.objects.filter(pk=friend.pk).update(created_at=timezone.now() - 30 * DAY)
    contact_create(owner=user, name="Just added", strength=5)
    recent = contact_create(owner=user, name="Rae", strength=5)
    interaction_log(owner=user, contact=recent, kind="call", happened_on=today)
    open_every_step()
    assert action(user, today, Move.NETWORK)["suggestions"] == [insider, friend]


def test_move_forward_shows_the_week_and_the_wishlist(user, rejection, today):
    application_create(
        owner=user, company_name="Dream", role_title="Lead", status=Status.WISHLIST, excitement=5
    )
    application_create(owner=user, company_name="Fresh", role_title="Dev", applied_on=today)
    open_every_step()
    data = action(user, today, Move.MOVE_FORWARD)
    assert data["week"]["goal"] == 5
    assert data["week"]["applications"] >= 1
    assert [app.company.name for app in data["wishlist"]] == ["Dream"]


def test_insights_group_rejections_and_measure_bouncing_back(user, today):
    first = rejection_log_new(
        owner=user,
        company_name="A",
        role_title="R",
        received_on=today - 10 * DAY,
        stage_reached="interview",
    )
    rejection_log_new(owner=user, company_name="B", role_title="R", received_on=today - 2 * DAY)
    # An application three days after the first rejection: back in motion after 3 days.
    application_create(owner=user, company_name="C", role_title="R", applied_on=today - 7 * DAY)
    request = feedback_request_create(owner=user, application=first.application)
    feedback_request_mark_sent(feedback_request=request, asked_on=today - 9 * DAY)
    feedback_request_record_answer(
        feedback_request=request,
        what_they_said="More SQL",
        my_takeaways="Practise SQL",
        tone="neutral",
        answered_on=today - 5 * DAY,
    )

    insights = rejection_insights(user=user, today=today)
    assert insights.total == 2
    assert {bar.label: bar.value for bar in insights.by_stage}["After an interview round"] == 1
    bounce = {b.rejection.application.company.name: b.days for b in insights.bounce_backs}
    assert bounce["A"] == 3
    assert insights.takeaways_by_stage[0][0] == "After an interview round"
    assert (insights.feedback_answered, insights.feedback_sent) == (1, 1)
    assert sum(bar.value for bar in insights.by_month) == 2


def _log_rejections(user, today, count: int, start: int = 0) -> list:
    logged = []
    for index in range(start, start + count):
        app = application_create(
            owner=user, company_name=f"Co {index}", role_title="Role", applied_on=today - 5 * DAY
        )
        logged.append(rejection_log(application=app, received_on=today - (index % 3) * DAY))
    return logged


def test_the_panel_shows_the_newest_five_with_a_step_due_and_counts_the_rest(
    user, other_user, today
):
    logged = _log_rejections(user, today, 8)
    _log_rejections(other_user, today, 2)
    # One plan with nothing due any more (every step done) is neither shown nor counted.
    finished = logged[0]
    for step in finished.steps.all():
        recovery_step_set_state(step=step, state=StepState.DONE)
    panel = plan_panel(user=user, today=today)
    newest_first = sorted(logged[1:], key=lambda r: (r.received_on, r.pk), reverse=True)
    assert [plan.rejection for plan in panel.plans] == newest_first[:5]
    assert panel.more == 2
    assert all(plan.due for plan in panel.plans)
    assert {step.rejection_id for plan in panel.plans for step in plan.due + plan.coming} == {
        r.pk for r in newest_first[:5]
    }


def test_the_panel_takes_the_same_queries_for_n_and_2n_open_plans(user, today):
    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            plan_panel(user=user, today=today)
        return len(captured)

    _log_rejections(user, today, 6)
    at_n = count()
    _log_rejections(user, today, 6, start=6)
    assert count() == at_n
