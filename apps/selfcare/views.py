from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django_htmx.http import trigger_client_event

from apps.applications.stages import rejection_days
from apps.core.dates import today_for
from apps.core.htmx import HtmxHttpRequest, safe_next_url
from apps.selfcare import selectors, services
from apps.selfcare.forms import CheckInDetailsForm, CheckInForm, QuickCheckInForm
from apps.selfcare.models import CheckIn
from apps.selfcare.templatetags.selfcare import panel_context

MOOD_MISSING = "Choose one of the moods."


@require_http_methods(["GET", "POST"])
def checkin(request: HtmxHttpRequest) -> HttpResponse:
    """Save today's check-in. The panel's mood buttons post only a mood ("quick"); the
    details form posts the whole check-in. htmx gets the panel back; without JavaScript
    the person goes back to the page they came from, or sees this page with what to fix."""
    user = request.user
    today = today_for(user)
    next_url = safe_next_url(request, fallback=reverse("dashboard:home"))
    existing = selectors.checkin_for_day(owner=user, day=today)
    if request.method == "GET":
        return _checkin_page(request, CheckInForm(instance=existing), existing, next_url)

    quick = request.POST.get("quick") == "1"
    if quick:
        form = QuickCheckInForm(request.POST)
    else:
        form_class = CheckInDetailsForm if request.POST.get("in_panel") == "1" else CheckInForm
        form = form_class(request.POST, instance=existing or CheckIn(owner=user, date=today))
    saved = None
    if form.is_valid():
        details = {} if quick else form.details()
        saved = services.checkin_save(owner=user, mood=form.cleaned_data["mood"], **details)

    if request.htmx:
        panel = selectors.checkin_panel(owner=user, today=today)
        details_form = None
        if saved is None and not quick:
            details_form = form
            details_form.auto_id = "checkin_%s"
        context = panel_context(
            panel,
            user=user,
            csrf_token=get_token(request),
            next_url=next_url,
            form=details_form,
            saved=saved is not None,
            error=MOOD_MISSING if quick and saved is None else "",
        )
        response = render(request, "selfcare/includes/checkin_panel.html", context)
        if saved is not None:
            trigger_client_event(response, "checkin-saved", {"mood": saved.mood})
        return response

    if saved is not None:
        messages.success(request, "Check-in saved. Thank you for taking a moment for yourself.")
        return redirect(next_url)
    if quick:  # only a tampered mood button gets here
        return _checkin_page(
            request, CheckInForm(instance=existing), existing, next_url, error=MOOD_MISSING
        )
    return _checkin_page(request, form, existing, next_url)


def _checkin_page(request, form, existing, next_url: str, *, error: str = "") -> HttpResponse:
    context = {
        "form": form,
        "checkin": existing,
        "next_url": next_url,
        "today": today_for(request.user),
        "error": error,
    }
    return render(request, "selfcare/checkin.html", context)


@require_GET
def history(request: HtmxHttpRequest) -> HttpResponse:
    user = request.user
    today = today_for(user)
    # From the applications' history (a move to "rejected" is dated the day the person heard),
    # so self-care depends on applications only, and the recovery plan can depend on self-care.
    rejection_dates = rejection_days(user=user)
    context = {
        "panel": selectors.checkin_panel(owner=user, today=today),
        "history": selectors.mood_history(owner=user, today=today, rejection_dates=rejection_dates),
        "today": today,
    }
    return render(request, "selfcare/history.html", context)
