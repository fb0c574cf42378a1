import datetime

from django.utils import timezone

from apps.applications.selectors import (
    application_list,
    applications_applied_between,
    board,
    follow_ups_due,
    interviews_since,
    stale_applications,
    status_counts,
)
from apps.core.dates import today_for
from tests.factories import ApplicationFactory, InterviewFactory

DAY = datetime.timedelta(days=1)


def test_it_counts_each_status_for_the_person_only(user, other_user):
    ApplicationFactory.create_batch(2, owner=user, status="applied")
    ApplicationFactory(owner=user, status="offer")
    ApplicationFactory(owner=user, status="offer", archived=True)
    ApplicationFactory(owner=other_user, status="offer")
    counts = status_counts(user=user)
    assert (counts["applied"], counts["offer"], counts["rejected"]) == (2, 1, 0)
    assert status_counts(user=user, include_archived=True)["offer"] == 2


def test_it_counts_applications_sent_in_a_date_range(user):
    today = today_for(user)
    ApplicationFactory(owner=user, applied_on=today)
    ApplicationFactory(owner=user, applied_on=today - 6 * DAY)
    ApplicationFactory(owner=user, applied_on=today - 7 * DAY)
    assert applications_applied_between(user=user, start=today - 6 * DAY, end=today) == 2


def test_it_lists_follow_ups_due_for_open_applications(user):
    today = today_for(user)
    due = ApplicationFactory(owner=user, next_follow_up_on=today)
    ApplicationFactory(owner=user, next_follow_up_on=today + DAY)
    ApplicationFactory(owner=user, status="rejected", next_follow_up_on=today)
    assert list(follow_ups_due(user=user, today=today)) == [due]


def test_it_lists_upcoming_interviews_soonest_first(user):
    application = ApplicationFactory(owner=user)
    later = InterviewFactory(application=application, scheduled_at=timezone.now() + 5 * DAY)
    sooner = InterviewFactory(application=application, scheduled_at=timezone.now() + DAY)
    InterviewFactory(application=application, scheduled_at=timezone.now() - DAY)
    assert list(interviews_since(user=user, since=timezone.now())) == [sooner, later]


def test_it_offers_only_long_silent_waiting_applications_for_closing(user):
    today = today_for(user)
    silent = ApplicationFactory(owner=user, status_changed_on=today - 31 * DAY)
    ApplicationFactory(owner=user, status_changed_on=today - 29 * DAY)
    ApplicationFactory(owner=user, status="interviewing", status_changed_on=today - 90 * DAY)
    ApplicationFactory(owner=user, status_changed_on=today - 90 * DAY, archived=True)
    assert list(stale_applications(user=user, today=today)) == [silent]


def test_it_searches_every_word_across_company_role_and_notes(user):
    today = today_for(user)
    match = ApplicationFactory(owner=user, role_title="Data engineer", notes="Remote friendly")
    ApplicationFactory(owner=user, role_title="Data analyst")
    rows = application_list(user=user, today=today, search="data friendly")
    assert list(rows) == [match]


def test_it_ignores_unknown_filter_values(user):
    ApplicationFactory(owner=user)
    rows = application_list(user=user, today=today_for(user), status="hired", sort="nonsense")
    assert rows.count() == 1


def test_it_builds_board_columns_for_open_statuses(user):
    ApplicationFactory.create_batch(3, owner=user, status="applied")
    ApplicationFactory(owner=user, status="rejected")
    result = board(user=user, per_column=2)
    applied = next(c for c in result.columns if c.status == "applied")
    assert (len(applied.cards), applied.total, applied.hidden) == (2, 3, 1)
    assert [c.status for c in result.columns] == [
        "wishlist",
        "applied",
        "screening",
        "interviewing",
        "offer",
    ]
    assert next(c for c in result.closed if c.status == "rejected").total == 1
