from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from apps.applications.selectors import applications_for
from apps.contacts.selectors import contacts_for
from apps.core.dates import today_for
from apps.core.forms import add_service_errors, parse_id
from apps.core.htmx import HtmxHttpRequest, render_page_or_partial
from apps.feedback import selectors, services
from apps.feedback.drafts import follow_up_draft_for, request_draft_for
from apps.feedback.forms import (
    AnswerForm,
    CloseForm,
    FeedbackCreateForm,
    FeedbackEditForm,
    FeedbackFilterForm,
    MarkSentForm,
)
from apps.feedback.models import FeedbackRequest, RequestStatus

PAGE_SIZE = 25


def _recipient_name(feedback_request: FeedbackRequest) -> str:
    return feedback_request.contact.name if feedback_request.contact else ""


def _owned_request(request: HtmxHttpRequest, pk: int) -> FeedbackRequest:
    rows = FeedbackRequest.objects.for_user(request.user).select_related(
        "application__company", "contact"
    )
    return get_object_or_404(rows, pk=pk)


@require_GET
def request_list(request: HtmxHttpRequest) -> HttpResponse:
    form = FeedbackFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.feedback_requests_for(
        user=request.user,
        status=filters.get("status") or None,
        due_only=filters.get("due", False),
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    answered, sent = selectors.response_rate(user=request.user)
    context = {
        "form": form,
        "page": page,
        "filtered": bool(filters.get("status") or filters.get("due")),
        "answered": answered,
        "sent": sent,
        "today": today_for(request.user),
    }
    return render_page_or_partial(request, "feedback/list.html", "table", context)


@require_http_methods(["GET", "POST"])
def request_create(request: HtmxHttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = FeedbackCreateForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                feedback_request = services.feedback_request_create(
                    owner=request.user,
                    application=form.cleaned_data["application"],
                    channel=form.cleaned_data["channel"],
                    contact=form.cleaned_data.get("contact"),
                    message=form.cleaned_data["message"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    "Your request is ready. Copy the message, send it your way, "
                    "then mark it as sent.",
                )
                return redirect(feedback_request)
        return render(request, "feedback/create.html", {"form": form})

    # GET: ?application=<id> (and &contact=<id>) choose what to draft for. The page's selects
    # ask for the same thing through htmx and swap in only the message box.
    form = FeedbackCreateForm(user=request.user)
    application = _owned_from_query(request, applications_for(user=request.user), "application")
    contact = _owned_from_query(request, contacts_for(owner=request.user), "contact")
    if application is not None:
        form.initial = {
            "application": application.pk,
            "contact": contact.pk if contact else None,
            "message": request_draft_for(
                application=application,
                person_name=request.user.name,
                recipient_name=contact.name if contact else "",
            ),
        }
    context = {"form": form}
    return render_page_or_partial(request, "feedback/create.html", "draft", context)


def _owned_from_query(request: HtmxHttpRequest, owned: QuerySet, key: str):
    """The object among the person's own whose id is in the query string under key, or None."""
    pk = parse_id(request.GET.get(key))
    return None if pk is None else owned.filter(pk=pk).first()


def _detail_context(request: HtmxHttpRequest, feedback_request: FeedbackRequest, **forms) -> dict:
    today = today_for(request.user)
    follow_up_due = feedback_request.follow_up_is_due(today)
    context = {
        "feedback_request": feedback_request,
        "application": feedback_request.application,
        "today": today,
        "follow_up_due": follow_up_due,
        "follow_up_draft": (
            follow_up_draft_for(
                feedback_request=feedback_request,
                person_name=request.user.name,
                recipient_name=_recipient_name(feedback_request),
            )
            if follow_up_due
            else ""
        ),
        "sent_form": forms.get("sent_form") or MarkSentForm(initial={"asked_on": today}),
        "close_error": forms.get("close_error", ""),
    }
    return context


def _detail_response(
    request: HtmxHttpRequest, feedback_request: FeedbackRequest, **forms
) -> HttpResponse:
    context = _detail_context(request, feedback_request, **forms)
    return render_page_or_partial(request, "feedback/detail.html", "request", context)


@require_GET
def request_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    return _detail_response(request, feedback_request)


@require_POST
def request_mark_sent(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    form = MarkSentForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_request_mark_sent(
                feedback_request=feedback_request,
                asked_on=form.cleaned_data["asked_on"],
                follow_up_on=form.cleaned_data["follow_up_on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            feedback_request.refresh_from_db()
        else:
            if not request.htmx:
                messages.success(request, "Marked as sent. Well done for asking.")
                return redirect(feedback_request)
            return _detail_response(request, feedback_request)
    return _detail_response(request, feedback_request, sent_form=form)


@require_POST
def request_close(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    form = CloseForm(request.POST)
    error_text = ""
    if form.is_valid():
        try:
            services.feedback_request_close(
                feedback_request=feedback_request, status=form.cleaned_data["status"]
            )
        except ValidationError as error:
            error_text = " ".join(error.messages)
            feedback_request.refresh_from_db()
        else:
            if not request.htmx:
                messages.info(request, "Closed. Asking was the right move either way.")
                return redirect(feedback_request)
            return _detail_response(request, feedback_request)
    else:
        error_text = " ".join(message for errors in form.errors.values() for message in errors)
    return _detail_response(request, feedback_request, close_error=error_text)


@require_http_methods(["GET", "POST"])
def request_answer(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    if request.method == "POST":
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.feedback_request_record_answer(
                    feedback_request=feedback_request, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
                feedback_request.refresh_from_db()
            else:
                messages.success(request, "Saved. Thank you for writing it down.")
                return redirect(feedback_request)
    else:
        initial = {"answered_on": feedback_request.answered_on or today_for(request.user)}
        if feedback_request.status == RequestStatus.ANSWERED:
            initial |= {
                "what_they_said": feedback_request.what_they_said,
                "my_takeaways": feedback_request.my_takeaways,
                "tone": feedback_request.tone,
            }
        form = AnswerForm(initial=initial)
    context = {"feedback_request": feedback_request, "form": form}
    return render(request, "feedback/answer.html", context)


@require_http_methods(["GET", "POST"])
def request_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    if request.method == "POST":
        form = FeedbackEditForm(request.POST, feedback_request=feedback_request)
        if form.is_valid():
            try:
                services.feedback_request_update(
                    feedback_request=feedback_request, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
                feedback_request.refresh_from_db()
            else:
                messages.success(request, "Changes saved.")
                return redirect(feedback_request)
    else:
        initial = {name: getattr(feedback_request, name) for name in services.UPDATABLE_FIELDS}
        form = FeedbackEditForm(initial=initial, feedback_request=feedback_request)
    context = {"feedback_request": feedback_request, "form": form}
    return render(request, "feedback/edit.html", context)


@require_http_methods(["GET", "POST"])
def request_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    feedback_request = _owned_request(request, pk)
    if request.method == "POST":
        services.feedback_request_delete(feedback_request=feedback_request)
        messages.info(request, "The feedback request has been deleted.")
        return redirect("feedback:list")
    return render(request, "feedback/delete.html", {"feedback_request": feedback_request})


@require_POST
def request_ask(request: HtmxHttpRequest, application_pk: int) -> HttpResponse:
    """One click from an application (or a recovery step): its open request, or a new one
    with the message drafted, then straight to it."""
    application = get_object_or_404(applications_for(user=request.user), pk=application_pk)
    feedback_request, created = services.feedback_request_start(
        owner=request.user, application=application
    )
    if created:
        messages.success(
            request, "Your request is drafted. Copy it, send it your way, then mark it as sent."
        )
    else:
        messages.info(request, "You already have a request going for this application; here it is.")
    if request.htmx:
        return HttpResponseClientRedirect(feedback_request.get_absolute_url())
    return redirect(feedback_request)
