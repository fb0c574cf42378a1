import datetime
from decimal import Decimal

import pytest

from apps.core.dates import today_for
from apps.selfcare.charts import GRID_WEEKS, LINE_DAYS
from apps.selfcare.models import CheckIn
from apps.selfcare.selectors import (
    Comparison,
    checkin_panel,
    checkin_streak,
    is_low_run,
    mood_averages,
    mood_history,
    mood_is_low,
    mood_word,
)
from tests.factories import CheckInFactory, ContactFactory, InterviewFactory

TODAY = datetime.date(2025, 6, 20)


def days_ago(*offsets: int) -> list[datetime.date]:
    """Check-in days as the selector reads them: newest first."""
    return sorted((TODAY - datetime.timedelta(days=n) for n in offsets), reverse=True)


def streak(offsets, resting_until_offset=None):
    resting_until = None
    if resting_until_offset is not None:
        resting_until = TODAY - datetime.timedelta(days=resting_until_offset)
    return checkin_streak(days_ago(*offsets), today=TODAY, resting_until=resting_until)


# --- streak -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ([], 0),
        ([0], 1),
        ([0, 1, 2], 3),
        ([1, 2, 3], 3),  # not checked in yet today: the run is still current
        ([2, 3, 4], 0),  # yesterday was missed
        ([0, 1, 3, 4], 2),  # a missed day ends the run
        ([0, 2], 1),
    ],
)
def test_it_counts_consecutive_days_ending_today_or_yesterday(offsets, expected):
    assert streak(offsets).days == expected


def test_it_knows_whether_today_is_done():
    assert streak([0, 1]).checked_in_today
    assert not streak([1, 2]).checked_in_today
    assert not streak([]).checked_in_today


def test_rest_days_neither_break_nor_extend_the_streak():
    # Checked in for three days, then rested for four (pause mode until yesterday), then today.
    result = streak([0, 5, 6, 7], resting_until_offset=1)
    assert result.days == 4
    assert result.bridged_rest
    assert not result.resting


def test_while_resting_the_streak_waits():
    # Resting until the day after tomorrow; the last check-in was four days ago.
    result = streak([4, 5, 6], resting_until_offset=-2)
    assert (result.days, result.resting, result.checked_in_today) == (3, True, False)


def test_the_streak_carries_on_the_day_after_a_rest():
    # Pause mode ended yesterday; today is still open.
    assert streak([3, 4], resting_until_offset=1).days == 2


def test_a_missed_day_after_the_rest_ends_the_run():
    # Pause mode ended three days ago; nothing since: two ordinary days were missed.
    assert streak([5, 6], resting_until_offset=3).days == 0


def test_coming_back_before_the_pause_ends_still_bridges_the_rest():
    # Pause mode runs until tomorrow, but the person came back two days ago.
    assert streak([0, 1, 2, 6, 7], resting_until_offset=-1).days == 5


def test_a_rest_long_ago_does_not_excuse_a_recent_miss():
    # Rested long ago; yesterday was an ordinary missed day.
    assert streak([0, 2, 3], resting_until_offset=60).days == 1


def test_only_one_absence_counts_as_rest():
    # Two separate gaps before the end of pause mode: the older one ends the run.
    result = streak([0, 1, 4, 5, 8, 9], resting_until_offset=1)
    assert result.days == 4


def test_a_check_in_while_resting_counts():
    assert streak([0, 1, 2], resting_until_offset=-3).days == 3


def test_it_reads_only_as_far_as_the_run_goes():
    read = []

    def newest_first():
        for day in days_ago(0, 1, 5, 6, 7, 8, 9):
            read.append(day)
            yield day

    assert checkin_streak(newest_first(), today=TODAY, resting_until=None).days == 2
    assert len(read) == 3


# --- the gentle nudge -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moods", "expected"),
    [
        ([2, 1, 2], True),
        ([1, 1, 1, 5], True),  # only the latest three count
        ([3, 1, 1], False),  # the latest check-in was better
        ([2, 2], False),  # not three yet
        ([2, 3, 2, 2], False),
        ([], False),
    ],
)
def test_the_nudge_needs_three_hard_check_ins_in_a_row(moods, expected):
    assert is_low_run(moods) is expected


@pytest.mark.django_db
def test_consecutive_check_ins_count_even_with_days_between(user):
    today = today_for(user)
    for offset, mood in ((0, 2), (3, 1), (10, 2), (11, 5)):
        CheckInFactory(owner=user, date=today - datetime.timedelta(days=offset), mood=mood)
    assert mood_is_low(owner=user)


@pytest.mark.django_db
def test_the_nudge_ignores_other_peoples_check_ins(user, other_user):
    today = today_for(user)
    for offset in range(3):
        CheckInFactory(owner=other_user, date=today - datetime.timedelta(days=offset), mood=1)
    assert not mood_is_low(owner=user)


# --- the panel --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_panel_takes_one_query_however_long_the_history(user, django_assert_num_queries):
    today = today_for(user)
    CheckIn.objects.bulk_create(
        CheckIn(owner=user, date=today - datetime.timedelta(days=n), mood=3 + n % 3)
        for n in range(400)
    )
    with django_assert_num_queries(1):
        panel = checkin_panel(owner=user, today=today)
    assert panel.streak.days == 400
    assert panel.checkin.date == today
    assert not panel.needs_care


@pytest.mark.django_db
def test_the_panel_offers_support_people_when_the_nudge_is_up(user, django_assert_num_queries):
    today = today_for(user)
    for offset in range(1, 4):
        CheckInFactory(owner=user, date=today - datetime.timedelta(days=offset), mood=2)
    sister = ContactFactory(owner=user, name="Sister", kind="support", strength=5)
    ContactFactory(owner=user, name="Recruiter", kind="recruiter")
    with django_assert_num_queries(2):
        panel = checkin_panel(owner=user, today=today)
    assert panel.needs_care
    assert panel.checkin is None
    assert panel.support_people == [sister]


@pytest.mark.django_db
def test_the_panel_streak_is_paused_while_resting(user):
    today = today_for(user)
    user.resting_until = today + datetime.timedelta(days=2)
    for offset in (3, 4):
        CheckInFactory(owner=user, date=today - datetime.timedelta(days=offset))
    panel = checkin_panel(owner=user, today=today)
    assert (panel.streak.days, panel.streak.resting) == (2, True)


# --- history ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_year_grid_has_a_square_per_day_coloured_by_mood(user):
    today = today_for(user)
    CheckInFactory(owner=user, date=today, mood=5)
    CheckInFactory(owner=user, date=today - datetime.timedelta(days=400), mood=1)  # too old
    history = mood_history(owner=user, today=today)
    grid = history.grid
    assert grid.days[0].day.weekday() == 0  # columns start on Monday
    assert grid.days[-1].day == today
    assert (today - grid.first_day).days < GRID_WEEKS * 7
    assert [day.mood for day in grid.days if day.mood] == [5]
    assert grid.checkins == 1
    assert grid.days[-1].label.endswith(": Great")
    assert sum(month.checkins for month in grid.months) == 1


@pytest.mark.django_db
def test_the_mood_line_breaks_where_there_was_no_check_in(user):
    today = today_for(user)
    for offset in (0, 1, 5, 7, 8, 9):
        CheckInFactory(owner=user, date=today - datetime.timedelta(days=offset), mood=3)
    line = mood_history(owner=user, today=today).line
    assert len(line.points) == LINE_DAYS
    assert line.points[-1].day == today
    assert len(line.segments) == 2  # days 9-7 and days 1-0; day 5 stands alone
    assert line.checkins == 6


@pytest.mark.django_db
def test_the_mood_line_marks_interviews_and_rejections(user):
    user.timezone = "America/Chicago"
    today = today_for(user)
    three_days_ago = today - datetime.timedelta(days=3)
    # 9pm in Chicago is already the next day in UTC: the marker follows the person's day.
    evening = datetime.datetime.combine(
        three_days_ago, datetime.time(21), tzinfo=datetime.UTC
    ) + datetime.timedelta(hours=5)
    InterviewFactory(application__owner=user, scheduled_at=evening)
    InterviewFactory(scheduled_at=evening)  # someone else's
    rejected = today - datetime.timedelta(days=6)
    line = mood_history(owner=user, today=today, rejection_dates=[rejected]).line
    marked = {point.day: [m.kind for m in point.markers] for point in line.points if point.markers}
    assert marked == {three_days_ago: ["interview"], rejected: ["rejection"]}


def test_it_compares_mood_just_after_rejections_with_other_days():
    rejected = TODAY - datetime.timedelta(days=10)
    rows = [
        (rejected + datetime.timedelta(days=n), mood, None)
        for n, mood in ((0, 1), (1, 2), (2, 2), (3, 4), (4, 4), (5, 5))
    ]
    comparison = mood_averages(rows, today=TODAY, rejection_dates=[rejected]).after_rejection
    assert (comparison.average_a, comparison.count_a) == (1.7, 3)
    assert (comparison.average_b, comparison.count_b) == (4.3, 3)
    assert comparison.comparable


def test_it_compares_mood_after_good_and_short_nights():
    rows = [
        (TODAY - datetime.timedelta(days=n), mood, Decimal(hours))
        for n, (mood, hours) in enumerate([(4, "8"), (4, "7"), (5, "9"), (2, "5"), (3, "6.5")])
    ]
    averages = mood_averages(rows, today=TODAY)
    assert averages.sleep == 7.1
    assert (averages.sleep_and_mood.average_a, averages.sleep_and_mood.count_a) == (4.3, 3)
    assert (averages.sleep_and_mood.average_b, averages.sleep_and_mood.count_b) == (2.5, 2)
    assert not averages.sleep_and_mood.comparable  # two short nights are too few to compare
    assert not averages.after_rejection.comparable  # no rejections given


def test_a_mood_pattern_is_told_in_the_persons_own_words():
    assert [mood_word(n) for n in (1, 1.4, 1.5, 2.9, 3.49, 4.6, 5)] == [
        "rough",
        "rough",
        "low",
        "okay",
        "okay",
        "great",
        "great",
    ]
    assert mood_word(None) == ""


def test_a_comparison_is_shown_only_when_its_two_sides_read_differently():
    same = Comparison("Rested", 2.9, 4, "Short", 2.9, 4)
    close = Comparison("Rested", 3.2, 4, "Short", 2.8, 4)
    apart = Comparison("Rested", 4.1, 4, "Short", 2.2, 4)
    too_few = Comparison("Rested", 4.1, 2, "Short", 2.2, 4)
    assert [c.says_something for c in (same, close, apart, too_few)] == [
        False,
        False,
        True,
        False,
    ]
    assert (apart.word_a, apart.word_b) == ("good", "low")
