import datetime

import pytest

from apps.applications.models import Application, InterviewKind, Status
from apps.applications.services import (
    application_create,
    application_move,
    applications_bulk_move,
    applications_create_many,
    applications_stage_refresh,
    interview_delete,
    interview_schedule,
    interview_update,
)
from apps.applications.stages import StageReached, pipeline_reach, rejection_days, stage_reached
from tests.factories import ApplicationFactory, InterviewFactory, StatusChangeFactory

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


def _kept(application) -> str:
    application.refresh_from_db(fields=["furthest_stage"])
    return application.furthest_stage


def test_the_kept_stage_grows_with_moves_and_never_goes_back(application):
    assert _kept(application) == StageReached.APPLIED
    application_move(application=application, status=Status.SCREENING, on=DAY)
    assert _kept(application) == StageReached.SCREENING
    application_move(application=application, status=Status.INTERVIEWING, on=DAY)
    application_move(application=application, status=Status.APPLIED, on=DAY)
    assert _kept(application) == StageReached.INTERVIEW
    application_move(application=application, status=Status.REJECTED, on=DAY)
    assert _kept(application) == StageReached.INTERVIEW == stage_reached(application)


def test_the_kept_stage_counts_interviews_and_keeps_a_deleted_one(application):
    interview = interview_schedule(
        application=application,
        kind=InterviewKind.PHONE_SCREEN,
        scheduled_at=datetime.datetime(2026, 10, 3, 10, tzinfo=datetime.UTC),
    )
    assert _kept(application) == StageReached.INTERVIEW
    interview_update(interview=interview, kind=InterviewKind.FINAL)
    assert _kept(application) == StageReached.FINAL
    interview_delete(interview=interview)
    # The final round happened even if its entry is gone: the stage stays where it got.
    assert _kept(application) == StageReached.FINAL


def test_a_new_application_starts_at_the_stage_it_is_created_in(user):
    offer = application_create(
        owner=user, company_name="Co", role_title="R", status=Status.OFFER, applied_on=DAY
    )
    assert _kept(offer) == StageReached.OFFER
    rows = [{"company_name": "Co", "role_title": "S", "status": Status.SCREENING}]
    applications_create_many(owner=user, rows=rows)
    assert Application.objects.get(role_title="S").furthest_stage == StageReached.SCREENING


def test_a_bulk_move_raises_the_kept_stage(user, application, today):
    applications_bulk_move(owner=user, ids=[application.pk], status=Status.OFFER, on=today)
    assert _kept(application) == StageReached.OFFER


def test_the_refresh_works_out_each_stage_from_the_whole_history(user, other_user):
    """Rows written in bulk without the services (a restore, demo data) get their stage
    from the same rule as stage_reached."""
    paths = {
        "applied": [],
        "screened": [Status.SCREENING, Status.REJECTED],
        "interviewed": [Status.INTERVIEWING, Status.NO_RESPONSE],
        "offered": [Status.SCREENING, Status.OFFER, Status.ACCEPTED],
    }
    made = {}
    for role, path in paths.items():
        app = ApplicationFactory(owner=user, role_title=role, applied_on=DAY, status_changed_on=DAY)
        StatusChangeFactory(application=app, to_status=Status.APPLIED)
        previous = Status.APPLIED
        for status in path:
            StatusChangeFactory(application=app, from_status=previous, to_status=status, on=DAY)
            previous = status
        Application.objects.filter(pk=app.pk).update(status=previous)
        made[role] = app
    InterviewFactory(application=made["applied"], kind=InterviewKind.FINAL)
    theirs = ApplicationFactory(owner=other_user, status=Status.OFFER)

    applications_stage_refresh(owner=user)

    for app in made.values():
        app.refresh_from_db()
        assert app.furthest_stage == stage_reached(app)
    assert [_kept(made[role]) for role in paths] == ["final", "screening", "interview", "offer"]
    assert _kept(theirs) == StageReached.APPLIED  # another person's rows are left alone
