import datetime

import pytest

from apps.applications.models import InterviewKind, Status
from apps.applications.services import application_create, application_move, interview_schedule
from apps.applications.stages import StageReached, stage_reached

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
