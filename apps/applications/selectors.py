"""Reads of the applications domain. Other apps use these instead of querying the models."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Lower
from django.utils import timezone

from apps.applications.models import (
    ACTIVE_STATUSES,
    CLOSED_STATUSES,
    STALE_STATUSES,
    Application,
    Company,
    Correspondence,
    Interview,
    Status,
    StatusChange,
)

# Table sort keys as they appear in the URL -> ordering. Each ends with a unique key so
# paging is stable.
SORTS: dict[str, list] = {
    "company": [Lower("company__name"), Lower("role_title"), "id"],
    "-company": [Lower("company__name").desc(), Lower("role_title").desc(), "-id"],
    "role": [Lower("role_title"), "id"],
    "-role": [Lower("role_title").desc(), "-id"],
    "status": ["status", "id"],
    "-status": ["-status", "-id"],
    "applied": [F("applied_on").asc(nulls_last=True), "id"],
    "-applied": [F("applied_on").desc(nulls_last=True), "-id"],
    "follow_up": [F("next_follow_up_on").asc(nulls_last=True), "id"],
    "-follow_up": [F("next_follow_up_on").desc(nulls_last=True), "-id"],
    "excitement": ["excitement", "id"],
    "-excitement": ["-excitement", "-id"],
    "moved": ["status_changed_on", "id"],
    "-moved": ["-status_changed_on", "-id"],
}
DEFAULT_SORT = "-moved"

ARCHIVED_ACTIVE = "active"
ARCHIVED_ONLY = "archived"
ARCHIVED_ALL = "all"

OPEN = "open"  # a status filter value meaning "any status still in play"

BOARD_COLUMN_LIMIT = 20


def applications_for(*, user) -> QuerySet[Application]:
    """All of the person's applications, with their company, newest move first."""
    return Application.objects.for_user(user).select_related("company")


def companies_for(*, user) -> QuerySet[Company]:
    """The person's companies, by name."""
    return Company.objects.for_user(user)


def company_list(*, user, search: str = "") -> QuerySet[Company]:
    """The person's companies A to Z, each with how many of their applications are there."""
    rows = companies_for(user=user).annotate(application_count=Count("applications"))
    if search:
        rows = rows.filter(name__icontains=search)
    return rows.order_by(Lower("name"), "id")


def application_list(
    *,
    user,
    today: datetime.date,
    search: str = "",
    status: str = "",
    source: str = "",
    work_mode: str = "",
    applied_from: datetime.date | None = None,
    applied_to: datetime.date | None = None,
    follow_up_due: bool = False,
    archived: str = ARCHIVED_ACTIVE,
    sort: str = DEFAULT_SORT,
) -> QuerySet[Application]:
    """The table's rows: filtered, searched and sorted. Unknown values filter nothing."""
    rows = applications_for(user=user)
    if search:
        for word in search.split():
            rows = rows.filter(
                Q(company__name__icontains=word)
                | Q(role_title__icontains=word)
                | Q(notes__icontains=word)
            )
    if status == OPEN:
        rows = rows.filter(status__in=ACTIVE_STATUSES)
    elif status in Status.values:
        rows = rows.filter(status=status)
    if source:
        rows = rows.filter(source=source)
    if work_mode:
        rows = rows.filter(work_mode=work_mode)
    if applied_from:
        rows = rows.filter(applied_on__gte=applied_from)
    if applied_to:
        rows = rows.filter(applied_on__lte=applied_to)
    if follow_up_due:
        rows = rows.filter(next_follow_up_on__lte=today)
    if archived == ARCHIVED_ONLY:
        rows = rows.filter(archived=True)
    elif archived != ARCHIVED_ALL:
        rows = rows.filter(archived=False)
    return rows.order_by(*SORTS.get(sort, SORTS[DEFAULT_SORT]))


@dataclass
class BoardColumn:
    status: str
    label: str
    cards: list[Application] = field(default_factory=list)
    total: int = 0

    @property
    def hidden(self) -> int:
        return self.total - len(self.cards)


@dataclass
class Board:
    columns: list[BoardColumn]
    closed: list[BoardColumn]


def board(*, user, per_column: int = BOARD_COLUMN_LIMIT) -> Board:
    """The board: a column of cards per active status (the longest-waiting last), plus how
    many applications are in each closed status. Archived applications stay off the board.
    Queries: one count, one per column."""
    mine = applications_for(user=user).filter(archived=False)
    counts = dict(mine.order_by().values_list("status").annotate(n=Count("id")))
    columns = []
    for status in ACTIVE_STATUSES:
        cards = list(mine.filter(status=status).order_by("-status_changed_on", "-id")[:per_column])
        columns.append(
            BoardColumn(status, Status(status).label, cards=cards, total=counts.get(status, 0))
        )
    closed = [
        BoardColumn(status, Status(status).label, total=counts.get(status, 0))
        for status in CLOSED_STATUSES
    ]
    return Board(columns=columns, closed=closed)


@dataclass(frozen=True)
class TimelineEntry:
    """One line of an application's history: a move or a kept message."""

    on: datetime.date
    change: StatusChange | None = None
    message: Correspondence | None = None


def application_timeline(*, application: Application) -> QuerySet[StatusChange]:
    """The application's moves, oldest first."""
    return StatusChange.objects.filter(application=application).order_by("on", "id")


def application_history(*, application: Application) -> list[TimelineEntry]:
    """The application's moves and kept messages, oldest first; on the same day a message
    comes before the move it led to. Two queries."""
    entries = [
        TimelineEntry(on=change.on, change=change)
        for change in application_timeline(application=application)
    ]
    for message in Correspondence.objects.filter(application=application):
        day = timezone.localdate(message.sent_at or message.created_at)
        entries.append(TimelineEntry(on=day, message=message))
    # Moves keep their own order (date, then id); sorted() is stable.
    return sorted(entries, key=lambda entry: (entry.on, entry.change is not None))


def application_interviews(*, application: Application) -> QuerySet[Interview]:
    return Interview.objects.filter(application=application).order_by("scheduled_at", "id")


def stale_applications(*, user, today: datetime.date) -> QuerySet[Application]:
    """Applied or screening applications with no move for the person's chosen number of
    days: the ones offered for closing as "no response". Longest silence first."""
    cutoff = today - datetime.timedelta(days=user.stale_after_days)
    return (
        applications_for(user=user)
        .filter(status__in=STALE_STATUSES, archived=False, status_changed_on__lte=cutoff)
        .order_by("status_changed_on", "id")
    )


def status_counts(*, user, include_archived: bool = False) -> dict[str, int]:
    """How many applications the person has in each status (every status present, 0 if none)."""
    rows = Application.objects.for_user(user)
    if not include_archived:
        rows = rows.filter(archived=False)
    found = dict(rows.order_by().values_list("status").annotate(n=Count("id")))
    return {status: found.get(status, 0) for status in Status.values}


def applications_applied_between(*, user, start: datetime.date, end: datetime.date) -> int:
    """How many applications the person sent from start to end, both days included."""
    return (
        Application.objects.for_user(user)
        .filter(applied_on__gte=start, applied_on__lte=end)
        .count()
    )


def follow_ups_due(*, user, today: datetime.date) -> QuerySet[Application]:
    """Open, unarchived applications whose follow-up date is today or has passed."""
    return (
        applications_for(user=user)
        .filter(status__in=ACTIVE_STATUSES, archived=False, next_follow_up_on__lte=today)
        .order_by("next_follow_up_on", "id")
    )


def interviews_since(*, user, since: datetime.datetime) -> QuerySet[Interview]:
    """The person's interviews from `since` on, soonest first, with application and company
    (archived applications included): the calendar feed, the mood line, the week ahead."""
    return (
        Interview.objects.for_user(user)
        .filter(scheduled_at__gte=since)
        .select_related("application__company")
        .order_by("scheduled_at", "id")
    )


def interviews_coming_up(*, user, now: datetime.datetime, days: int = 7) -> QuerySet[Interview]:
    """The next `days` days' interviews for applications still open, soonest first."""
    return interviews_since(user=user, since=now).filter(
        scheduled_at__lt=now + datetime.timedelta(days=days),
        application__status__in=ACTIVE_STATUSES,
    )


REMINDER_REACH = datetime.timedelta(hours=168)  # the longest reminder lead a person can choose


def interviews_due_for_reminders(*, now: datetime.datetime) -> list[Interview]:
    """Everyone's upcoming interviews (applications still open) that are within their
    owner's chosen reminder lead, for owners who want reminders. One query."""
    rows = (
        Interview.objects.filter(
            scheduled_at__gt=now,
            scheduled_at__lte=now + REMINDER_REACH,
            application__status__in=ACTIVE_STATUSES,
            owner__is_active=True,
            owner__interview_reminders=True,
        )
        .select_related("owner", "application__company")
        .order_by("scheduled_at", "id")
    )
    return [
        interview
        for interview in rows
        if interview.scheduled_at - datetime.timedelta(hours=interview.owner.reminder_hours_before)
        <= now
    ]


def calendar_follow_ups(*, user, since: datetime.date) -> QuerySet[Application]:
    """Follow-up dates for the calendar feed: open, unarchived applications only."""
    return (
        applications_for(user=user)
        .filter(status__in=ACTIVE_STATUSES, archived=False, next_follow_up_on__gte=since)
        .order_by("next_follow_up_on", "id")
    )


def applications_off_their_history() -> list[str]:
    """Integrity: every application's status is the last entry of its history (every
    status change goes through application_move). One line per application that is not."""
    last = StatusChange.objects.filter(application=OuterRef("pk")).order_by("-on", "-pk")
    rows = (
        Application.objects.annotate(last_status=Subquery(last.values("to_status")[:1]))
        .filter(Q(last_status__isnull=True) | ~Q(last_status=F("status")))
        .values_list("pk", "owner_id", "status", "last_status")
        .order_by("pk")
    )
    return [
        f"application {pk} (owner {owner}) is “{status}” but its history ends at "
        f"“{last_status or 'nothing'}”"
        for pk, owner, status, last_status in rows.iterator()
    ]
