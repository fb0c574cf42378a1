"""Reads of the self-care domain. The dashboard and the recovery plan use these."""

import datetime
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet

from apps.contacts.selectors import support_people
from apps.core.dates import today_for, user_zone
from apps.selfcare.charts import (
    DAY,
    LINE_DAYS,
    Marker,
    MoodLine,
    YearGrid,
    mean,
    mood_line,
    year_grid,
)
from apps.selfcare.models import CheckIn, Mood

LOW_MOOD = 2  # a mood at or below this is a hard day
LOW_RUN = 3  # this many hard days in a row brings up the gentle nudge
AFTER_REJECTION_DAYS = 3  # the day of a rejection and the two days after it
RESTED_HOURS = Decimal(7)
MIN_TO_COMPARE = 3  # check-ins each side needs before two averages are compared
ITERATOR_CHUNK = 100


# --- Streak ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    days: int  # check-in days in the current run
    checked_in_today: bool
    resting: bool  # resting today: the run waits, whatever happens
    bridged_rest: bool  # the run carries on across a rest


def checkin_streak(
    days: Iterable[datetime.date], *, today: datetime.date, resting_until: datetime.date | None
) -> Streak:
    """The person's current run of check-in days.

    ``days`` are the days with a check-in, newest first, none after ``today``; they are
    read only as far as the run goes, so a queryset iterator stops early.

    The rule:
    - The run counts days with a check-in, going back from the latest one, for as long as
      no day is missed.
    - Today is still open: not having checked in yet today never ends the run, so a run
      is current when its latest check-in is today or yesterday.
    - Pause mode: Rebound stores the last day of a pause (``resting_until``), not its
      first, so a rest is the absence it covers. The most recent stretch of days without
      a check-in is a rest when all of it falls on or before ``resting_until`` (while the
      person is resting, that is the stretch running up to yesterday). Rest days neither
      break the run nor add to it; a check-in made while resting counts like any other.
      Only one absence per run is treated as rest: a missed day before it ends the run.
    """
    streak_days = 0
    forgiven = False
    checked_in_today = False
    newer = today  # the oldest day counted so far; today to begin with, as it is still open
    for day in days:
        if day >= today:
            checked_in_today = checked_in_today or day == today
            streak_days = 1 if checked_in_today else 0
            continue
        missed_from, missed_to = day + DAY, newer - DAY
        if missed_from <= missed_to:
            if not forgiven and resting_until is not None and missed_to <= resting_until:
                forgiven = True
            else:
                break
        streak_days += 1
        newer = day
    return Streak(
        days=streak_days,
        checked_in_today=checked_in_today,
        resting=resting_until is not None and today <= resting_until,
        bridged_rest=forgiven and streak_days > 0,
    )


# --- The gentle nudge -----------------------------------------------------------------


def is_low_run(moods_newest_first: Sequence[int]) -> bool:
    """True when the latest LOW_RUN check-ins (consecutive check-ins by date, whatever the
    gaps between them) all had a mood of LOW_MOOD or lower."""
    latest = list(moods_newest_first[:LOW_RUN])
    return len(latest) == LOW_RUN and all(mood <= LOW_MOOD for mood in latest)


def mood_is_low(*, owner) -> bool:
    """Whether the person's last three check-ins were all hard days. One query."""
    moods = CheckIn.objects.for_user(owner).order_by("-date").values_list("mood", flat=True)
    return is_low_run(list(moods[:LOW_RUN]))


# --- The check-in panel (dashboard, history page, recovery plan) -----------------------


@dataclass
class CheckInPanel:
    today: datetime.date
    checkin: CheckIn | None  # today's, if the person has checked in
    streak: Streak
    needs_care: bool  # the last three check-ins were hard days: show the gentle nudge
    support_people: list = field(default_factory=list)
    resting_until: datetime.date | None = None

    @property
    def moods(self):
        return Mood.choices


def checkin_panel(*, owner, today: datetime.date | None = None) -> CheckInPanel:
    """Everything the check-in panel shows, in one query (two when the nudge is up and
    the person's support people are looked up). Check-ins are read newest first and only
    as far as the streak needs."""
    today = today or today_for(owner)
    rows = iter(
        CheckIn.objects.for_user(owner)
        .filter(date__lte=today)
        .order_by("-date")
        .iterator(chunk_size=ITERATOR_CHUNK)
    )
    latest = list(itertools.islice(rows, LOW_RUN))
    streak = checkin_streak(
        itertools.chain((row.date for row in latest), (row.date for row in rows)),
        today=today,
        resting_until=owner.resting_until,
    )
    needs_care = is_low_run([row.mood for row in latest])
    return CheckInPanel(
        today=today,
        checkin=latest[0] if latest and latest[0].date == today else None,
        streak=streak,
        needs_care=needs_care,
        support_people=support_people(owner=owner) if needs_care else [],
        resting_until=owner.resting_until,
    )


def checkins_between(*, owner, start: datetime.date, end: datetime.date) -> QuerySet[CheckIn]:
    """The person's check-ins from start to end, both included, oldest first."""
    return CheckIn.objects.for_user(owner).filter(date__gte=start, date__lte=end).order_by("date")


def checkin_for_day(*, owner, day: datetime.date) -> CheckIn | None:
    return CheckIn.objects.for_user(owner).filter(date=day).first()


# --- Markers on the mood line ---------------------------------------------------------


def interview_markers(*, owner, start: datetime.date, end: datetime.date) -> list[Marker]:
    """A marker for each day from start to end with an interview, in the person's timezone."""
    from apps.applications.selectors import interviews_since

    zone = user_zone(owner)
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(end + DAY, datetime.time.min, tzinfo=zone)
    moments = (
        interviews_since(user=owner, since=since)
        .filter(scheduled_at__lt=until)
        .values_list("scheduled_at", flat=True)
    )
    days = sorted({moment.astimezone(zone).date() for moment in moments})
    return [Marker(day, "interview", "Interview") for day in days]


def rejection_markers(
    *, rejection_dates: Iterable[datetime.date], start: datetime.date, end: datetime.date
) -> list[Marker]:
    days = sorted({day for day in rejection_dates if start <= day <= end})
    return [Marker(day, "rejection", "Rejection") for day in days]


# --- History page ---------------------------------------------------------------------


def mood_word(average: float | None) -> str:
    """An average mood as the nearest of the person's own words ("low", "okay"), so a
    pattern reads as a description, never as a mark out of five."""
    if average is None:
        return ""
    return Mood(min(max(int(average + 0.5), Mood.ROUGH), Mood.GREAT)).label.lower()


@dataclass(frozen=True)
class Comparison:
    label_a: str
    average_a: float | None
    count_a: int
    label_b: str
    average_b: float | None
    count_b: int

    @property
    def comparable(self) -> bool:
        return self.count_a >= MIN_TO_COMPARE and self.count_b >= MIN_TO_COMPARE

    @property
    def word_a(self) -> str:
        return mood_word(self.average_a)

    @property
    def word_b(self) -> str:
        return mood_word(self.average_b)

    @property
    def says_something(self) -> bool:
        """Worth showing: enough check-ins on both sides, and they read differently (2.9
        against 2.9 says nothing)."""
        return self.comparable and self.word_a != self.word_b


@dataclass
class Averages:
    checkins: int
    mood_all: float | None
    mood_last_30: float | None
    sleep: float | None
    after_rejection: Comparison
    sleep_and_mood: Comparison

    @property
    def mood_word_last_30(self) -> str:
        return mood_word(self.mood_last_30)

    @property
    def mood_word_all(self) -> str:
        return mood_word(self.mood_all)


@dataclass
class MoodHistory:
    grid: YearGrid
    line: MoodLine
    averages: Averages


def _after_rejection(day: datetime.date, rejections: list[datetime.date]) -> bool:
    return any(0 <= (day - rejected).days < AFTER_REJECTION_DAYS for rejected in rejections)


def mood_averages(
    rows: list[tuple[datetime.date, int, Decimal | None]],
    *,
    today: datetime.date,
    rejection_dates: Iterable[datetime.date] = (),
) -> Averages:
    """Averages over every check-in: mood overall and lately, sleep, mood in the days just
    after a rejection (the day itself and the two after) against other days, and mood
    after a night of RESTED_HOURS or more against shorter nights."""
    rejections = sorted(set(rejection_dates))
    recent_start = today - datetime.timedelta(days=LINE_DAYS - 1)
    after, other, rested, short, sleep = [], [], [], [], []
    for day, mood, hours in rows:
        (after if _after_rejection(day, rejections) else other).append(mood)
        if hours is not None:
            sleep.append(hours)
            (rested if hours >= RESTED_HOURS else short).append(mood)
    return Averages(
        checkins=len(rows),
        mood_all=mean([mood for _, mood, _ in rows]),
        mood_last_30=mean([mood for day, mood, _ in rows if day >= recent_start]),
        sleep=mean(sleep),
        after_rejection=Comparison(
            "Days just after a rejection",
            mean(after),
            len(after),
            "Other days",
            mean(other),
            len(other),
        ),
        sleep_and_mood=Comparison(
            f"After {RESTED_HOURS} or more hours of sleep",
            mean(rested),
            len(rested),
            f"After less than {RESTED_HOURS} hours",
            mean(short),
            len(short),
        ),
    )


def mood_history(
    *, owner, today: datetime.date, rejection_dates: Iterable[datetime.date] = ()
) -> MoodHistory:
    """The history page: the year grid, the 30-day line with its markers, the averages.
    Two queries whatever the number of check-ins: the check-ins (three small columns) and
    the interviews of the last 30 days. Rejection dates come from the caller (the history
    view reads them from the rejections app), so this app does not depend on that one."""
    rejection_dates = list(rejection_dates)
    rows = list(
        CheckIn.objects.for_user(owner)
        .filter(date__lte=today)
        .order_by("date")
        .values_list("date", "mood", "hours_slept")
    )
    moods = {day: mood for day, mood, _ in rows}
    line_start = today - datetime.timedelta(days=LINE_DAYS - 1)
    markers = interview_markers(owner=owner, start=line_start, end=today) + rejection_markers(
        rejection_dates=rejection_dates, start=line_start, end=today
    )
    return MoodHistory(
        grid=year_grid(moods, today=today),
        line=mood_line(moods, today=today, markers=markers),
        averages=mood_averages(rows, today=today, rejection_dates=rejection_dates),
    )


def checkin_days_doubled() -> list[str]:
    """Integrity: one check-in per person per day."""
    rows = (
        CheckIn.objects.values("owner_id", "date")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .order_by("owner_id", "date")
    )
    return [
        f"owner {row['owner_id']} has {row['count']} check-ins on {row['date']:%Y-%m-%d}"
        for row in rows
    ]
