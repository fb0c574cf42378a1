import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.applications.services import company_get_or_create
from apps.contacts.models import ApplicationContact, Contact, Interaction, InteractionKind
from apps.core.dates import today_for

# What contact_create and contact_update accept besides the name and the company's name.
CONTACT_FIELDS = (
    "title",
    "email",
    "phone",
    "profile_url",
    "how_we_met",
    "kind",
    "strength",
    "notes",
    "next_follow_up_on",
)
INTERACTION_FIELDS = ("title", "notes", "people_met", "follow_up_on")


def _check_fields(fields: dict, allowed: Iterable[str]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")


def _company_for(owner, company_name: str):
    return company_get_or_create(owner=owner, name=company_name) if company_name.strip() else None


@transaction.atomic
def contact_create(*, owner, name: str, company_name: str = "", **fields) -> Contact:
    """A new contact. A company typed by name is matched (any letter case) or created."""
    _check_fields(fields, CONTACT_FIELDS)
    contact = Contact(owner=owner, name=" ".join(name.split()), **fields)
    contact.email = contact.email.strip()
    contact.company = _company_for(owner, company_name)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, name: str, company_name: str = "", **fields) -> Contact:
    _check_fields(fields, CONTACT_FIELDS)
    contact.name = " ".join(name.split())
    for key, value in fields.items():
        setattr(contact, key, value)
    contact.email = contact.email.strip()
    contact.company = _company_for(contact.owner, company_name)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    """Delete the contact and their interactions. Standalone events stay."""
    contact.delete()


def _refresh_last_contacted(contact: Contact) -> None:
    latest = contact.interactions.aggregate(latest=Max("happened_on"))["latest"]
    if contact.last_contacted_on != latest:
        contact.last_contacted_on = latest
        contact.save(update_fields=["last_contacted_on", "updated_at"])


@transaction.atomic
def interaction_log(
    *,
    owner,
    contact: Contact | None,
    kind: str,
    happened_on: datetime.date,
    **fields,
) -> Interaction:
    """Record a message, call, meeting, event... and keep the contact up to date.

    The contact's "last in touch" becomes the date of their latest interaction (so a
    back-dated entry never moves it backwards). A follow-up date on the interaction becomes
    the contact's next follow-up; without one, a follow-up that was due by this date counts
    as done and is cleared. An event may have no contact.
    """
    _check_fields(fields, INTERACTION_FIELDS)
    if contact is not None and contact.owner_id != owner.pk:
        raise ValidationError({"contact": "Choose one of your own contacts."})
    if happened_on and happened_on > today_for(owner):
        raise ValidationError({"happened_on": "Choose today or an earlier date."})
    interaction = Interaction(
        owner=owner, contact=contact, kind=kind, happened_on=happened_on, **fields
    )
    if interaction.kind != InteractionKind.EVENT:
        interaction.title = ""
        interaction.people_met = ""
    interaction.full_clean()
    interaction.save()
    if contact is not None:
        # Lock the contact so two entries logged at once both count.
        list(Contact.objects.select_for_update().filter(pk=contact.pk).values_list("pk"))
        contact.refresh_from_db(fields=["next_follow_up_on", "last_contacted_on"])
        if interaction.follow_up_on:
            contact.next_follow_up_on = interaction.follow_up_on
        elif contact.next_follow_up_on and contact.next_follow_up_on <= happened_on:
            contact.next_follow_up_on = None
        contact.save(update_fields=["next_follow_up_on", "updated_at"])
        _refresh_last_contacted(contact)
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    """Remove an interaction; the contact's "last in touch" falls back to the one before."""
    contact = interaction.contact
    interaction.delete()
    if contact is not None:
        _refresh_last_contacted(contact)


@transaction.atomic
def application_contact_link(
    *, owner, application, contact: Contact, role: str
) -> ApplicationContact:
    """Link one of the person's contacts to one of their applications in a role; linking
    the same pair again changes the role."""
    if application.owner_id != owner.pk or contact.owner_id != owner.pk:
        raise ValidationError("Choose one of your own applications and contacts.")
    link = (
        ApplicationContact.objects.select_for_update()
        .filter(application=application, contact=contact)
        .first()
    ) or ApplicationContact(owner=owner, application=application, contact=contact)
    link.role = role
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def application_contact_unlink(*, link: ApplicationContact) -> None:
    link.delete()
