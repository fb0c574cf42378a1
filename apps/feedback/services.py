"""Writes of the feedback domain: one transaction each, validated before anything is saved."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format

from apps.applications.models import Application
from apps.applications.services import application_lock
from apps.core.dates import today_for
from apps.feedback.drafts import request_draft_for
from apps.feedback.models import (
    REPLIED_STATUSES,
    Channel,
    FeedbackRequest,
    RequestStatus,
    Tone,
)
from apps.feedback.selectors import open_request_for

# A week is long enough not to crowd someone and short enough that the request is still fresh.
FOLLOW_UP_AFTER_DAYS = 7

# What feedback_request_update may change. Status moves only through the services below.
UPDATABLE_FIELDS = (
    "channel",
    "contact",
    "message",
    "asked_on",
    "follow_up_on",
    "answered_on",
    "what_they_said",
    "my_takeaways",
    "tone",
)
CLOSING_STATUSES = (RequestStatus.DECLINED, RequestStatus.NO_ANSWER)


def _day(value: datetime.date) -> str:
    return date_format(value, "j F Y")


def _check_owner(owner, *, application: Application, contact) -> None:
    if application.owner_id != owner.pk:
        raise ValidationError({"application": "Choose one of your own applications."})
    if contact is not None and contact.owner_id != owner.pk:
        raise ValidationError({"contact": "Choose one of your own contacts."})


def _validate(feedback_request: FeedbackRequest) -> None:
    """The date and status rules, with a message on the field that needs changing.

    The database enforces the same invariants; this says what went wrong in plain words."""
    request = feedback_request
    today = today_for(request.owner)
    errors: dict[str, str] = {}
    if request.status == RequestStatus.DRAFT:
        if request.asked_on is not None:
            errors["asked_on"] = "Mark the request as sent to set the date you asked."
    elif request.asked_on is None:
        errors["asked_on"] = "Enter the date you asked."
    elif request.asked_on > today:
        errors["asked_on"] = "The date you asked cannot be in the future."

    if request.status in REPLIED_STATUSES:
        if request.answered_on is None:
            errors["answered_on"] = "Enter the date they replied."
        elif request.answered_on > today:
            errors["answered_on"] = "The reply cannot be dated in the future."
        elif request.asked_on is not None and request.answered_on < request.asked_on:
            errors["answered_on"] = (
                f"You asked on {_day(request.asked_on)}; the reply cannot come before that."
            )
    elif request.answered_on is not None:
        errors["answered_on"] = "Only a reply has a reply date."

    if (
        request.follow_up_on is not None
        and request.asked_on is not None
        and request.follow_up_on < request.asked_on
    ):
        errors["follow_up_on"] = (
            f"You asked on {_day(request.asked_on)}; choose that day or later to follow up."
        )

    if request.status == RequestStatus.ANSWERED:
        if request.tone not in Tone.values:
            errors["tone"] = "Choose how the feedback came across."
        if not request.what_they_said.strip():
            errors["what_they_said"] = "Write down what they said, even in a few words."
    if errors:
        raise ValidationError(errors)


TEXT_FIELDS = ("message", "what_they_said", "my_takeaways")


def _save(feedback_request: FeedbackRequest) -> FeedbackRequest:
    # Browsers post text boxes with CRLF line ends; store plain newlines so the copied
    # message is the same text whichever way it came in.
    for field in TEXT_FIELDS:
        value = getattr(feedback_request, field) or ""
        setattr(feedback_request, field, value.replace("\r\n", "\n").replace("\r", "\n"))
    _validate(feedback_request)
    feedback_request.full_clean()
    feedback_request.save()
    return feedback_request


@transaction.atomic
def feedback_request_create(
    *,
    owner,
    application: Application,
    channel: str = Channel.EMAIL,
    contact=None,
    message: str | None = None,
) -> FeedbackRequest:
    """A new draft request for one of the person's applications.

    With no message (or a blank one), Rebound drafts it from the application: the person's
    name, the role, the company and how far the application got.
    """
    _check_owner(owner, application=application, contact=contact)
    if message is None or not message.strip():
        message = request_draft_for(
            application=application,
            person_name=owner.name,
            recipient_name=contact.name if contact else "",
        )
    feedback_request = FeedbackRequest(
        owner=owner,
        application=application,
        channel=channel,
        contact=contact,
        message=message,
    )
    return _save(feedback_request)


@transaction.atomic
def feedback_request_start(*, owner, application: Application) -> tuple[FeedbackRequest, bool]:
    """The one-click "ask for feedback": the application's request that is still a draft or
    waiting for an answer, if there is one, otherwise a new drafted request.

    Returns (request, created). Two clicks at once make one request: the application row is
    locked while we look.
    """
    _check_owner(owner, application=application, contact=None)
    application_lock(application=application)
    existing = open_request_for(application)
    if existing is not None:
        return existing, False
    return feedback_request_create(owner=owner, application=application), True


@transaction.atomic
def feedback_request_update(*, feedback_request: FeedbackRequest, **fields) -> FeedbackRequest:
    """Edit a request's details. Its status changes through mark_sent, record_answer and
    close; the dates given here must still fit the status it is in."""
    unknown = set(fields) - set(UPDATABLE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if "contact" in fields:
        _check_owner(
            feedback_request.owner,
            application=feedback_request.application,
            contact=fields["contact"],
        )
    for field, value in fields.items():
        setattr(feedback_request, field, value)
    return _save(feedback_request)


@transaction.atomic
def feedback_request_mark_sent(
    *,
    feedback_request: FeedbackRequest,
    asked_on: datetime.date | None = None,
    follow_up_on: datetime.date | None = None,
) -> FeedbackRequest:
    """The person has sent their request: remember when (today unless they say otherwise)
    and when to follow up (a week later unless they choose)."""
    if feedback_request.status != RequestStatus.DRAFT:
        raise ValidationError(
            {"status": f"This request is already marked “{feedback_request.get_status_display()}”."}
        )
    asked_on = asked_on or today_for(feedback_request.owner)
    feedback_request.status = RequestStatus.SENT
    feedback_request.asked_on = asked_on
    feedback_request.follow_up_on = follow_up_on or asked_on + datetime.timedelta(
        days=FOLLOW_UP_AFTER_DAYS
    )
    return _save(feedback_request)


@transaction.atomic
def feedback_request_record_answer(
    *,
    feedback_request: FeedbackRequest,
    what_they_said: str,
    my_takeaways: str = "",
    tone: str,
    answered_on: datetime.date | None = None,
) -> FeedbackRequest:
    """Record the feedback that came back (today unless dated otherwise).

    Works from any status: a reply can arrive after a request was closed as "no answer",
    and a request made and answered in one phone call never sat in "sent" (it counts as
    asked the day it was answered).
    """
    answered_on = answered_on or today_for(feedback_request.owner)
    if feedback_request.asked_on is None:
        feedback_request.asked_on = answered_on
    feedback_request.status = RequestStatus.ANSWERED
    feedback_request.answered_on = answered_on
    feedback_request.what_they_said = what_they_said
    feedback_request.my_takeaways = my_takeaways
    feedback_request.tone = tone
    return _save(feedback_request)


@transaction.atomic
def feedback_request_close(
    *,
    feedback_request: FeedbackRequest,
    status: str,
    on: datetime.date | None = None,
) -> FeedbackRequest:
    """Close a sent request without feedback: they replied that they would rather not
    ("declined", dated `on`, today by default) or nothing came back ("no_answer")."""
    if status not in CLOSING_STATUSES:
        raise ValidationError({"status": "Choose “they preferred not to” or “no answer”."})
    if feedback_request.status not in (RequestStatus.SENT, *CLOSING_STATUSES):
        raise ValidationError(
            {
                "status": f"This request is “{feedback_request.get_status_display()}”; only a sent "
                "request can be closed this way."
            }
        )
    feedback_request.status = status
    if status == RequestStatus.DECLINED:
        feedback_request.answered_on = on or today_for(feedback_request.owner)
    else:
        feedback_request.answered_on = None
    return _save(feedback_request)


@transaction.atomic
def feedback_request_delete(*, feedback_request: FeedbackRequest) -> None:
    feedback_request.delete()
