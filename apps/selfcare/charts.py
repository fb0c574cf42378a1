"""The self-care history's two drawings, as plain geometry for inline SVG: the year of
moods as a grid of squares and the last 30 days as a line with markers. Pure functions over
data the selectors read; nothing here queries the database."""

import datetime
import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field

from apps.selfcare.models import Mood

DAY = datetime.timedelta(days=1)
LINE_DAYS = 30
GRID_WEEKS = 53
# Drawing sizes, in SVG user units.
CELL = 12
GAP = 3
GRID_LEFT = 30
GRID_TOP = 18
LINE_WIDTH = 600
LINE_HEIGHT = 160
LINE_PAD = 16
LINE_LEFT = 56  # room for the mood names on the left


@dataclass(frozen=True)
class Marker:
    day: datetime.date
    kind: str  # "interview" or "rejection": also the CSS class of its mark
    label: str


@dataclass(frozen=True)
class GridDay:
    day: datetime.date
    mood: int | None
    x: int
    y: int

    @property
    def label(self) -> str:
        when = f"{self.day:%a} {self.day.day} {self.day:%B %Y}"
        return f"{when}: {Mood(self.mood).label}" if self.mood else f"{when}: no check-in"


@dataclass(frozen=True)
class MonthSummary:
    month: datetime.date  # the first of the month
    checkins: int
    average: float | None
    most_often: str


@dataclass
class YearGrid:
    days: list[GridDay]
    month_labels: list[tuple[int, str]]  # (x, "Jan")
    months: list[MonthSummary]
    width: int
    height: int
    first_day: datetime.date
    last_day: datetime.date
    cell: int = 12
    weekday_labels: list[tuple[int, str]] = field(default_factory=list)  # (y, "Mon")

    @property
    def checkins(self) -> int:
        return sum(1 for day in self.days if day.mood)


@dataclass(frozen=True)
class LinePoint:
    day: datetime.date
    mood: int | None
    x: float
    y: float | None
    markers: tuple[Marker, ...]

    @property
    def mood_label(self) -> str:
        return Mood(self.mood).label if self.mood else ""


@dataclass
class MoodLine:
    points: list[LinePoint]
    segments: list[str]  # polyline "x,y x,y" strings, one per run of consecutive check-ins
    markers: list[tuple[float, Marker]]
    width: int
    height: int
    levels: list[tuple[float, str]]  # (y, "Great") guide lines
    left: int = LINE_LEFT
    right: int = LINE_WIDTH - LINE_PAD
    top: int = LINE_PAD
    bottom: int = LINE_HEIGHT - LINE_PAD

    @property
    def checkins(self) -> int:
        return sum(1 for point in self.points if point.mood)

    @property
    def axis_labels(self) -> list[tuple[LinePoint, str]]:
        """The first day, the middle one and today for the x axis, with their text anchor."""
        middle = self.points[len(self.points) // 2]
        return [(self.points[0], "start"), (middle, "middle"), (self.points[-1], "end")]


def mean(values: list) -> float | None:
    return round(float(statistics.fmean(values)), 1) if values else None


def year_grid(moods: dict[datetime.date, int], *, today: datetime.date) -> YearGrid:
    """A contribution-calendar grid: a column per week (Monday on top), the last
    GRID_WEEKS weeks up to today, a month summary per calendar month shown."""
    this_monday = today - datetime.timedelta(days=today.weekday())
    first = this_monday - datetime.timedelta(weeks=GRID_WEEKS - 1)
    days, labels = [], []
    seen_months: set[tuple[int, int]] = set()
    day = first
    while day <= today:
        column = (day - first).days // 7
        x, y = GRID_LEFT + column * (CELL + GAP), GRID_TOP + day.weekday() * (CELL + GAP)
        days.append(GridDay(day, moods.get(day), x, y))
        if day.day <= 7 and day.weekday() == 0 and (day.year, day.month) not in seen_months:
            seen_months.add((day.year, day.month))
            labels.append((x, f"{day:%b}"))
        day += DAY
    months = []
    for (year, month), group in itertools.groupby(days, key=lambda d: (d.day.year, d.day.month)):
        values = [d.mood for d in group if d.mood]
        counts = {mood: values.count(mood) for mood in set(values)}
        most = max(sorted(counts), key=lambda mood: counts[mood]) if counts else None
        months.append(
            MonthSummary(
                month=datetime.date(year, month, 1),
                checkins=len(values),
                average=mean(values),
                most_often=Mood(most).label if most else "",
            )
        )
    return YearGrid(
        days=days,
        month_labels=labels,
        months=months,
        width=GRID_LEFT + GRID_WEEKS * (CELL + GAP),
        height=GRID_TOP + 7 * (CELL + GAP),
        first_day=first,
        last_day=today,
        cell=CELL,
        weekday_labels=[
            (GRID_TOP + weekday * (CELL + GAP) + CELL - 2, name)
            for weekday, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"))
        ],
    )


def mood_line(
    moods: dict[datetime.date, int], *, today: datetime.date, markers: Iterable[Marker]
) -> MoodLine:
    """The last LINE_DAYS days as a line (broken where there was no check-in), with
    markers on the days something happened."""
    start = today - datetime.timedelta(days=LINE_DAYS - 1)
    step = (LINE_WIDTH - LINE_LEFT - LINE_PAD) / (LINE_DAYS - 1)

    def y_for(mood: float) -> float:
        return round(LINE_PAD + (5 - mood) * (LINE_HEIGHT - 2 * LINE_PAD) / 4, 1)

    by_day: dict[datetime.date, list[Marker]] = {}
    for marker in markers:
        if start <= marker.day <= today:
            by_day.setdefault(marker.day, []).append(marker)
    points, segments, current = [], [], []
    for index in range(LINE_DAYS):
        day = start + datetime.timedelta(days=index)
        mood = moods.get(day)
        x = round(LINE_LEFT + index * step, 1)
        y = y_for(mood) if mood else None
        points.append(LinePoint(day, mood, x, y, tuple(by_day.get(day, ()))))
        if y is None:
            if len(current) > 1:
                segments.append(" ".join(current))
            current = []
        else:
            current.append(f"{x},{y}")
    if len(current) > 1:
        segments.append(" ".join(current))
    placed = [(point.x, marker) for point in points for marker in point.markers]
    levels = [(y_for(value), label) for value, label in Mood.choices]
    return MoodLine(points, segments, placed, LINE_WIDTH, LINE_HEIGHT, levels)
