import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.applications.models import Application, Interview, Status, StatusChange
from apps.applications.services import (
    application_create,
    application_move,
    application_update,
    applications_bulk_move,
    applications_close_stale,
    applications_set_archived,
    calendar_token_regenerate,
    interview_record_outcome,
    interview_schedule,
)
from apps.core.dates import today_for
from tests.factories import ApplicationFactory

DAY = datetime.timedelta(days=1)


def _create(owner, **kwargs):
    kwargs.setdefault("company_name", "Acme")
    kwargs.setdefault("role_title", "Backend developer")
    return application_create(owner=owner, **kwargs)


def test_it_records_the_first_status_when_creating(user):
    applied = today_for(user) - 3 * DAY
    application = _create(user, applied_on=applied)
    change = StatusChange.objects.get()
    assert (change.application, change.owner) == (application, user)
    assert (change.from_status, change.to_status, change.on) == ("", Status.APPLIED, applied)
    assert application.status_changed_on == applied


def test_it_counts_an_application_without_a_date_as_applied_today(user):
    application = _create(user)
    assert application.applied_on == today_for(user)


def test_it_keeps_wishlist_entries_without_an_applied_date(user):
    application = _create(user, status=Status.WISHLIST)
    assert application.applied_on is None
    assert StatusChange.objects.get().to_status == Status.WISHLIST


def test_it_reuses_the_company_whatever_the_case(user):
    first = _create(user, company_name="Acme Labs")
    second = _create(user, company_name="acme labs")
    assert first.company_id == second.company_id


def test_it_refuses_an_applied_date_in_the_future(user):
    with pytest.raises(ValidationError) as error:
        _create(user, applied_on=today_for(user) + DAY)
    assert "applied_on" in error.value.message_dict
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


def test_it_writes_a_history_row_for_every_move(user):
    application = _create(user, applied_on=today_for(user) - 10 * DAY)
    application_move(application=application, status=Status.SCREENING, on=today_for(user) - 5 * DAY)
    application_move(
        application=application, status=Status.INTERVIEWING, on=today_for(user), note="Call"
    )
    moves = list(
        StatusChange.objects.filter(application=application).values_list(
            "from_status", "to_status", "note"
        )
    )
    assert moves == [
        ("", "applied", ""),
        ("applied", "screening", ""),
        ("screening", "interviewing", "Call"),
    ]
    application.refresh_from_db()
    assert (application.status, application.status_changed_on) == (
        Status.INTERVIEWING,
        today_for(user),
    )


def test_it_updates_the_instance_it_was_given(user):
    application = _create(user)
    application_move(application=application, status=Status.OFFER, on=today_for(user))
    assert application.status == Status.OFFER


def test_it_refuses_a_move_to_the_same_status(user):
    application = _create(user)
    with pytest.raises(ValidationError):
        application_move(application=application, status=Status.APPLIED, on=today_for(user))
    assert StatusChange.objects.count() == 1


def test_it_refuses_a_move_dated_in_the_future_or_before_the_last_move(user):
    application = _create(user, applied_on=today_for(user) - 2 * DAY)
    with pytest.raises(ValidationError):
        application_move(application=application, status=Status.OFFER, on=today_for(user) + DAY)
    with pytest.raises(ValidationError):
        application_move(application=application, status=Status.OFFER, on=today_for(user) - 3 * DAY)
    assert StatusChange.objects.count() == 1


def test_it_refuses_an_unknown_status(user):
    application = _create(user)
    with pytest.raises(ValidationError):
        application_move(application=application, status="hired", on=today_for(user))


def test_it_sets_the_applied_date_when_a_wishlist_entry_moves_on(user):
    application = _create(user, status=Status.WISHLIST)
    application_move(application=application, status=Status.APPLIED, on=today_for(user))
    application.refresh_from_db()
    assert application.applied_on == today_for(user)


def test_it_does_not_change_the_status_on_update(user):
    application = _create(user)
    application_update(
        application=application, company_name="Globex", role_title="Lead", notes="Nice team"
    )
    application.refresh_from_db()
    assert (application.company.name, application.role_title, application.status) == (
        "Globex",
        "Lead",
        Status.APPLIED,
    )
    with pytest.raises(TypeError):
        application_update(application=application, company_name="Globex", status="offer")


def test_it_moves_an_applied_application_to_interviewing_when_an_interview_is_scheduled(user):
    application = _create(user, applied_on=today_for(user) - 4 * DAY)
    interview = interview_schedule(
        application=application,
        scheduled_at=timezone.now() + 2 * DAY,
        kind="phone_screen",
        with_whom="Dana",
    )
    application.refresh_from_db()
    assert application.status == Status.INTERVIEWING
    assert interview.round_number == 1
    assert interview.owner == user
    last = StatusChange.objects.filter(application=application).last()
    assert (last.from_status, last.to_status, last.on) == (
        "applied",
        "interviewing",
        today_for(user),
    )


def test_it_moves_a_screening_application_to_interviewing_too(user):
    application = _create(user, applied_on=today_for(user) - 4 * DAY)
    application_move(application=application, status=Status.SCREENING, on=today_for(user))
    interview_schedule(application=application, scheduled_at=timezone.now(), kind="technical")
    application.refresh_from_db()
    assert application.status == Status.INTERVIEWING


def test_it_leaves_other_statuses_alone_when_scheduling(user):
    application = _create(user)
    application_move(application=application, status=Status.OFFER, on=today_for(user))
    interview_schedule(application=application, scheduled_at=timezone.now(), kind="final")
    interview_schedule(application=application, scheduled_at=timezone.now(), kind="final")
    application.refresh_from_db()
    assert application.status == Status.OFFER
    assert list(Interview.objects.values_list("round_number", flat=True)) == [1, 2]
    assert StatusChange.objects.count() == 2


def test_it_dates_the_move_on_the_interview_day_when_logged_afterwards(user):
    application = _create(user, applied_on=today_for(user) - 20 * DAY)
    interview_schedule(
        application=application, scheduled_at=timezone.now() - 5 * DAY, kind="technical"
    )
    application.refresh_from_db()
    assert application.status_changed_on == today_for(user) - 5 * DAY


def test_it_records_an_interview_outcome(user):
    application = _create(user)
    interview = interview_schedule(
        application=application, scheduled_at=timezone.now(), kind="technical"
    )
    interview_record_outcome(interview=interview, outcome="passed")
    interview.refresh_from_db()
    assert interview.outcome == "passed"
    with pytest.raises(ValidationError):
        interview_record_outcome(interview=interview, outcome="maybe")


def test_it_moves_many_at_once_with_a_history_row_each(user, other_user):
    mine = [_create(user, role_title=f"Role {n}") for n in range(3)]
    theirs = _create(other_user)
    applications_move_ids = [a.pk for a in mine] + [theirs.pk]
    moved = applications_bulk_move(
        owner=user, ids=applications_move_ids, status=Status.WITHDRAWN, on=today_for(user)
    )
    assert moved == 3
    assert set(Application.objects.filter(owner=user).values_list("status", flat=True)) == {
        "withdrawn"
    }
    theirs.refresh_from_db()
    assert theirs.status == Status.APPLIED
    assert StatusChange.objects.filter(owner=user, to_status="withdrawn").count() == 3
    # Already there: nothing more to record.
    again = applications_bulk_move(
        owner=user, ids=[a.pk for a in mine], status=Status.WITHDRAWN, on=today_for(user)
    )
    assert again == 0


def test_it_archives_only_the_persons_own_applications(user, other_user):
    mine = _create(user)
    theirs = _create(other_user)
    assert applications_set_archived(owner=user, ids=[mine.pk, theirs.pk], archived=True) == 1
    theirs.refresh_from_db()
    assert not theirs.archived


def test_it_closes_silent_applications_as_no_response(user):
    today = today_for(user)
    silent = _create(user, role_title="Silent", applied_on=today - 40 * DAY)
    recent = _create(user, role_title="Recent", applied_on=today - 5 * DAY)
    wishlist = _create(user, role_title="Someday", status=Status.WISHLIST)
    closed = applications_close_stale(owner=user)
    assert closed == 1
    silent.refresh_from_db()
    recent.refresh_from_db()
    wishlist.refresh_from_db()
    assert (silent.status, recent.status, wishlist.status) == ("no_response", "applied", "wishlist")
    change = StatusChange.objects.get(to_status="no_response")
    assert change.on == today
    assert "30 days" in change.note


def test_it_follows_the_persons_own_silence_threshold(user):
    user.stale_after_days = 7
    user.save()
    _create(user, applied_on=today_for(user) - 8 * DAY)
    assert applications_close_stale(owner=user) == 1


def test_it_gives_a_new_calendar_secret(user):
    old = user.calendar_token
    new = calendar_token_regenerate(user=user)
    user.refresh_from_db()
    assert user.calendar_token == new != old


def test_it_lets_the_database_refuse_a_salary_range_upside_down(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(owner=user, salary_min=90_000, salary_max=50_000)


def test_it_lets_the_database_refuse_ratings_outside_one_to_five(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(owner=user, excitement=6)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(owner=user, fit_skills=0)
    ApplicationFactory(owner=user, fit_values=None, fit_interests=5, fit_skills=1)


def test_it_deletes_everything_with_the_account(user):
    application = _create(user)
    interview_schedule(application=application, scheduled_at=timezone.now(), kind="technical")
    user.delete()
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0
    assert Interview.objects.count() == 0
