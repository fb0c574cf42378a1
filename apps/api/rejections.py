"""Rejections and their recovery plans."""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

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
from apps.api.problems import problem
from apps.api.refs import ApplicationRef
from apps.applications import stages
from apps.applications.selectors import applications_for
from apps.applications.stages import StageReached
from apps.core.dates import today_for
from apps.rejections import selectors, services
from apps.rejections.forms import RejectionForm, StepStateForm
from apps.rejections.models import Move, RecoveryStep, Rejection, StepState
from apps.selfcare.selectors import mood_is_low

router = Router()
for_application_router = Router()


class StepOut(Schema):
    id: int
    rejection_id: int
    move: Move
    title: str
    state: StepState
    opens_on: datetime.date = Field(description="When the plan brings this move forward.")
    closes_on: datetime.date | None = Field(description="Null: it stays until done or skipped.")
    due: bool = Field(description="Whether the plan shows it today.")
    done_on: datetime.date | None
    note: str

    @staticmethod
    def resolve_title(step: RecoveryStep) -> str:
        return step.get_move_display()


class RejectionOut(Schema):
    id: int
    url: str = Field(description="The rejection's page, with its plan, in Rebound.")
    application: ApplicationRef
    received_on: datetime.date
    stage_reached: StageReached
    reason_given: str
    feeling: int | None = Field(description="1 (really hard) to 5 (fine, honestly).")
    notes: str
    created_at: LocalDateTime

    @staticmethod
    def resolve_url(rejection: Rejection, context) -> str:
        return context["request"].build_absolute_uri(rejection.get_absolute_url())


class RejectionWithPlanOut(RejectionOut):
    steps: list[StepOut] = Field(description="The eight moves of the plan, in its order.")

    @staticmethod
    def resolve_steps(rejection: Rejection) -> list[RecoveryStep]:
        return rejection.steps_in_order


class RejectionIn(Input):
    received_on: datetime.date | None = Field(
        None, description="The day you heard; today by default."
    )
    stage_reached: StageReached | None = Field(
        None, description="Worked out from the application's history when left out."
    )
    feeling: int | None = Field(None, description="1 (really hard) to 5 (fine, honestly).")
    reason_given: str = ""
    notes: str = ""


class RejectionUpdate(Input):
    received_on: datetime.date | None = None
    stage_reached: StageReached | None = None
    feeling: int | None = None
    reason_given: str | None = None
    notes: str | None = None


class StepIn(Input):
    state: StepState = Field(description="`done`, `skipped`, or `pending` to put it back.")
    note: str | None = None


def _rejection(request: HttpRequest, pk: int) -> Rejection:
    return get_object_or_404(selectors.rejections_for(user=request.user), pk=pk)


def _with_plan(request: HttpRequest, rejection: Rejection) -> Rejection:
    """The rejection with its steps, each marked with whether the plan shows it today."""
    today = today_for(request.user)
    low = mood_is_low(owner=request.user)
    rejection.steps_in_order = selectors.rejection_steps(rejection=rejection)
    for step in rejection.steps_in_order:
        step.due = selectors.step_is_due(step, today, mood_is_low=low)
    return rejection


@router.get("", response=Page[RejectionOut], summary="List rejections, newest first")
def list_rejections(request: HttpRequest, paging: Query[PageParams]):
    rows = selectors.rejections_for(user=request.user).order_by("-received_on", "-id")
    return paginate(request, rows, paging)


@router.get("/{int:pk}", response=RejectionWithPlanOut, summary="Read a rejection and its plan")
def get_rejection(request: HttpRequest, pk: int):
    return _with_plan(request, _rejection(request, pk))


@router.patch("/{int:pk}", response=RejectionWithPlanOut, summary="Change a rejection")
def update_rejection(request: HttpRequest, pk: int, data: RejectionUpdate):
    rejection = _rejection(request, pk)
    values = current_values(RejectionForm(instance=rejection))
    form = RejectionForm(form_data({**values, **sent(data)}), instance=rejection)
    fields = cleaned(form)
    services.rejection_update(rejection=rejection, **{k: fields[k] for k in form.Meta.fields})
    return _with_plan(request, rejection)


@router.patch("/steps/{int:pk}", response=StepOut, summary="Mark a step done or skipped")
def update_step(request: HttpRequest, pk: int, data: StepIn):
    """Skipped steps stay skipped until you say otherwise."""
    step = get_object_or_404(
        RecoveryStep.objects.for_user(request.user).select_related("rejection"), pk=pk
    )
    fields = cleaned(StepStateForm({"state": data.state}))
    services.recovery_step_set_state(step=step, state=fields["state"], note=data.note)
    step.due = selectors.step_is_due(
        step, today_for(request.user), mood_is_low=mood_is_low(owner=request.user)
    )
    return step


@for_application_router.post(
    "/{int:pk}/rejection",
    response={201: RejectionWithPlanOut},
    summary="Log a rejection",
)
def log_rejection(request: HttpRequest, pk: int, data: RejectionIn):
    """Moves the application to rejected and starts the recovery plan, in one step, as the
    rejection form on the pages does. A second rejection for one application is a 409."""
    application = get_object_or_404(applications_for(user=request.user), pk=pk)
    existing = selectors.rejection_of(application=application)
    if existing is not None:
        return problem(
            409, f"This rejection is already logged: see /api/v1/rejections/{existing.pk}."
        )
    values = {
        "received_on": today_for(request.user),
        "stage_reached": stages.stage_reached(application),
        **{key: value for key, value in sent(data).items() if value is not None},
    }
    form = RejectionForm(form_data(values))
    fields = cleaned(form)
    rejection = services.rejection_log(
        application=application, **{k: fields[k] for k in form.Meta.fields}
    )
    return Status(201, _with_plan(request, rejection))
