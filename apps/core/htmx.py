from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
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
    """The whole page on a normal request; only the named swap target when htmx asks.
    htmx restoring history it has no snapshot of asks for the whole page."""
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        template_name = f"{template_name}#{partial_name}"
    return render(request, template_name, context, status=status)


NEXT_URL = "next_url"


def safe_next_url(request: HttpRequest, *, fallback: str) -> str:
    """Where a form should send the person back to: its `next_url` value (posted, or in the
    query string) when that is a path on this site, else the fallback. Never an outside
    address, and nothing odd: "0", "javascript:..." or "//elsewhere" all mean the fallback."""
    candidate = request.POST.get(NEXT_URL) or request.GET.get(NEXT_URL) or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback
