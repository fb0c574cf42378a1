import contextlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from apps.applications.models import InterviewKind
from apps.applications.selectors import applications_for
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for
from apps.core.htmx import HtmxHttpRequest
from apps.core.uploads import UPLOAD_CEILING_BYTES
from apps.inbox import crypto, imap, selectors, services
from apps.inbox.forms import NEW_APPLICATION, ActForm, KindForm, MailboxForm, ReadForm
from apps.inbox.matching import ApplicationIndex
from apps.inbox.models import Kind, Source, State, Suggestion
from apps.inbox.reading import read_email

# What every card's menus offer.
CARD_CHOICES = {"kind_choices": Kind.choices, "interview_kinds": InterviewKind.choices}


def _go(request: HtmxHttpRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def _page(request: HtmxHttpRequest, form: ReadForm, *, status: int = 200, unrelated=0):
    today = today_for(request.user)
    context = {
        "form": form,
        "page": selectors.inbox_page(user=request.user, today=today),
        "unrelated": unrelated,
        "mailbox": selectors.mailbox_for(user=request.user),
        **CARD_CHOICES,
    }
    return render(request, "inbox/index.html", context, status=status)


@require_http_methods(["GET", "POST"])
def index(request: HtmxHttpRequest) -> HttpResponse:
    """Paste or upload emails; the waiting suggestions below."""
    if request.method == "GET":
        return _page(request, ReadForm())
    too_large = (
        int(request.META.get("CONTENT_LENGTH") or 0) > UPLOAD_CEILING_BYTES and not request.FILES
    )
    form = ReadForm(request.POST, request.FILES, upload_too_large=too_large)
    if not form.is_valid():
        return _page(request, form, status=422)
    index_ = ApplicationIndex.for_user(request.user)
    source = Source.UPLOAD if request.FILES else Source.PASTE
    outcomes = [
        read_email(parsed, owner=request.user, index=index_, forced_kind=form.cleaned_data["kind"])
        for _, parsed in form.emails
    ]
    related = [outcome for outcome in outcomes if outcome.is_about_search]
    with transaction.atomic():
        for outcome in related:
            services.suggestion_keep(owner=request.user, outcome=outcome, source=source)
    unrelated = len(outcomes) - len(related)
    if related:
        messages.success(
            request,
            f"Read {len(outcomes)} email{pluralize(len(outcomes))}: "
            f"{len(related)} about your search, waiting for you below.",
        )
    if unrelated and source == Source.PASTE:
        # Keep the text in the box, so "What is it?" can answer for it.
        return _page(request, form, unrelated=unrelated)
    if unrelated:
        messages.info(
            request,
            f"{unrelated} email{pluralize(unrelated)} did not read as news about your search; "
            "nothing from {0} was kept.".format("it" if unrelated == 1 else "them"),
        )
    return redirect("inbox:index")


def _card_response(request: HtmxHttpRequest, suggestion: Suggestion, form=None, status=200):
    card = selectors.cards_for(user=request.user, suggestions=[suggestion])[0]
    context = {"card": card, "form": form, **CARD_CHOICES}
    return render(request, "inbox/_card.html", context, status=status)


def _after_action(request: HtmxHttpRequest, suggestion: Suggestion, application) -> HttpResponse:
    if suggestion.kind == Kind.REJECTION:
        messages.success(
            request,
            f"Logged. That one stings; here is a plan for the next few days, starting with "
            f"{application.company.name}.",
        )
        return _go(request, reverse("dashboard:home") + "#recovery-plan")
    if suggestion.kind == Kind.INTERVIEW and not application.interviews.exists():
        messages.success(
            request, "Moved to interviewing. Add the interview's date when you know it."
        )
        return _go(request, reverse("applications:interview_create", args=[application.pk]))
    if suggestion.kind == Kind.INTERVIEW:
        messages.success(
            request, "Interview scheduled; the email is on the application's timeline."
        )
    else:
        messages.success(request, f"Done. The email is on the timeline of {application}.")
    return _go(request, application.get_absolute_url())


@require_POST
def act(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    suggestion = get_owned_or_404(Suggestion, request.user, pk=pk)
    if suggestion.state != State.WAITING:
        return _already_handled(request, suggestion)
    card = selectors.cards_for(user=request.user, suggestions=[suggestion])[0]
    form = ActForm(request.POST, choices=card.choices)
    if form.is_valid():
        data = form.cleaned_data
        application = None
        if data["target"] != NEW_APPLICATION:
            pk_text = data["target"].removeprefix("app:")
            application = get_object_or_404(applications_for(user=request.user), pk=int(pk_text))
        try:
            application = services.suggestion_act(
                suggestion=suggestion,
                application=application,
                company_name=data["company_name"],
                role_title=data["role_title"],
                interview_at=data["interview_at"],
                interview_kind=data["interview_kind"],
            )
        except services.AlreadyHandled:
            return _already_handled(request, suggestion)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return _after_action(request, suggestion, application)
    if not request.htmx:
        # Without JavaScript the whole page comes back; the card's problems lead it.
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _page(request, ReadForm(), status=422)
    return _card_response(request, suggestion, form=form, status=422)


def _already_handled(request: HtmxHttpRequest, suggestion: Suggestion) -> HttpResponse:
    """A second click, or another tab: nothing is written twice."""
    if suggestion.state == State.DONE and suggestion.application_id:
        messages.info(request, "That email was already taken care of.")
        return _go(request, reverse("applications:detail", args=[suggestion.application_id]))
    messages.info(request, "That email was already set aside.")
    return _go(request, reverse("inbox:index"))


@require_POST
def dismiss(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    suggestion = get_owned_or_404(Suggestion, request.user, pk=pk)
    with contextlib.suppress(services.AlreadyHandled):
        services.suggestion_dismiss(suggestion=suggestion)
    if request.htmx:
        return render(request, "inbox/_dismissed.html", {"suggestion": suggestion})
    messages.success(request, "Set aside. Nothing from that email is kept.")
    return redirect("inbox:index")


@require_POST
def reclassify(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    suggestion = get_owned_or_404(Suggestion, request.user, pk=pk)
    form = KindForm(request.POST)
    if suggestion.state == State.WAITING and form.is_valid():
        services.suggestion_reclassify(suggestion=suggestion, kind=form.cleaned_data["kind"])
    if request.htmx:
        return _card_response(request, suggestion)
    return redirect("inbox:index")


# Mailbox ---------------------------------------------------------------------------------


def _mailbox_page(request: HtmxHttpRequest, form: MailboxForm, *, status=200, **extra):
    context = {
        "form": form,
        "mailbox": selectors.mailbox_for(user=request.user),
        "reading_on": settings.MAILBOX_READING,
        "key_available": crypto.mailbox_key_available(),
        **extra,
    }
    return render(request, "inbox/mailbox.html", context, status=status)


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def mailbox(request: HtmxHttpRequest) -> HttpResponse:
    current = selectors.mailbox_for(user=request.user)
    form = MailboxForm(request.POST or None, instance=current)
    if request.method == "POST":
        if not settings.MAILBOX_READING or not crypto.mailbox_key_available():
            return _mailbox_page(request, form, status=409)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.mailbox_save(owner=request.user, **data)
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "Mailbox saved. Use “Test the connection” to check it.")
                return redirect("inbox:mailbox")
        return _mailbox_page(request, form, status=422)
    return _mailbox_page(request, form)


@require_POST
def mailbox_test(request: HtmxHttpRequest) -> HttpResponse:
    current = selectors.mailbox_for(user=request.user)
    if current is None:
        return redirect("inbox:mailbox")
    try:
        outcome, ok = imap.check(services.mailbox_account(current)), True
    except imap.MailboxError as error:
        outcome, ok = str(error), False
    except crypto.MailboxKeyMissing:
        outcome, ok = "Mailbox reading is not set up on this server.", False
    context = {"test_result": outcome, "test_ok": ok}
    if request.htmx:
        return render(request, "inbox/mailbox.html#test-result", context)
    return _mailbox_page(request, MailboxForm(instance=current), **context)


@require_POST
def mailbox_poll(request: HtmxHttpRequest) -> HttpResponse:
    current = selectors.mailbox_for(user=request.user)
    if current is None or not settings.MAILBOX_READING or not crypto.mailbox_key_available():
        return redirect("inbox:mailbox")
    result = services.mailbox_poll(mailbox=current)
    if result.error:
        messages.error(request, result.error)
    else:
        messages.success(
            request,
            f"Read {result.headers_read} new message{pluralize(result.headers_read)}; "
            f"{result.created} about your search.",
        )
    return redirect("inbox:index")


@require_POST
def mailbox_delete(request: HtmxHttpRequest) -> HttpResponse:
    current = selectors.mailbox_for(user=request.user)
    if current is not None:
        services.mailbox_delete(mailbox=current)
        messages.success(request, "Mailbox disconnected; its password is deleted.")
    return redirect("inbox:mailbox")
