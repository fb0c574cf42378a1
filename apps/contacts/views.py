from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import trigger_client_event

from apps.applications.selectors import applications_for, companies_for
from apps.contacts import selectors, services
from apps.contacts.forms import (
    ApplicationLinkForm,
    ContactForm,
    ContactLinkForm,
    EventForm,
    InteractionForm,
)
from apps.contacts.models import ApplicationContact, Contact, ContactKind, Interaction
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for
from apps.core.forms import add_service_errors, parse_id
from apps.core.htmx import HtmxHttpRequest, render_page_or_partial, safe_next_url

PER_PAGE = 50
FROM_LIST = "list"
FROM_DETAIL = "detail"


def _filters_from(request: HtmxHttpRequest) -> selectors.ContactFilters:
    params = request.GET
    return selectors.ContactFilters(
        search=params.get("q", "").strip()[:200],
        kind=params.get("kind", ""),
        company_id=parse_id(params.get("company")),
        quiet=params.get("quiet") == "1",
        follow_up_due=params.get("due") == "1",
    )


def _owned_contact(request: HtmxHttpRequest, pk: int) -> Contact:
    """The person's contact with its company, or a 404."""
    return get_object_or_404(Contact.objects.for_user(request.user).with_company(), pk=pk)


@require_GET
def contact_list(request: HtmxHttpRequest) -> HttpResponse:
    today = today_for(request.user)
    filters = _filters_from(request)
    rows = selectors.contact_list(owner=request.user, today=today, filters=filters)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "kinds": ContactKind.choices,
        "companies": selectors.companies_with_contacts(owner=request.user),
        "suggestions": selectors.reconnect_suggestions(owner=request.user, limit=3),
        "today": today,
    }
    # The reconnect suggestions fetch themselves after an interaction is logged on the list.
    return render_page_or_partial(
        request, "contacts/list.html", ("contact-results", "reconnect"), context
    )


@require_GET
def contact_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    contact = _owned_contact(request, pk)
    today = today_for(request.user)
    context = {**_detail_context(contact, today), **_links_context(request, contact)}
    return render(request, "contacts/detail.html", context)


def _detail_context(contact: Contact, today, *, form=None, logged=None) -> dict:
    return {
        "contact": contact,
        "interactions": selectors.contact_interactions(contact=contact),
        "form": form or InteractionForm(today=today, auto_id="log_%s"),
        "logged": logged,
        "today": today,
    }


def _links_context(request: HtmxHttpRequest, contact: Contact, link_form=None) -> dict:
    return {
        "links": selectors.contact_applications(contact=contact),
        "link_form": link_form or ApplicationLinkForm(owner=request.user, auto_id="link_%s"),
    }


def _company_names(user) -> list[str]:
    return list(companies_for(user=user).values_list("name", flat=True))


@require_http_methods(["GET", "POST"])
def contact_create(request: HtmxHttpRequest) -> HttpResponse:
    initial = {
        key: request.GET[key][:300] for key in ("name", "how_we_met") if request.GET.get(key)
    }
    if request.GET.get("kind") in ContactKind.values:
        initial["kind"] = request.GET["kind"]
    form = ContactForm(request.POST or None, owner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(owner=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{contact.name} is in your contacts.")
            return redirect(contact)
    context = {"form": form, "company_names": _company_names(request.user)}
    return render(request, "contacts/form.html", context)


@require_http_methods(["GET", "POST"])
def contact_edit(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    contact = _owned_contact(request, pk)
    heading = contact.name
    form = ContactForm(request.POST or None, instance=contact, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_update(contact=contact, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Changes saved.")
            return redirect(contact)
    context = {
        "form": form,
        "contact": contact,
        "heading": heading,
        "company_names": _company_names(request.user),
    }
    return render(request, "contacts/form.html", context)


@require_http_methods(["GET", "POST"])
def contact_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    contact = get_owned_or_404(Contact, request.user, pk=pk)
    if request.method == "POST":
        name = contact.name
        services.contact_delete(contact=contact)
        messages.info(request, f"{name} was removed from your contacts.")
        return redirect("contacts:list")
    return render(request, "contacts/delete.html", {"contact": contact})


@require_http_methods(["GET", "POST"])
def interaction_log(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Log an interaction with one contact: the quick form on the list (one per contact) and
    on the contact's page. htmx swaps the list item or the page's activity section; without
    JavaScript the form posts here and comes back to where it started."""
    contact = _owned_contact(request, pk)
    today = today_for(request.user)
    from_list = request.POST.get("from", request.GET.get("from")) == FROM_LIST
    auto_id = f"log{contact.pk}_%s" if from_list else "log_%s"
    form = InteractionForm(request.POST or None, today=today, auto_id=auto_id)
    logged = None
    if request.method == "POST" and form.is_valid():
        try:
            logged = services.interaction_log(
                owner=request.user, contact=contact, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
    if request.method == "POST" and request.htmx:
        if from_list:
            context = {"contact": contact, "today": today, "logged": logged}
            if logged is None:
                context["log_form"] = form
            response = render(request, "contacts/list.html#contact-item", context)
        else:
            if logged is not None:
                form = InteractionForm(today=today, auto_id=auto_id)
            context = _detail_context(contact, today, form=form, logged=logged)
            response = render(request, "contacts/detail.html#contact-activity", context)
        if logged is not None:
            trigger_client_event(response, "interaction-logged", {"contact": contact.pk})
        return response
    if logged is not None:
        messages.success(request, f"Logged: {logged.get_kind_display().lower()} with {contact}.")
        if from_list:
            return redirect(f"{reverse('contacts:list')}#contact-{contact.pk}")
        return redirect(contact)
    context = {"contact": contact, "form": form, "from_list": from_list, "today": today}
    return render_page_or_partial(request, "contacts/interaction_form.html", "log-form", context)


@require_POST
def interaction_delete(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    interaction = get_owned_or_404(Interaction, request.user, pk=pk)
    contact = interaction.contact
    services.interaction_delete(interaction=interaction)
    messages.info(request, "That entry was removed.")
    if contact is None:
        return redirect("contacts:events")
    return redirect(contact)


@require_GET
def event_list(request: HtmxHttpRequest) -> HttpResponse:
    events = list(selectors.events_for(owner=request.user)[:100])
    names = [name for event in events for name in event.people_met_names]
    known = selectors.contacts_named(owner=request.user, names=names)
    rows = [
        (event, [(name, known.get(name.lower())) for name in event.people_met_names])
        for event in events
    ]
    return render(request, "contacts/events.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def event_create(request: HtmxHttpRequest) -> HttpResponse:
    today = today_for(request.user)
    form = EventForm(request.POST or None, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            services.interaction_log(owner=request.user, contact=None, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Event saved. Add anyone you met as a contact from here.")
            return redirect("contacts:events")
    return render(request, "contacts/event_form.html", {"form": form})


@require_POST
def link_application(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """From a contact's page: link them to one of the person's applications."""
    contact = _owned_contact(request, pk)
    form = ApplicationLinkForm(request.POST, owner=request.user, auto_id="link_%s")
    if form.is_valid():
        try:
            services.application_contact_link(
                owner=request.user,
                application=form.cleaned_data["application"],
                contact=contact,
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{contact.name} is linked to that application.")
            return redirect(f"{contact.get_absolute_url()}#applications")
    today = today_for(request.user)
    context = {**_detail_context(contact, today), **_links_context(request, contact, form)}
    return render(request, "contacts/detail.html", context)


@require_http_methods(["GET", "POST"])
def link_contact(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """From an application's page: link one of the person's contacts to it."""
    application = get_object_or_404(applications_for(user=request.user), pk=pk)
    form = ContactLinkForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_contact_link(
                owner=request.user,
                application=application,
                contact=form.cleaned_data["contact"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{form.cleaned_data['contact'].name} is linked.")
            return redirect(application)
    return render(request, "contacts/link_contact.html", {"form": form, "application": application})


@require_POST
def unlink(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(
        ApplicationContact.objects.for_user(request.user).select_related("contact"), pk=pk
    )
    fallback = link.contact.get_absolute_url()
    services.application_contact_unlink(link=link)
    messages.info(request, "Link removed. The contact and the application are still there.")
    return redirect(safe_next_url(request, fallback=fallback))
