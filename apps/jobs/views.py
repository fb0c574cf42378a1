from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from apps.accounts.services import email_unsubscribe
from apps.jobs.emails import unsubscribe_reader


# The one view without CSRF protection, on purpose: RFC 8058 one-click unsubscribe is a POST
# that a mail client sends from the message's List-Unsubscribe header, without a session or
# a CSRF token. The signed, per-person token in the address is what authorises it, and the
# only thing it can do is turn one kind of email off.
@csrf_exempt
@login_not_required
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    found = unsubscribe_reader(token)
    if found is None:
        raise Http404("Unknown unsubscribe address.")
    person, kind = found
    done = request.method == "POST"
    if done:
        email_unsubscribe(user=person, kind=kind)
    return render(
        request,
        "jobs/unsubscribe.html",
        {"person": person, "kind": kind, "done": done, "token": token},
    )
