"""Feedback requests: drafted, sent, answered or closed, as on the Feedback pages."""

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
from apps.api.problems import InvalidInput
from apps.api.refs import ApplicationRef, ContactRef
from apps.feedback import selectors, services
from apps.feedback.forms import (
    AnswerForm,
    CloseForm,
    FeedbackCreateForm,
    FeedbackEditForm,
    FeedbackFilterForm,
    MarkSentForm,
)
from apps.feedback.models import Channel, FeedbackRequest, RequestStatus, Tone

router = Router()


class FeedbackRequestOut(Schema):
    id: int
    url: str = Field(description="The request's page in Rebound.")
    application: ApplicationRef
    contact: ContactRef | None
    channel: Channel
    status: RequestStatus
    asked_on: datetime.date | None
    follow_up_on: datetime.date | None
    answered_on: datetime.date | None
    message: str
    what_they_said: str
    my_takeaways: str
    tone: Tone | None
    created_at: LocalDateTime
    updated_at: LocalDateTime

    @staticmethod
    def resolve_url(feedback_request: FeedbackRequest, context) -> str:
        return context["request"].build_absolute_uri(feedback_request.get_absolute_url())

    @staticmethod
    def resolve_tone(feedback_request: FeedbackRequest) -> str | None:
        return feedback_request.tone or None


class FeedbackFilters(Schema):
    status: RequestStatus | None = None
    due: bool | None = Field(None, description="Only sent requests whose follow-up has come.")


class FeedbackRequestIn(Input):
    application_id: int
    contact_id: int | None = None
    channel: Channel = Channel.EMAIL
    message: str | None = Field(
        None, description="Drafted for you from the application when left out."
    )


class FeedbackRequestUpdate(Input):
    """What may change depends on the status: dates once it is sent, the answer once there
    is one."""

    contact_id: int | None = None
    channel: Channel | None = None
    message: str | None = None
    asked_on: datetime.date | None = None
    follow_up_on: datetime.date | None = None
    answered_on: datetime.date | None = None
    what_they_said: str | None = None
    my_takeaways: str | None = None
    tone: Tone | None = None


class MarkSentIn(Input):
    asked_on: datetime.date | None = Field(None, description="Today when left out.")
    follow_up_on: datetime.date | None = Field(None, description="A week later when left out.")


class AnswerIn(Input):
    what_they_said: str
    tone: Tone
    my_takeaways: str = ""
    answered_on: datetime.date | None = Field(None, description="Today when left out.")


class CloseIn(Input):
    status: RequestStatus = Field(description="`declined` or `no_answer`.")


# The forms name the related objects without "_id" and take their ids.
API_NAMES = {"application": "application_id", "contact": "contact_id"}


def _form_names(values: dict) -> dict:
    form_names = {api: form for form, api in API_NAMES.items()}
    return {form_names.get(key, key): value for key, value in values.items()}


def _request(request: HttpRequest, pk: int) -> FeedbackRequest:
    return get_object_or_404(
        selectors.feedback_requests_for(user=request.user).select_related("contact"), pk=pk
    )


@router.get("", response=Page[FeedbackRequestOut], summary="List feedback requests")
def list_feedback_requests(
    request: HttpRequest, filters: Query[FeedbackFilters], paging: Query[PageParams]
):
    """Newest first; with `due`, the soonest follow-up first."""
    chosen = cleaned(FeedbackFilterForm(form_data(filters.model_dump(exclude_none=True))))
    rows = selectors.feedback_requests_for(
        user=request.user, status=chosen["status"] or None, due_only=chosen["due"]
    ).select_related("contact")
    return paginate(request, rows, paging)


@router.post("", response={201: FeedbackRequestOut}, summary="Start a feedback request")
def create_feedback_request(request: HttpRequest, data: FeedbackRequestIn):
    values = _form_names({"message": "", **sent(data), "channel": data.channel})
    form = FeedbackCreateForm(form_data(values), user=request.user)
    if values.get("contact") is not None and "contact" not in form.fields:
        raise InvalidInput({"contact_id": ["You have no contacts yet: leave contact_id out."]})
    fields = cleaned(form, api_names=API_NAMES)
    created = services.feedback_request_create(
        owner=request.user,
        application=fields["application"],
        channel=fields["channel"],
        contact=fields.get("contact"),
        message=fields["message"],
    )
    return Status(201, created)


@router.get("/{int:pk}", response=FeedbackRequestOut, summary="Read a feedback request")
def get_feedback_request(request: HttpRequest, pk: int):
    return _request(request, pk)


@router.patch("/{int:pk}", response=FeedbackRequestOut, summary="Change a feedback request")
def update_feedback_request(request: HttpRequest, pk: int, data: FeedbackRequestUpdate):
    feedback_request = _request(request, pk)
    unbound = FeedbackEditForm(
        initial={name: getattr(feedback_request, name) for name in services.UPDATABLE_FIELDS},
        feedback_request=feedback_request,
    )
    changes = _form_names(sent(data))
    locked = sorted(set(changes) - set(unbound.fields))
    if locked:
        status = feedback_request.get_status_display()
        message = f"This cannot be changed while the request is “{status}”."
        raise InvalidInput({API_NAMES.get(name, name): [message] for name in locked})
    form = FeedbackEditForm(
        form_data({**current_values(unbound), **changes}), feedback_request=feedback_request
    )
    fields = cleaned(form, api_names=API_NAMES)
    return services.feedback_request_update(feedback_request=feedback_request, **fields)


@router.post("/{int:pk}/sent", response=FeedbackRequestOut, summary="Mark it as sent")
def mark_feedback_request_sent(request: HttpRequest, pk: int, data: MarkSentIn):
    fields = cleaned(MarkSentForm(form_data(data.model_dump())))
    return services.feedback_request_mark_sent(feedback_request=_request(request, pk), **fields)


@router.post("/{int:pk}/answer", response=FeedbackRequestOut, summary="Record the answer")
def answer_feedback_request(request: HttpRequest, pk: int, data: AnswerIn):
    fields = cleaned(AnswerForm(form_data(data.model_dump())))
    return services.feedback_request_record_answer(feedback_request=_request(request, pk), **fields)


@router.post("/{int:pk}/close", response=FeedbackRequestOut, summary="Close it without feedback")
def close_feedback_request(request: HttpRequest, pk: int, data: CloseIn):
    fields = cleaned(CloseForm(form_data(data.model_dump())))
    return services.feedback_request_close(
        feedback_request=_request(request, pk), status=fields["status"]
    )


@router.delete("/{int:pk}", response={204: None}, summary="Delete a feedback request")
def delete_feedback_request(request: HttpRequest, pk: int):
    services.feedback_request_delete(feedback_request=_request(request, pk))
    return Status(204, None)
