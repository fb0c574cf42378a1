from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.core.dates import today_for
from apps.dashboard import selectors
from apps.inbox.selectors import waiting_count
from apps.rejections.forms import QuickLogForm
from apps.rejections.selectors import plan_panel
from apps.selfcare.forms import checkin_panel_context
from apps.selfcare.selectors import checkin_panel


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/landing.html")
    user = request.user
    today = today_for(user)
    pipeline = selectors.pipeline(user=user)
    checkin = checkin_panel(owner=user, today=today)  # read once: the plan's moves use it too
    context = {
        "today": today,
        "resting": user.is_resting_on(today),
        "has_applications": pipeline.total > 0,
        "pipeline": pipeline,
        "week": selectors.week_panel(user=user, today=today),
        "due": selectors.due_panel(user=user, today=today),
        "panel": plan_panel(user=user, today=today, checkin=checkin),
        "quick_form": QuickLogForm(user=user, initial={"received_on": today}),
        **checkin_panel_context(checkin),
        "inbox_waiting": waiting_count(user=user, today=today),
    }
    return render(request, "dashboard/home.html", context)


# Panels that fetch themselves when another panel's write changes what they show.


@require_GET
def pipeline_panel(request: HttpRequest) -> HttpResponse:
    """The pipeline on its own, fetched when a rejection is logged on the dashboard."""
    return render(
        request, "dashboard/_pipeline.html", {"pipeline": selectors.pipeline(user=request.user)}
    )


@require_GET
def follow_ups_panel(request: HttpRequest) -> HttpResponse:
    """The follow-ups on their own, fetched when a recovery step changes (a rest quiets them)."""
    due = selectors.due_panel(user=request.user, today=today_for(request.user))
    return render(request, "dashboard/_due.html", {"due": due})
