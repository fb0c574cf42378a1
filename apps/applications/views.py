from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from apps.accounts.selectors import user_by_calendar_token
from apps.applications import ics, selectors, services
from apps.applications.forms import (
    BULK_ARCHIVE,
    BULK_MOVE,
    ApplicationForm,
    BoardMoveForm,
    BulkForm,
    FilterForm,
    FollowUpForm,
    InterviewForm,
    MoveForm,
    OutcomeForm,
    StaleCloseForm,
)
from apps.applications.models import Application, Interview, Status
from apps.core.dates import today_for
from apps.core.forms import add_service_errors
from apps.core.htmx import HtmxHttpRequest, render_page_or_partial

PER_PAGE = 25
# The "show" filter's default, left out of addresses.
DEFAULT_SHOW = ("archived", "active")


def rejection_form_url(application: Application) -> str | None:
    """Where moving this application to "rejected" should take the person: the rejections
    app's form when it is installed (it records the move and starts the recovery plan),
    otherwise None, and the move is recorded here."""
    try:
        return reverse("rejections:log_for_application", kwargs={"pk": application.pk})
    except NoReverseMatch:
        return None


def _posted(request: HtmxHttpRequest):
    """The form data of a POST, even an empty one; None otherwise (an unbound form)."""
    return request.POST if request.method == "POST" else None


def _owned_application(request: HtmxHttpRequest, pk: int) -> Application:
    return get_object_or_404(
        Application.objects.for_user(request.user).select_related("company"), pk=pk
    )


def _go(request: HtmxHttpRequest, url: str) -> HttpResponse:
    """Send the person to another page, whether the request came from htmx or a plain form."""
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# Table ----------------------------------------------------------------------------------


def _table_context(request: HtmxHttpRequest, params: QueryDict) -> dict:
    today = today_for(request.user)
    filter_form = FilterForm(params)
    filters = filter_form.filters()
    rows = selectors.application_list(user=request.user, today=today, **filters)
    page = Paginator(rows, PER_PAGE).get_page(params.get("page"))
    # Links keep the filters that are set, and only those: tidy, bookmarkable addresses.
    query = QueryDict(mutable=True)
    for key, values in params.lists():
        if key != "page" and key in filter_form.fields:
            kept = [value for value in values if value and (key, value) != DEFAULT_SHOW]
            if kept:
                query.setlist(key, kept)
    return {
        "filter_form": filter_form,
        "filters": filters,
        "page": page,
        "params": query,
        "today": today,
        "sort": filters["sort"],
        "bulk_statuses": Status.choices,
        "filtered": any(value for key, value in filters.items() if key not in ("sort", "archived"))
        or filters["archived"] != "active",
    }


@require_GET
def application_list(request: HtmxHttpRequest) -> HttpResponse:
    context = _table_context(request, request.GET)
    response = render_page_or_partial(request, "applications/list.html", "results", context)
    if request.htmx and not request.htmx.history_restore_request:
        # The address bar shows the tidy query (no empty fields), whichever link or field
        # asked for this view, so it can be bookmarked and the back button returns to it.
        query = context["params"].copy()
        if context["page"].number > 1:
            query["page"] = context["page"].number
        response["HX-Push-Url"] = reverse("applications:list") + (
            f"?{query.urlencode()}" if query else ""
        )
    return response


@require_POST
def application_bulk(request: HtmxHttpRequest) -> HttpResponse:
    form = BulkForm(request.POST, user=request.user)
    params = QueryDict(request.POST.get("query", ""))
    list_url = reverse("applications:list") + (f"?{params.urlencode()}" if params else "")
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        if not request.htmx:
            return redirect(list_url)
        return render_page_or_partial(
            request, "applications/list.html", "results", _table_context(request, params)
        )
    selected = list(form.cleaned_data["ids"])
    action = form.cleaned_data["action"]
    if action == BULK_MOVE:
        status = form.cleaned_data["status"]
        if status == Status.REJECTED and (url := rejection_form_url(selected[0])):
            if len(selected) > 1:
                messages.info(
                    request,
                    "Rejections are logged one at a time, so each gets its own plan. "
                    f"Here is the first; the other {len(selected) - 1} are unchanged for now.",
                )
            return _go(request, url)
        moved = services.applications_bulk_move(
            owner=request.user,
            ids=[a.pk for a in selected],
            status=status,
            on=today_for(request.user),
        )
        messages.success(request, f"Moved {moved} to “{Status(status).label}”.")
    else:
        archived = action == BULK_ARCHIVE
        changed = services.applications_set_archived(
            owner=request.user, ids=[a.pk for a in selected], archived=archived
        )
        verb = "Archived" if archived else "Brought back"
        messages.success(request, f"{verb} {changed}.")
    if not request.htmx:
        return redirect(list_url)
    return render_page_or_partial(
        request, "applications/list.html", "results", _table_context(request, params)
    )


# Board ----------------------------------------------------------------------------------


def _board_context(request: HtmxHttpRequest) -> dict:
    return {
        "board": selectors.board(user=request.user),
        "today": today_for(request.user),
        "statuses": Status.choices,
    }


@require_GET
def application_board(request: HtmxHttpRequest) -> HttpResponse:
    return render_page_or_partial(
        request, "applications/board.html", "board", _board_context(request)
    )


@require_POST
def application_board_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    form = BoardMoveForm(request.POST)
    announcement = ""
    if not form.is_valid():
        announcement = "That stage was not recognised. Nothing changed."
    else:
        status = form.cleaned_data["status"]
        if status == Status.REJECTED and (url := rejection_form_url(application)):
            return _go(request, url)
        if status == application.status:
            announcement = f"{application} is already at “{application.get_status_display()}”."
        else:
            try:
                services.application_move(
                    application=application, status=status, on=today_for(request.user)
                )
            except ValidationError as error:
                announcement = " ".join(error.messages) + " Nothing changed."
            else:
                announcement = f"Moved {application} to “{application.get_status_display()}”."
    if not request.htmx:
        messages.info(request, announcement)
        return redirect("applications:board")
    context = {**_board_context(request), "announcement": announcement}
    return render(request, "applications/board.html#board", context)


# Create, read, update, delete -----------------------------------------------------------


def _application_kwargs(form: ApplicationForm) -> dict:
    data = dict(form.cleaned_data)
    data.pop("status", None)
    return data


@require_http_methods(["GET", "POST"])
def application_create(request: HtmxHttpRequest) -> HttpResponse:
    today = today_for(request.user)
    initial = ApplicationForm.initial_from_query(request.GET)
    form = ApplicationForm(_posted(request), today=today, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                owner=request.user,
                status=form.cleaned_data["status"],
                **_application_kwargs(form),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Added {application}.")
            return redirect(application)
    return render(request, "applications/form.html", {"form": form, "application": None})


@require_http_methods(["GET", "POST"])
def application_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    form = ApplicationForm(_posted(request), instance=application, today=today_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.application_update(application=application, **_application_kwargs(form))
        except services.EditConflict as conflict:
            # Show the person's version again, stamped with the current one, so saving
            # once more (after a look) keeps their changes.
            data = request.POST.copy()
            data["version"] = services.application_version(conflict.current)
            form = ApplicationForm(data, instance=conflict.current, today=today_for(request.user))
            form.is_valid()
            form.add_error(None, conflict)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Changes saved.")
            return redirect(application)
    return render(request, "applications/form.html", {"form": form, "application": application})


@require_http_methods(["GET", "POST"])
def application_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    if request.method == "POST":
        name = str(application)
        services.application_delete(application=application)
        messages.success(request, f"Deleted {name} and its history.")
        return redirect("applications:list")
    return render(request, "applications/delete.html", {"application": application})


def _detail_context(request: HtmxHttpRequest, application: Application, **forms) -> dict:
    today = today_for(request.user)
    return {
        "application": application,
        "today": today,
        "days_since_move": (today - application.status_changed_on).days,
        "timeline": selectors.application_history(application=application),
        "interviews": selectors.application_interviews(application=application),
        "move_form": forms.get("move_form") or MoveForm(application=application, today=today),
        "follow_up_form": forms.get("follow_up_form")
        or FollowUpForm(today=today, initial={"next_follow_up_on": application.next_follow_up_on}),
        "outcome_choices": OutcomeForm.base_fields["outcome"].choices,
        "rejection_url": rejection_form_url(application),
    }


@require_GET
def application_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    return render(request, "applications/detail.html", _detail_context(request, application))


@require_POST
def application_move(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    today = today_for(request.user)
    form = MoveForm(request.POST, application=application, today=today)
    if form.is_valid():
        status = form.cleaned_data["status"]
        if status == Status.REJECTED and (url := rejection_form_url(application)):
            return _go(request, url)
        try:
            services.application_move(
                application=application,
                status=status,
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, f"Moved to “{application.get_status_display()}”.")
                return redirect(application)
            context = _detail_context(request, application)
            context["moved"] = True
            return render(request, "applications/detail.html#pipeline", context)
    context = _detail_context(request, application, move_form=form)
    return render_page_or_partial(request, "applications/detail.html", "pipeline", context)


@require_POST
def application_follow_up(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    form = FollowUpForm(request.POST, today=today_for(request.user))
    saved = False
    if form.is_valid():
        services.application_set_follow_up(
            application=application, on=form.cleaned_data["next_follow_up_on"]
        )
        saved = True
        if not request.htmx:
            messages.success(request, "Follow-up date saved.")
            return redirect(application)
    context = _detail_context(request, application, follow_up_form=form if not saved else None)
    context["follow_up_saved"] = saved
    return render_page_or_partial(request, "applications/detail.html", "follow-up", context)


# Interviews -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def interview_create(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    application = _owned_application(request, pk)
    form = InterviewForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.interview_schedule(
                application=application,
                scheduled_at=data["scheduled_at"],
                kind=data["kind"],
                with_whom=data["with_whom"],
                notes=data["notes"],
                round_number=data["round_number"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Interview added. It is in your calendar feed too.")
            return redirect(application)
    context = {"form": form, "application": application, "interview": None}
    return render(request, "applications/interview_form.html", context)


@require_http_methods(["GET", "POST"])
def interview_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    interview = get_object_or_404(
        Interview.objects.for_user(request.user).select_related("application__company"), pk=pk
    )
    form = InterviewForm(_posted(request), instance=interview)
    if request.method == "POST" and form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k in services.INTERVIEW_FIELDS}
        try:
            services.interview_update(interview=interview, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Interview saved.")
            return redirect(interview.application)
    context = {"form": form, "application": interview.application, "interview": interview}
    return render(request, "applications/interview_form.html", context)


@require_POST
def interview_outcome(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    interview = get_object_or_404(
        Interview.objects.for_user(request.user).select_related("application__company"), pk=pk
    )
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.interview_record_outcome(interview=interview, outcome=form.cleaned_data["outcome"])
        if not request.htmx:
            messages.success(request, "Outcome saved.")
            return redirect(interview.application)
    elif not request.htmx:
        messages.error(request, "Choose one of the outcomes.")
        return redirect(interview.application)
    context = _detail_context(request, interview.application)
    context["saved_interview"] = interview.pk if form.is_valid() else None
    return render(request, "applications/detail.html#interviews", context)


@require_POST
def interview_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    interview = get_object_or_404(
        Interview.objects.for_user(request.user).select_related("application__company"), pk=pk
    )
    application = interview.application
    services.interview_delete(interview=interview)
    messages.success(request, "Interview removed.")
    return redirect(application)


# No-response closure --------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def stale_list(request: HtmxHttpRequest) -> HttpResponse:
    today = today_for(request.user)
    stale = selectors.stale_applications(user=request.user, today=today)
    form = StaleCloseForm(_posted(request), stale=stale)
    if request.method == "POST" and form.is_valid():
        closed = services.applications_bulk_move(
            owner=request.user,
            ids=[a.pk for a in form.cleaned_data["ids"]],
            status=Status.NO_RESPONSE,
            on=today,
            note=f"Closed after {request.user.stale_after_days} days without news.",
        )
        messages.success(
            request,
            f"Closed {closed} as “no response”. Silence is an answer about their process, "
            "not about you.",
        )
        return redirect("applications:stale")
    context = {
        "form": form,
        "stale": list(stale.select_related("company")),
        "today": today,
        "days": request.user.stale_after_days,
    }
    return render(request, "applications/stale.html", context)


# Calendar feed --------------------------------------------------------------------------


@login_not_required
@require_GET
@never_cache
def calendar_feed(request: HtmxHttpRequest, token: str) -> HttpResponse:
    owner = user_by_calendar_token(token)
    if owner is None:
        raise Http404("No such calendar.")
    body = ics.calendar_feed(owner=owner, link=request.build_absolute_uri)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rebound.ics"'
    return response


@require_POST
def calendar_regenerate(request: HtmxHttpRequest) -> HttpResponse:
    services.calendar_token_regenerate(user=request.user)
    messages.success(
        request,
        "Your calendar feed has a new address. The old one no longer works: "
        "update it in your calendar app.",
    )
    return redirect("accounts:settings")
