from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from apps.core.dates import today_for


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "dashboard/landing.html")
    user = request.user
    today = today_for(user)
    context = {"today": today, "resting": user.is_resting_on(today)}
    return render(request, "dashboard/home.html", context)
