import datetime

import pytest

from apps.applications.models import InterviewKind, Status
from apps.applications.services import application_create, application_move, interview_schedule
from apps.applications.stages import StageReached, pipeline_reach, rejection_days, stage_reached

DAY = datetime.date(2026, 10, 1)


@pytest.fixture
def application(user):
    return application_create(
        owner=user, company_name="Acme", role_title="Engineer", applied_on=DAY
    )


def test_it_says_applied_for_an_application_with_no_progress(application):
    assert stage_reached(application) == StageReached.APPLIED


def test_it_says_screening_once_screened(application):
    application_move(application=application, status=Status.SCREENING, on=DAY)
    application_move(application=application, status=Status.REJECTED, on=DAY)
    assert stage_reached(application) == StageReached.SCREENING


def test_it_counts_an_interview_even_without_the_status(application):
    interview_schedule(
        application=application,
        round_number=1,
        kind=InterviewKind.TECHNICAL,
        scheduled_at=datetime.datetime(2026, 10, 3, 10, tzinfo=datetime.UTC),
    )
    assert stage_reached(application) == StageReached.INTERVIEW


def test_it_knows_a_final_round(application):
    interview_schedule(
        application=application,
        round_number=3,
        kind=InterviewKind.FINAL,
        scheduled_at=datetime.datetime(2026, 10, 9, 10, tzinfo=datetime.UTC),
    )
    assert stage_reached(application) == StageReached.FINAL


def test_it_knows_an_offer_came(application):
    application_move(application=application, status=Status.OFFER, on=DAY)
    assert stage_reached(application) == StageReached.OFFER


def test_pipeline_reach_counts_how_far_applications_went(
    user, other_user, django_assert_num_queries
):
    def make(role, *statuses, final=False):
        app = application_create(owner=user, company_name="Co", role_title=role, applied_on=DAY)
        for status in statuses:
            application_move(application=app, status=status, on=DAY)
        if final:
            interview_schedule(
                application=app,
                kind=InterviewKind.FINAL,
                scheduled_at=datetime.datetime(2026, 10, 2, 9, tzinfo=datetime.UTC),
            )
        return app

    make("a")
    make("b", Status.SCREENING, Status.REJECTED)
    make("c", Status.SCREENING, Status.INTERVIEWING)
    make("d", final=True)
    make("e", Status.OFFER)
    application_create(owner=user, company_name="Co", role_title="dream", status=Status.WISHLIST)
    application_create(owner=other_user, company_name="Co", role_title="not mine")

    with django_assert_num_queries(1):
        reach = pipeline_reach(user=user)
    assert (reach.sent, reach.screening, reach.interview, reach.final) == (5, 4, 3, 2)
    assert (reach.screening_share, reach.interview_share, reach.final_share) == (80, 60, 40)


def test_pipeline_reach_is_empty_without_applications(user):
    reach = pipeline_reach(user=user)
    assert (reach.sent, reach.screening_share) == (0, 0)


def test_rejection_days_are_the_dates_of_moves_to_rejected(user, other_user, application):
    application_move(application=application, status=Status.REJECTED, on=DAY)
    theirs = application_create(owner=other_user, company_name="X", role_title="Y", applied_on=DAY)
    application_move(application=theirs, status=Status.REJECTED, on=DAY)
    assert rejection_days(user=user) == [DAY]
