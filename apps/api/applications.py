"""Applications, their moves and interviews, and companies."""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import AwareDatetime

from apps.api.common import (
    Input,
    LocalDateTime,
    Page,
    PageParams,
    cleaned,
    current_values,
    form_data,
    paginate,
    sent,
)
from apps.api.problems import InvalidInput
from apps.api.refs import CompanyRef
from apps.applications import selectors, services
from apps.applications.forms import ApplicationForm, FilterForm, InterviewForm, MoveForm
from apps.applications.models import (
    Application,
    Interview,
    InterviewKind,
    InterviewOutcome,
    Source,
    WorkMode,
)
from apps.applications.models import (
    Status as Stage,
)
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for

router = Router()
interviews_router = Router()
companies_router = Router()


# Schemas --------------------------------------------------------------------------------


class ApplicationOut(Schema):
    id: int
    url: str = Field(description="The application's page in Rebound.")
    company: CompanyRef
    role_title: str
    status: Stage
    status_changed_on: datetime.date = Field(description="The day of the latest move.")
    applied_on: datetime.date | None
    next_follow_up_on: datetime.date | None
    posting_url: str
    location: str
    work_mode: WorkMode | None
    source: Source | None
    salary_min: int | None
    salary_max: int | None
    salary_currency: str
    excitement: int
    fit_values: int | None
    fit_interests: int | None
    fit_skills: int | None
    notes: str
    archived: bool
    created_at: LocalDateTime
    updated_at: LocalDateTime

    @staticmethod
    def resolve_url(application: Application, context) -> str:
        return context["request"].build_absolute_uri(application.get_absolute_url())

    @staticmethod
    def resolve_work_mode(application: Application) -> str | None:
        return application.work_mode or None

    @staticmethod
    def resolve_source(application: Application) -> str | None:
        return application.source or None


class ApplicationDetails(Input):
    """What both creating and editing accept (checked by the same form as the page's)."""

    posting_url: str | None = None
    location: str | None = None
    work_mode: WorkMode | None = None
    source: Source | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    salary_currency: str | None = Field(None, description="Three letters, such as EUR.")
    applied_on: datetime.date | None = None
    next_follow_up_on: datetime.date | None = None
    excitement: int | None = Field(None, description="1 to 5; 3 when left out.")
    fit_values: int | None = Field(None, description="1 to 5, or null for not sure.")
    fit_interests: int | None = None
    fit_skills: int | None = None
    notes: str | None = None


class ApplicationCreate(ApplicationDetails):
    company_name: str = Field(description="Matched to your companies in any letter case.")
    role_title: str
    status: Stage = Field(Stage.APPLIED, description="Where it stands today.")


class ApplicationUpdate(ApplicationDetails):
    """Only the fields sent change. The stage changes with a move, so it is in the history."""

    company_name: str | None = None
    role_title: str | None = None
    archived: bool | None = None


class MoveIn(Input):
    status: Stage
    on: datetime.date | None = Field(None, description="The day it happened; today if left out.")
    note: str = ""


class StatusChangeOut(Schema):
    from_status: Stage | None
    to_status: Stage
    on: datetime.date
    note: str

    @staticmethod
    def resolve_from_status(change) -> str | None:
        return change.from_status or None


class InterviewOut(Schema):
    id: int
    application_id: int
    round_number: int
    kind: InterviewKind
    scheduled_at: LocalDateTime
    with_whom: str
    notes: str
    outcome: InterviewOutcome


class InterviewIn(Input):
    kind: InterviewKind
    scheduled_at: AwareDatetime = Field(description="With its offset, e.g. +01:00.")
    round_number: int | None = Field(None, description="The next round when left out.")
    with_whom: str = ""
    notes: str = ""


class InterviewUpdate(Input):
    kind: InterviewKind | None = None
    scheduled_at: AwareDatetime | None = None
    round_number: int | None = None
    with_whom: str | None = None
    notes: str | None = None
    outcome: InterviewOutcome | None = None


def _choices(field: str) -> list[str]:
    return [value for value, _label in FilterForm.base_fields[field].choices if value]


class ApplicationFilters(Schema):
    """The same search, filters and sorts as the table on the Applications page."""

    q: str | None = Field(None, description="Words to find in the company, role or notes.")
    status: str | None = Field(
        None,
        description="A stage, or `open` for any still in play.",
        json_schema_extra={"enum": _choices("status")},
    )
    source: str | None = Field(None, json_schema_extra={"enum": _choices("source")})
    work_mode: str | None = Field(None, json_schema_extra={"enum": _choices("work_mode")})
    applied_from: datetime.date | None = None
    applied_to: datetime.date | None = None
    follow_up_due: bool | None = Field(None, description="Only those whose follow-up has come.")
    archived: str | None = Field(
        None,
        description="`active` (the default), `archived` or `all`.",
        json_schema_extra={"enum": _choices("archived")},
    )
    sort: str | None = Field(
        None,
        description="A column, `-` first for descending; `-moved` by default.",
        json_schema_extra={"enum": _choices("sort")},
    )


class CompanyOut(Schema):
    id: int
    name: str
    website: str
    notes: str
    application_count: int = Field(description="How many of your applications are there.")


# Helpers --------------------------------------------------------------------------------


def _application(request: HttpRequest, pk: int) -> Application:
    return get_object_or_404(selectors.applications_for(user=request.user), pk=pk)


def _service_fields(form: ApplicationForm) -> dict:
    fields = dict(form.cleaned_data)
    fields.pop("status", None)
    return fields


# Applications ---------------------------------------------------------------------------


@router.get("", response=Page[ApplicationOut], summary="List applications")
def list_applications(
    request: HttpRequest, filters: Query[ApplicationFilters], paging: Query[PageParams]
):
    form = FilterForm(form_data(filters.model_dump(exclude_none=True)))
    cleaned(form)
    rows = selectors.application_list(
        user=request.user, today=today_for(request.user), **form.filters()
    )
    return paginate(request, rows, paging)


@router.post("", response={201: ApplicationOut}, summary="Add an application")
def create_application(request: HttpRequest, data: ApplicationCreate):
    values = sent(data)
    values.setdefault("status", data.status)
    values.setdefault("excitement", 3)
    form = ApplicationForm(form_data(values), today=today_for(request.user))
    fields = cleaned(form)
    application = services.application_create(
        owner=request.user, status=fields["status"], **_service_fields(form)
    )
    return Status(201, application)


@router.get("/{int:pk}", response=ApplicationOut, summary="Read an application")
def get_application(request: HttpRequest, pk: int):
    return _application(request, pk)


@router.patch("/{int:pk}", response=ApplicationOut, summary="Change an application's details")
def update_application(request: HttpRequest, pk: int, data: ApplicationUpdate):
    application = _application(request, pk)
    today = today_for(request.user)
    values = current_values(ApplicationForm(instance=application, today=today))
    form = ApplicationForm(form_data({**values, **sent(data)}), instance=application, today=today)
    cleaned(form)
    return services.application_update(application=application, **_service_fields(form))


@router.delete("/{int:pk}", response={204: None}, summary="Delete an application")
def delete_application(request: HttpRequest, pk: int):
    services.application_delete(application=_application(request, pk))
    return Status(204, None)


@router.post("/{int:pk}/move", response=ApplicationOut, summary="Move to another stage")
def move_application(request: HttpRequest, pk: int, data: MoveIn):
    """Records the move in the history, as the pages do. A rejection is logged instead
    with `POST /applications/{id}/rejection`, which also starts the recovery plan."""
    application = _application(request, pk)
    if data.status == Stage.REJECTED:
        raise InvalidInput(
            {
                "status": [
                    "Log a rejection with POST /api/v1/applications/"
                    f"{application.pk}/rejection: it moves the application and starts "
                    "your recovery plan."
                ]
            }
        )
    today = today_for(request.user)
    form = MoveForm(
        form_data({"note": "", **sent(data), "on": data.on or today}),
        application=application,
        today=today,
    )
    fields = cleaned(form)
    services.application_move(application=application, **fields)
    return application


@router.get("/{int:pk}/history", response=list[StatusChangeOut], summary="Its moves, oldest first")
def application_history(request: HttpRequest, pk: int):
    return selectors.application_timeline(application=_application(request, pk))


# Interviews -----------------------------------------------------------------------------


def _interview(request: HttpRequest, pk: int) -> Interview:
    return get_owned_or_404(Interview, request.user, pk=pk)


@router.get("/{int:pk}/interviews", response=list[InterviewOut], summary="Its interviews")
def list_interviews(request: HttpRequest, pk: int):
    return selectors.application_interviews(application=_application(request, pk))


@router.post("/{int:pk}/interviews", response={201: InterviewOut}, summary="Add an interview")
def create_interview(request: HttpRequest, pk: int, data: InterviewIn):
    """An applied or screening application moves to interviewing, as on the page."""
    application = _application(request, pk)
    fields = cleaned(InterviewForm(form_data(sent(data))))
    interview = services.interview_schedule(application=application, **fields)
    return Status(201, interview)


@interviews_router.patch("/{int:pk}", response=InterviewOut, summary="Change an interview")
def update_interview(request: HttpRequest, pk: int, data: InterviewUpdate):
    interview = _interview(request, pk)
    values = current_values(InterviewForm(instance=interview))
    form = InterviewForm(form_data({**values, **sent(data)}), instance=interview)
    fields = {k: v for k, v in cleaned(form).items() if k in services.INTERVIEW_FIELDS}
    return services.interview_update(interview=interview, **fields)


@interviews_router.delete("/{int:pk}", response={204: None}, summary="Remove an interview")
def delete_interview(request: HttpRequest, pk: int):
    services.interview_delete(interview=_interview(request, pk))
    return Status(204, None)


# Companies ------------------------------------------------------------------------------


class CompanyFilters(Schema):
    q: str | None = Field(None, description="Part of the name.")


@companies_router.get("", response=Page[CompanyOut], summary="List companies")
def list_companies(request: HttpRequest, filters: Query[CompanyFilters], paging: Query[PageParams]):
    """Companies are made when an application or a contact names them."""
    rows = selectors.company_list(user=request.user, search=filters.q or "")
    return paginate(request, rows, paging)


@companies_router.get("/{int:pk}", response=CompanyOut, summary="Read a company")
def get_company(request: HttpRequest, pk: int):
    return get_object_or_404(selectors.company_list(user=request.user), pk=pk)
