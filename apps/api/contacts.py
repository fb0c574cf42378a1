"""Contacts and the interactions logged with them."""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from apps.api.common import (
    Input,
    LocalDateTime,
    Page,
    PageParams,
    cleaned,
    current_values,
    form_data,
    paginate,
    sent,
)
from apps.api.refs import CompanyRef
from apps.contacts import selectors, services
from apps.contacts.forms import ContactForm, InteractionForm
from apps.contacts.models import Contact, ContactKind, Interaction, InteractionKind
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for

router = Router()
interactions_router = Router()


class ContactOut(Schema):
    id: int
    url: str = Field(description="The contact's page in Rebound.")
    name: str
    company: CompanyRef | None
    title: str
    kind: ContactKind
    email: str
    phone: str
    profile_url: str
    how_we_met: str
    strength: int = Field(description="0 (not really in touch) to 5 (close).")
    notes: str
    next_follow_up_on: datetime.date | None
    last_contacted_on: datetime.date | None = Field(description="The latest interaction's day.")
    created_at: LocalDateTime
    updated_at: LocalDateTime

    @staticmethod
    def resolve_url(contact: Contact, context) -> str:
        return context["request"].build_absolute_uri(contact.get_absolute_url())


class ContactFields(Input):
    company_name: str | None = Field(None, description="Matched to your companies, or added.")
    title: str | None = None
    kind: ContactKind | None = None
    email: str | None = None
    phone: str | None = None
    profile_url: str | None = None
    how_we_met: str | None = None
    strength: int | None = None
    notes: str | None = None
    next_follow_up_on: datetime.date | None = None


class ContactIn(ContactFields):
    name: str


class ContactUpdate(ContactFields):
    """Only the fields sent change."""

    name: str | None = None


class ContactFilters(Schema):
    q: str | None = Field(None, description="Words to find in the name, title, email or company.")
    kind: ContactKind | None = None
    company_id: int | None = None
    quiet: bool | None = Field(None, description="Not in touch for 30 days or more.")
    due: bool | None = Field(None, description="Only those whose follow-up has come.")


class InteractionOut(Schema):
    id: int
    contact_id: int | None
    happened_on: datetime.date
    kind: InteractionKind
    notes: str
    follow_up_on: datetime.date | None


class InteractionIn(Input):
    kind: InteractionKind = InteractionKind.MESSAGE
    happened_on: datetime.date | None = Field(None, description="Today when left out.")
    notes: str = ""
    follow_up_on: datetime.date | None = Field(
        None, description="Becomes the contact's next follow-up."
    )


def _contact(request: HttpRequest, pk: int) -> Contact:
    return get_object_or_404(selectors.contacts_for(owner=request.user), pk=pk)


@router.get("", response=Page[ContactOut], summary="List contacts")
def list_contacts(request: HttpRequest, filters: Query[ContactFilters], paging: Query[PageParams]):
    """Follow-ups that are due first, then A to Z, as on the Contacts page."""
    chosen = selectors.ContactFilters(
        search=(filters.q or "").strip()[:200],
        kind=filters.kind or "",
        company_id=filters.company_id,
        quiet=bool(filters.quiet),
        follow_up_due=bool(filters.due),
    )
    rows = selectors.contact_list(owner=request.user, today=today_for(request.user), filters=chosen)
    return paginate(request, rows, paging)


@router.post("", response={201: ContactOut}, summary="Add a contact")
def create_contact(request: HttpRequest, data: ContactIn):
    values = {"kind": ContactKind.PEER, "strength": 1, **sent(data)}
    form = ContactForm(form_data(values), owner=request.user)
    cleaned(form)
    contact = services.contact_create(owner=request.user, **form.service_fields())
    return Status(201, contact)


@router.get("/{int:pk}", response=ContactOut, summary="Read a contact")
def get_contact(request: HttpRequest, pk: int):
    return _contact(request, pk)


@router.patch("/{int:pk}", response=ContactOut, summary="Change a contact")
def update_contact(request: HttpRequest, pk: int, data: ContactUpdate):
    contact = _contact(request, pk)
    values = current_values(ContactForm(instance=contact, owner=request.user))
    form = ContactForm(form_data({**values, **sent(data)}), instance=contact, owner=request.user)
    cleaned(form)
    return services.contact_update(contact=contact, **form.service_fields())


@router.delete("/{int:pk}", response={204: None}, summary="Delete a contact")
def delete_contact(request: HttpRequest, pk: int):
    """Their interactions go with them."""
    services.contact_delete(contact=_contact(request, pk))
    return Status(204, None)


@router.get("/{int:pk}/interactions", response=Page[InteractionOut], summary="Their interactions")
def list_interactions(request: HttpRequest, pk: int, paging: Query[PageParams]):
    """Newest first."""
    rows = selectors.contact_interactions(contact=_contact(request, pk))
    return paginate(request, rows, paging)


@router.post("/{int:pk}/interactions", response={201: InteractionOut}, summary="Log an interaction")
def log_interaction(request: HttpRequest, pk: int, data: InteractionIn):
    """Keeps the contact's "last in touch" and next follow-up up to date, as the page does."""
    contact = _contact(request, pk)
    today = today_for(request.user)
    values = {**data.model_dump(), "happened_on": data.happened_on or today}
    form = InteractionForm(form_data(values), today=today)
    cleaned(form)
    interaction = services.interaction_log(
        owner=request.user, contact=contact, **form.service_fields()
    )
    return Status(201, interaction)


@interactions_router.delete("/{int:pk}", response={204: None}, summary="Remove an interaction")
def delete_interaction(request: HttpRequest, pk: int):
    interaction = get_owned_or_404(Interaction, request.user, pk=pk)
    services.interaction_delete(interaction=interaction)
    return Status(204, None)
