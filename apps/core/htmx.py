from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def render_page_or_partial(
    request: HtmxHttpRequest,
    template_name: str,
    partial_name: str | tuple[str, ...],
    context: dict,
    *,
    status: int = 200,
) -> HttpResponse:
    """The whole page on a normal request; only the named swap target when htmx asks.
    A page with several swap targets names them all (each partial is named like the id
    of its root element): htmx gets the one its request targets, else the first.
    htmx restoring history it has no snapshot of asks for the whole page. Either way the
    answer varies on HX-Request, so back and forward never show a bare fragment."""
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        names = (partial_name,) if isinstance(partial_name, str) else partial_name
        chosen = request.htmx.target if request.htmx.target in names else names[0]
        template_name = f"{template_name}#{chosen}"
    response = render(request, template_name, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


NEXT_URL = "next_url"


def page_path(request: HtmxHttpRequest) -> dict:
    """Context processor: `page_path`, the address of the page the person is looking at.
    For an htmx fragment that is the page it lands in (HX-Current-URL), not the fragment's
    own address, so "come back here" links inside fragments lead to a real page."""
    current = getattr(request, "htmx", None) and request.htmx.current_url_abs_path
    return {"page_path": current or request.get_full_path()}


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
