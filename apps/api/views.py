from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from apps.api.api import api


@login_not_required
@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    """The API's documentation, readable without signing in (it shows no one's data)."""
    return api.docs.render_page(request, api)
