from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.core.dates import today_for
from apps.dashboard import selectors
from apps.inbox.selectors import waiting_count
from apps.rejections.forms import QuickLogForm
from apps.rejections.selectors import plan_panel
from apps.selfcare.selectors import checkin_panel


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/landing.html")
    user = request.user
    today = today_for(user)
    pipeline = selectors.pipeline(user=user)
    context = {
        "today": today,
        "resting": user.is_resting_on(today),
        "has_applications": pipeline.total > 0,
        "pipeline": pipeline,
        "week": selectors.week_panel(user=user, today=today),
        "due": selectors.due_panel(user=user, today=today),
        "panel": plan_panel(user=user, today=today),
        "quick_form": QuickLogForm(user=user, initial={"received_on": today}),
        "selfcare_panel": checkin_panel(owner=user, today=today),
        "inbox_waiting": waiting_count(user=user, today=today),
    }
    return render(request, "dashboard/home.html", context)
