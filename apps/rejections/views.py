from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from apps.applications import stages
from apps.applications.selectors import applications_for
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for
from apps.core.forms import add_service_errors
from apps.core.htmx import HtmxHttpRequest, render_page_or_partial, safe_next_url
from apps.rejections import selectors, services
from apps.rejections.forms import (
    QuickLogForm,
    ReflectionForm,
    RejectionForm,
    RestForm,
    StepStateForm,
)
from apps.rejections.models import Move, RecoveryStep, Rejection

REJECTION_LOGGED = "rejection-logged"
STEP_CHANGED = "recovery-step-changed"


def _plan_logged_response(request: HtmxHttpRequest, rejection: Rejection) -> HttpResponse:
    messages.success(
        request,
        f"Logged. That one stings; here is a plan for the next few days, "
        f"starting with {rejection.application.company.name}.",
    )
    target = reverse("dashboard:home") + "#recovery-plan"
    if request.htmx:
        return HttpResponseClientRedirect(target)
    return redirect(target)


@require_http_methods(["GET", "POST"])
def log_for_application(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Log the rejection of an application already tracked: from the board, the table or
    the application's page."""
    application = get_object_or_404(applications_for(user=request.user), pk=pk)
    rejection = selectors.rejection_of(application=application)
    if rejection is not None and request.method == "POST":
        # A second click after the first was saved: the same answer as the first.
        return _plan_logged_response(request, rejection)
    if rejection is not None:
        return redirect(rejection.get_absolute_url())
    today = today_for(request.user)
    form = RejectionForm(
        request.POST or None,
        initial={"received_on": today, "stage_reached": stages.stage_reached(application)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            rejection = services.rejection_log(
                application=application, **{k: form.cleaned_data[k] for k in form.Meta.fields}
            )
        except services.RejectionAlreadyLogged as done:
            # A second click while the first was saving: the same answer as the first.
            return _plan_logged_response(request, done.rejection)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _plan_logged_response(request, rejection)
    return render(
        request,
        "rejections/log_for_application.html",
        {"form": form, "application": application},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def quick_log(request: HtmxHttpRequest) -> HttpResponse:
    """The dashboard's quick form. By htmx it answers with a fresh form and the
    rejection-logged event, and the plan panel fetches itself; without JavaScript it
    redirects to the dashboard."""
    today = today_for(request.user)
    form = QuickLogForm(request.POST or None, user=request.user, initial={"received_on": today})
    logged = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            application = data["application"] or selectors.open_application_named(
                user=request.user, company_name=data["company_name"], role_title=data["role_title"]
            )
            if application is not None:
                logged = services.rejection_log(
                    application=application,
                    received_on=data["received_on"],
                    stage_reached=data["stage_reached"] or None,
                    feeling=data["feeling"],
                )
            else:
                logged = services.rejection_log_new(
                    owner=request.user,
                    company_name=data["company_name"],
                    role_title=data["role_title"],
                    received_on=data["received_on"],
                    stage_reached=data["stage_reached"] or stages.StageReached.APPLIED,
                    feeling=data["feeling"],
                )
        except services.RejectionAlreadyLogged as done:
            logged = done.rejection
        except ValidationError as error:
            add_service_errors(form, error)
    if logged is not None and not request.htmx:
        return _plan_logged_response(request, logged)
    if logged is not None:
        form = QuickLogForm(user=request.user, initial={"received_on": today})
    context = {"quick_form": form, "logged": logged}
    response = render_page_or_partial(
        request,
        "rejections/quick_log.html",
        "quick-log",
        context,
        status=422 if form.errors and not request.htmx else 200,
    )
    if logged is not None:
        trigger_client_event(response, REJECTION_LOGGED, {"id": logged.pk})
    return response


@require_GET
def example_plan(request: HtmxHttpRequest) -> HttpResponse:
    """What Rebound does with a "no", shown before there is one of the person's own."""
    return render(request, "rejections/example.html")


@require_GET
def plan_panel(request: HtmxHttpRequest) -> HttpResponse:
    """The dashboard's recovery plan panel on its own, fetched when a rejection is logged."""
    today = today_for(request.user)
    panel = selectors.plan_panel(user=request.user, today=today)
    return render(request, "rejections/_plan_panel.html", {"panel": panel, "today": today})


@require_GET
def plan_body(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A folded plan of the dashboard's panel, fetched when the person opens it (without
    JavaScript the folded plan offers the link to the whole plan instead)."""
    rejection = get_object_or_404(
        Rejection.objects.for_user(request.user).select_related(
            "application__company", "reflection"
        ),
        pk=pk,
    )
    today = today_for(request.user)
    panel = selectors.plan_body(user=request.user, today=today, rejection=rejection)
    context = {"panel": panel, "plan": panel.plans[0], "today": today}
    return render(request, "rejections/_plan_panel.html#plan-body", context)


@require_GET
def rejection_list(request: HtmxHttpRequest) -> HttpResponse:
    rows = selectors.rejections_for(user=request.user).order_by("-received_on", "-id")
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return render_page_or_partial(
        request, "rejections/list.html", "rejection-table", {"page": page}
    )


@require_GET
def detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    rejection = get_owned_or_404(Rejection, request.user, pk=pk)
    today = today_for(request.user)
    panel = selectors.full_plan(user=request.user, today=today, rejection=rejection)
    return render(
        request,
        "rejections/detail.html",
        {"rejection": rejection, "panel": panel, "plan": panel.plans[0], "today": today},
    )


@require_http_methods(["GET", "POST"])
def edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    rejection = get_owned_or_404(Rejection, request.user, pk=pk)
    form = RejectionForm(request.POST or None, instance=rejection)
    if request.method == "POST" and form.is_valid():
        try:
            services.rejection_update(
                rejection=rejection, **{k: form.cleaned_data[k] for k in form.Meta.fields}
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved.")
            return redirect(rejection.get_absolute_url())
    return render(request, "rejections/edit.html", {"form": form, "rejection": rejection})


@require_http_methods(["GET", "POST"])
def reflect(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    rejection = get_owned_or_404(Rejection, request.user, pk=pk)
    existing = getattr(rejection, "reflection", None)
    form = ReflectionForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        services.rejection_reflect(rejection=rejection, **form.cleaned_data)
        messages.success(request, "Thank you for taking a moment with this. Saved.")
        return redirect(rejection.get_absolute_url())
    context = {
        "form": form,
        "rejection": rejection,
        "applied_fit": selectors.applied_fit(rejection),
    }
    return render(request, "rejections/reflect.html", context)


def _render_step(request: HtmxHttpRequest, step: RecoveryStep) -> HttpResponse:
    today = today_for(request.user)
    panel = selectors.step_action(user=request.user, today=today, step=step)
    # The step keeps the heading level of the page it sits on (3 on the plan page).
    asked = request.POST.get("heading_level") or request.GET.get("heading_level")
    level = 3 if asked == "3" else 4
    context = {"step": step, "panel": panel, "today": today, "step_heading_level": level}
    return render(request, "rejections/_step.html", context)


def _step_response(request: HtmxHttpRequest, step: RecoveryStep) -> HttpResponse:
    if not request.htmx:
        return redirect(safe_next_url(request, fallback=reverse("dashboard:home")))
    response = _render_step(request, step)
    return trigger_client_event(response, STEP_CHANGED, {"id": step.pk})


@require_GET
def step_card(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """One step on its own: the self-care and motivation steps fetch themselves when a
    check-in is saved, since they show today's check-in and the streak."""
    return _render_step(request, get_owned_or_404(RecoveryStep, request.user, pk=pk))


@require_POST
def step_update(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    step = get_owned_or_404(RecoveryStep, request.user, pk=pk)
    form = StepStateForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose done, skipped or to do.", status=400)
    services.recovery_step_set_state(step=step, state=form.cleaned_data["state"])
    return _step_response(request, step)


@require_POST
def step_rest(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The "give yourself time" move: a rest of one to three days."""
    step = get_owned_or_404(RecoveryStep, request.user, pk=pk, move=Move.PROCESS)
    form = RestForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Choose 1, 2 or 3 days.", status=400)
    services.recovery_step_rest(owner=request.user, step=step, days=form.cleaned_data["days"])
    if not request.htmx:
        messages.success(request, "You are resting. Rebound will keep quiet until you are back.")
    return _step_response(request, step)


@require_POST
def step_ask_feedback(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """The "ask for feedback" move in one click: a drafted request for this application."""
    step = get_owned_or_404(RecoveryStep, request.user, pk=pk, move=Move.ASK_FEEDBACK)
    feedback_request = services.feedback_request_for_step(step=step)
    target = reverse("feedback:detail", kwargs={"pk": feedback_request.pk})
    if request.htmx:
        return HttpResponseClientRedirect(target)
    return redirect(target)


@require_GET
def insights(request: HtmxHttpRequest) -> HttpResponse:
    today = today_for(request.user)
    context = {"insights": selectors.rejection_insights(user=request.user, today=today)}
    return render(request, "rejections/insights.html", context)
