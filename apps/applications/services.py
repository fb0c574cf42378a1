import datetime
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format

from apps.accounts.services import account_lock
from apps.applications.models import (
    CORRESPONDENCE_TEXT_LIMIT,
    Application,
    Company,
    Correspondence,
    Interview,
    InterviewOutcome,
    StageReached,
    Status,
    StatusChange,
)
from apps.applications.stages import STAGE_ORDER, furthest_stages_refresh, stage_after
from apps.applications.validators import validate_applied_on
from apps.core.dates import today_for, user_zone

# Fields of an application that application_create and application_update accept besides
# the company name; status is not among them: it changes only through application_move.
# In the order the application form shows them.
APPLICATION_DETAIL_FIELDS = (
    "role_title",
    "posting_url",
    "applied_on",
    "next_follow_up_on",
    "location",
    "work_mode",
    "source",
    "salary_min",
    "salary_max",
    "salary_currency",
    "excitement",
    "fit_values",
    "fit_interests",
    "fit_skills",
    "notes",
    "archived",
)
STATUS_VALUES = frozenset(Status.values)  # (Status.values builds a new list at every call)
INTERVIEW_FIELDS = ("round_number", "kind", "scheduled_at", "with_whom", "notes", "outcome")


@transaction.atomic
def company_get_or_create(*, owner, name: str) -> Company:
    """The person's company with this name in any letter case, created if new."""
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError({"name": "Enter the company's name."})
    existing = Company.objects.for_user(owner).filter(name__iexact=clean_name).first()
    if existing is not None:
        return existing
    # Two requests naming the same new company at once: the second waits here for the
    # first, then finds its company instead of tripping over the unique key.
    account_lock(user=owner)
    existing = Company.objects.for_user(owner).filter(name__iexact=clean_name).first()
    if existing is not None:
        return existing
    company = Company(owner=owner, name=clean_name)
    company.full_clean()
    company.save()
    return company


def _check_details(details: dict, allowed: Iterable[str]) -> None:
    unknown = set(details) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")


def _check_applied_on(applied_on: datetime.date | None, *, today: datetime.date) -> None:
    try:
        validate_applied_on(applied_on, today=today)
    except ValidationError as error:
        raise ValidationError({"applied_on": error.messages}) from None


def _first_applied_on(
    status: str, applied_on: datetime.date | None, *, today: datetime.date
) -> datetime.date | None:
    """A new application's applied date: as given, or today for one past the wishlist."""
    if status not in STATUS_VALUES:
        raise ValidationError({"status": "Choose a stage from the list."})
    if applied_on is None and status != Status.WISHLIST:
        applied_on = today
    _check_applied_on(applied_on, today=today)
    return applied_on


@transaction.atomic
def application_create(
    *,
    owner,
    company_name: str,
    role_title: str,
    status: str = Status.APPLIED,
    applied_on: datetime.date | None = None,
    note: str = "",
    **details,
) -> Application:
    """A new application, with its first status recorded in the history.

    An application that is past the wishlist without an applied date counts as applied today.
    """
    _check_details(details, APPLICATION_DETAIL_FIELDS)
    today = today_for(owner)
    applied_on = _first_applied_on(status, applied_on, today=today)
    company = company_get_or_create(owner=owner, name=company_name)
    started_on = applied_on or today
    application = Application(
        owner=owner,
        company=company,
        role_title=role_title,
        status=status,
        status_changed_on=started_on,
        applied_on=applied_on,
        furthest_stage=stage_after(StageReached.APPLIED, status=status),
        **details,
    )
    application.full_clean()
    application.save()
    change = StatusChange(
        owner=owner,
        application=application,
        from_status="",
        to_status=status,
        on=started_on,
        note=note,
    )
    change.full_clean()
    change.save()
    return application


class RowRefused(ValidationError):
    """One row of applications_create_many broke a rule; ``index`` is its place in the list."""

    def __init__(self, index: int, error: ValidationError):
        super().__init__(error.messages)
        self.index = index


def _company_name(name: str) -> str:
    return " ".join((name or "").split())


def _companies_by_name(*, owner, names: list[str]) -> dict[str, Company]:
    """The person's companies for these names (matched in any letter case), the missing ones
    created with the spelling first seen. A few queries whatever the number of names."""
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name.lower(), name)
    found: dict[str, Company] = {}
    keys = list(wanted)
    # Serialised per person, as in company_get_or_create: two imports naming the same new
    # companies at once would otherwise both try to create them.
    account_lock(user=owner)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for company in (
            Company.objects.for_user(owner).annotate(key=Lower("name")).filter(key__in=chunk)
        ):
            found.setdefault(company.key, company)
    missing = [Company(owner=owner, name=wanted[key]) for key in keys if key not in found]
    for company in missing:
        company.full_clean(exclude=["owner"], validate_unique=False, validate_constraints=False)
    for company in Company.objects.bulk_create(missing, batch_size=500):
        found[company.name.lower()] = company
    return found


@transaction.atomic
def applications_create_many(*, owner, rows: list[dict], fields_checked: bool = False) -> int:
    """application_create for many rows at once (imports): the same rules and the same first
    history entry, written with bulk_create so 20,000 rows take seconds. Every row is checked
    before anything is written; a bad row raises RowRefused and nothing is written.

    fields_checked=True says the caller already ran the model's field rules on these very
    values (the spreadsheet import does, row by row, before its preview): the per-row
    full_clean is then skipped. The rules between fields, the applied date and the
    database's constraints still hold for every row."""
    today = today_for(owner)
    names = []
    for index, row in enumerate(rows):
        _check_details(
            {k: v for k, v in row.items() if k not in ("company_name", "role_title", "status")},
            APPLICATION_DETAIL_FIELDS,
        )
        name = _company_name(row.get("company_name", ""))
        if not name:
            raise RowRefused(index, ValidationError({"name": "Enter the company's name."}))
        names.append(name)
    companies = _companies_by_name(owner=owner, names=names)
    applications = []
    for index, row in enumerate(rows):
        details = dict(row)
        company = companies[_company_name(details.pop("company_name")).lower()]
        status = details.pop("status", Status.APPLIED)
        applied_on = details.pop("applied_on", None)
        try:
            applied_on = _first_applied_on(status, applied_on, today=today)
            application = Application(
                owner=owner,
                company=company,
                status=status,
                status_changed_on=applied_on or today,
                applied_on=applied_on,
                furthest_stage=stage_after(StageReached.APPLIED, status=status),
                **details,
            )
            # Field rules here. Keys and constraints are left to the database: checking them
            # in Python costs a query each per row, and both keys were just looked up.
            if not fields_checked:
                application.full_clean(
                    exclude=["owner", "company"],
                    validate_unique=False,
                    validate_constraints=False,
                )
            if (
                application.salary_min is not None
                and application.salary_max is not None
                and application.salary_min > application.salary_max
            ):
                raise ValidationError("The lower salary figure must not be above the upper one.")
        except ValidationError as error:
            raise RowRefused(index, error) from None
        applications.append(application)
    Application.objects.bulk_create(applications, batch_size=1000)
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                owner=owner,
                application=application,
                from_status="",
                to_status=application.status,
                on=application.status_changed_on,
            )
            for application in applications
        ],
        batch_size=1000,
    )
    return len(applications)


def application_version(application: Application) -> str:
    """A stamp that changes whenever the row is written: the edit form carries it, so a save
    can tell that the application changed after the form was shown."""
    return application.updated_at.isoformat() if application.updated_at else ""


class EditConflict(ValidationError):
    """The application changed after the edit form was shown; nothing was saved.
    ``changes`` says what changed, in words for the person."""

    def __init__(self, changes: list[str], current: Application):
        self.changes = changes
        self.current = current
        super().__init__(
            "This application changed while you were editing it ("
            + "; ".join(changes)
            + "). Nothing was saved yet: the form shows your version, so check it and save "
            "again to keep your changes."
        )


def _changes_since(locked: Application, version: str, details: dict) -> list[str]:
    """What changed in the row since the form showed ``version``, in words: the moves made
    since, and the fields whose saved value now differs from what the person sent."""
    changes = []
    try:
        shown_at = datetime.datetime.fromisoformat(version)
    except ValueError:
        shown_at = None
    if shown_at is not None:
        moves = StatusChange.objects.filter(application=locked, created_at__gt=shown_at)
        for change in moves.order_by("created_at", "pk"):
            changes.append(f"it moved to “{change.get_to_status_display()}”")
    labels = [
        str(Application._meta.get_field(field).verbose_name)
        for field, value in details.items()
        if getattr(locked, field) != value
    ]
    if labels:
        changes.append("saved from elsewhere: " + ", ".join(labels))
    return changes or ["it was saved from another page"]


@transaction.atomic
def application_update(
    *, application: Application, company_name: str, version: str = "", **details
) -> Application:
    """Edit an application's details. Its status only changes through application_move.

    Only the fields given are written, to the row locked as it is now, so a move or another
    edit made meanwhile is kept. With ``version`` (application_version when the form was
    shown), a row that changed since raises EditConflict instead of overwriting it."""
    _check_details(details, ("role_title", *APPLICATION_DETAIL_FIELDS))
    _check_applied_on(details.get("applied_on"), today=today_for(application.owner))
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if version and version != application_version(locked):
        raise EditConflict(_changes_since(locked, version, details), locked)
    locked.company = company_get_or_create(owner=application.owner, name=company_name)
    for field, value in details.items():
        setattr(locked, field, value)
    locked.full_clean()
    locked.save(update_fields=["company", *details, "updated_at"])
    application.refresh_from_db()
    return application


def application_lock(*, application: Application) -> None:
    """Hold the application's row until the caller's transaction ends, so two writes that
    read it first (a double click, say) take turns instead of both acting; the instance is
    brought up to date with the row as it is once the lock is held."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    for field in MOVED_FIELDS:
        setattr(application, field, getattr(locked, field))


def _validate_move(application: Application, status: str, on: datetime.date) -> None:
    if status not in Status.values:
        raise ValidationError({"status": "Choose a stage from the list."})
    if status == application.status:
        raise ValidationError({"status": f"It is already at “{application.get_status_display()}”."})
    if on > today_for(application.owner):
        raise ValidationError({"on": "A move cannot be dated in the future."})
    if on < application.status_changed_on:
        last = date_format(application.status_changed_on, "j F Y")
        raise ValidationError({"on": f"The last move was on {last}; choose that day or later."})


# What a move writes on the application row.
MOVED_FIELDS = ["status", "status_changed_on", "furthest_stage", "applied_on", "updated_at"]


@transaction.atomic
def application_move(
    *, application: Application, status: str, on: datetime.date, note: str = ""
) -> StatusChange:
    """Move an application to another status and remember the move.

    Every status change in Rebound goes through here (or applications_bulk_move, which keeps
    the same rules), so the history is always complete. The instance passed in is updated.
    """
    # Lock the row so two moves at once cannot both read the same "from" status.
    locked = Application.objects.select_for_update().get(pk=application.pk)
    _validate_move(locked, status, on)
    change = StatusChange(
        owner=locked.owner,
        application=locked,
        from_status=locked.status,
        to_status=status,
        on=on,
        note=note,
    )
    change.full_clean()
    locked.status = status
    locked.status_changed_on = on
    locked.furthest_stage = stage_after(locked.furthest_stage, status=status)
    if locked.applied_on is None and status != Status.WISHLIST:
        locked.applied_on = on
    locked.save(update_fields=MOVED_FIELDS)
    change.save()
    for field in MOVED_FIELDS:
        setattr(application, field, getattr(locked, field))
    return change


@transaction.atomic
def applications_bulk_move(
    *, owner, ids: Iterable[int], status: str, on: datetime.date, note: str = ""
) -> int:
    """Move several of the person's applications at once; those already there are left alone.

    Same rules as application_move, written with two statements instead of two per row so
    closing hundreds of silent applications stays quick. Returns how many moved.
    """
    if status not in Status.values:
        raise ValidationError({"status": "Choose a stage from the list."})
    if on > today_for(owner):
        raise ValidationError({"on": "A move cannot be dated in the future."})
    applications = list(
        Application.objects.for_user(owner)
        .filter(pk__in=list(ids))
        .exclude(status=status)
        .select_for_update()
        .only("pk", "status", "status_changed_on", "furthest_stage", "applied_on")
    )
    changes = []
    for application in applications:
        moved_on = max(on, application.status_changed_on)
        changes.append(
            StatusChange(
                owner=owner,
                application=application,
                from_status=application.status,
                to_status=status,
                on=moved_on,
                note=note,
            )
        )
        application.status = status
        application.status_changed_on = moved_on
        application.furthest_stage = stage_after(application.furthest_stage, status=status)
        if application.applied_on is None and status != Status.WISHLIST:
            application.applied_on = moved_on
        application.updated_at = timezone.now()
    Application.objects.bulk_update(applications, MOVED_FIELDS, batch_size=500)
    StatusChange.objects.bulk_create(changes, batch_size=500)
    return len(applications)


@transaction.atomic
def applications_set_archived(*, owner, ids: Iterable[int], archived: bool) -> int:
    """Archive (or bring back) several of the person's applications. Returns how many changed."""
    return (
        Application.objects.for_user(owner)
        .filter(pk__in=list(ids))
        .exclude(archived=archived)
        .update(archived=archived, updated_at=timezone.now())
    )


@transaction.atomic
def application_set_follow_up(*, application: Application, on: datetime.date | None) -> Application:
    application.next_follow_up_on = on
    application.full_clean()
    application.save(update_fields=["next_follow_up_on", "updated_at"])
    return application


@transaction.atomic
def application_delete(*, application: Application) -> None:
    """Delete an application with its history and interviews (the company stays)."""
    application.delete()


@transaction.atomic
def applications_close_stale(*, owner, today: datetime.date | None = None) -> int:
    """Close every application that has been silent for the person's chosen number of days
    as "no response", recorded as moves dated today. Returns how many were closed."""
    from apps.applications.selectors import stale_applications

    today = today or today_for(owner)
    ids = list(stale_applications(user=owner, today=today).values_list("pk", flat=True))
    if not ids:
        return 0
    note = f"Closed after {owner.stale_after_days} days without news."
    return applications_bulk_move(
        owner=owner, ids=ids, status=Status.NO_RESPONSE, on=today, note=note
    )


def _next_round(application: Application) -> int:
    last = application.interviews.order_by("-round_number").values_list("round_number", flat=True)
    return (last.first() or 0) + 1


def _reach_interview(application: Application, *, kind: str) -> None:
    """Raise the application's furthest stage for an interview of this kind. The update only
    ever raises it, so two interviews saved at once cannot lower what the other wrote."""
    stage = stage_after(application.furthest_stage, interview_kind=kind)
    lower = STAGE_ORDER[: STAGE_ORDER.index(stage)]
    Application.objects.filter(pk=application.pk, furthest_stage__in=lower).update(
        furthest_stage=stage
    )
    application.furthest_stage = stage


@transaction.atomic
def interview_schedule(
    *,
    application: Application,
    scheduled_at: datetime.datetime,
    kind: str,
    with_whom: str = "",
    notes: str = "",
    round_number: int | None = None,
) -> Interview:
    """Add an interview. An application that was applied or screening moves to interviewing."""
    if timezone.is_naive(scheduled_at):
        raise ValueError("scheduled_at must be timezone-aware.")
    interview = Interview(
        owner=application.owner,
        application=application,
        round_number=round_number or _next_round(application),
        kind=kind,
        scheduled_at=scheduled_at,
        with_whom=with_whom,
        notes=notes,
    )
    interview.full_clean()
    interview.save()
    _reach_interview(application, kind=kind)
    today = today_for(application.owner)
    # Dated when the interview was arranged: today, or the interview's own day if that has
    # already passed (an interview logged after the fact), never before the last move.
    scheduled_day = timezone.localtime(scheduled_at, user_zone(application.owner)).date()
    on = max(min(today, scheduled_day), application.status_changed_on)
    # (After a change of timezone the last move can look a day ahead; the move then waits.)
    if application.status in (Status.APPLIED, Status.SCREENING) and on <= today:
        application_move(
            application=application,
            status=Status.INTERVIEWING,
            on=on,
            note=f"{interview.get_kind_display()} scheduled.",
        )
    return interview


@transaction.atomic
def interview_update(*, interview: Interview, **fields) -> Interview:
    _check_details(fields, INTERVIEW_FIELDS)
    scheduled_at = fields.get("scheduled_at")
    if scheduled_at is not None and timezone.is_naive(scheduled_at):
        raise ValueError("scheduled_at must be timezone-aware.")
    for field, value in fields.items():
        setattr(interview, field, value)
    interview.full_clean()
    interview.save()
    _reach_interview(interview.application, kind=interview.kind)
    return interview


@transaction.atomic
def interview_record_outcome(*, interview: Interview, outcome: str) -> Interview:
    if outcome not in InterviewOutcome.values:
        raise ValidationError({"outcome": "Choose one of the outcomes."})
    interview.outcome = outcome
    interview.save(update_fields=["outcome", "updated_at"])
    return interview


@transaction.atomic
def interview_delete(*, interview: Interview) -> None:
    interview.delete()


@transaction.atomic
def calendar_token_regenerate(*, user) -> str:
    """A new secret for the person's calendar feed; the old address stops working at once."""
    user.calendar_token = secrets.token_urlsafe(32)
    user.save(update_fields=["calendar_token"])
    return user.calendar_token


def _fit(value: str, limit: int) -> str:
    value = " ".join((value or "").split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


@transaction.atomic
def correspondence_add(
    *,
    application: Application,
    sender: str,
    subject: str,
    sent_at: datetime.datetime | None,
    text: str,
) -> Correspondence:
    """Keep a message about the application on its timeline. Header values are flattened
    to one line and cut to fit; the text is cut at CORRESPONDENCE_TEXT_LIMIT."""
    if sent_at is not None and timezone.is_naive(sent_at):
        raise ValueError("sent_at must be timezone-aware.")
    text = (text or "").strip()
    if len(text) > CORRESPONDENCE_TEXT_LIMIT:
        text = text[: CORRESPONDENCE_TEXT_LIMIT - 1] + "…"
    entry = Correspondence(
        owner=application.owner,
        application=application,
        sender=_fit(sender, 300),
        subject=_fit(subject, 300),
        sent_at=sent_at,
        text=text,
    )
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def applications_stage_refresh(*, owner) -> None:
    """Work out the furthest stage of every application of the person again from the whole
    history: for rows written in bulk without the moves' services (a restore, demo data)."""
    furthest_stages_refresh(
        applications=Application.objects.for_user(owner),
        status_changes=StatusChange.objects.for_user(owner),
        interviews=Interview.objects.for_user(owner),
    )
