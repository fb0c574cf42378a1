from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def render_page_or_partial(
    request: HtmxHttpRequest,
    template_name: str,
    partial_name: str,
    context: dict,
    *,
    status: int = 200,
) -> HttpResponse:
    """The whole page on a normal request; only the named swap target when htmx asks."""
    if request.htmx and not request.htmx.boosted:
        template_name = f"{template_name}#{partial_name}"
    return render(request, template_name, context, status=status)
