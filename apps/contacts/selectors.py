"""Reads of the networking domain. Other apps (the recovery plan, the dashboard, self-care)
use these instead of querying the models."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Lower
from django.utils import timezone

from apps.applications.selectors import companies_for
from apps.contacts.models import (
    ApplicationContact,
    Contact,
    ContactKind,
    Interaction,
    InteractionKind,
)
from apps.core.dates import today_for

QUIET_DAYS = 30  # "not in touch for 30+ days"
RECENT_DAYS = 7  # someone you spoke to this week is not a reconnect suggestion


def contacts_for(*, owner) -> QuerySet[Contact]:
    return Contact.objects.for_user(owner).with_company()


def companies_with_contacts(*, owner) -> QuerySet:
    """The person's companies that at least one of their contacts works at, A to Z: the
    contact list's company filter (offering every company ever typed would list thousands)."""
    with_contacts = Contact.objects.for_user(owner).values("company_id")
    return companies_for(user=owner).filter(pk__in=with_contacts).only("id", "name")


@dataclass(frozen=True)
class ContactFilters:
    search: str = ""
    kind: str = ""
    company_id: int | None = None
    quiet: bool = False  # no interaction for QUIET_DAYS or more, or none logged yet
    follow_up_due: bool = False

    @property
    def active(self) -> bool:
        return bool(self.search or self.kind or self.company_id or self.quiet or self.follow_up_due)


def contact_list(
    *, owner, today: datetime.date, filters: ContactFilters = ContactFilters()
) -> QuerySet[Contact]:
    """The list page's rows, filtered and searched; unknown filter values filter nothing.
    Follow-ups that are due come first, then alphabetical."""
    rows = contacts_for(owner=owner)
    for word in filters.search.split():
        rows = rows.filter(
            Q(name__icontains=word)
            | Q(title__icontains=word)
            | Q(email__icontains=word)
            | Q(company__name__icontains=word)
            | Q(how_we_met__icontains=word)
        )
    if filters.kind in ContactKind.values:
        rows = rows.filter(kind=filters.kind)
    if filters.company_id:
        rows = rows.filter(company_id=filters.company_id)
    if filters.quiet:
        cutoff = today - datetime.timedelta(days=QUIET_DAYS)
        rows = rows.filter(Q(last_contacted_on__lte=cutoff) | Q(last_contacted_on__isnull=True))
    if filters.follow_up_due:
        rows = rows.filter(next_follow_up_on__lte=today)
    due_first = Case(
        When(next_follow_up_on__lte=today, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return rows.order_by(due_first, Lower("name"), "id")


def contact_interactions(*, contact: Contact) -> QuerySet[Interaction]:
    """The contact's timeline, newest first."""
    return Interaction.objects.filter(contact=contact).order_by("-happened_on", "-id")


def events_for(*, owner) -> QuerySet[Interaction]:
    """Events and online groups logged on their own (not with one contact), newest first."""
    return Interaction.objects.for_user(owner).filter(
        kind=InteractionKind.EVENT, contact__isnull=True
    )


def contacts_named(*, owner, names: list[str]) -> dict[str, Contact]:
    """The person's contacts whose names match any of these, by lower-cased name."""
    lowered = {name.strip().lower() for name in names if name.strip()}
    if not lowered:
        return {}
    found = (
        Contact.objects.for_user(owner)
        .annotate(lower_name=Lower("name"))
        .filter(lower_name__in=lowered)
        .order_by("id")
    )
    matches: dict[str, Contact] = {}
    for contact in found:
        matches.setdefault(contact.lower_name, contact)
    return matches


def reconnect_suggestions(*, owner, company=None, limit: int = 5) -> list[Contact]:
    """People worth getting back in touch with, best first.

    Contacts at ``company`` (a Company, or None) come first; then the strongest
    relationships, the ones not heard from the longest (never logged counts as longest)
    first. People contacted in the last RECENT_DAYS days are left out unless they are at
    ``company``, and so are people added in those days with nothing logged yet (a person
    added minutes ago has not gone quiet). Support people are left out altogether: they
    are there for the person, not for job leads. One query.
    """
    today = today_for(owner)
    recent = today - datetime.timedelta(days=RECENT_DAYS)
    added_before = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    not_recent = Q(last_contacted_on__isnull=True, created_at__lt=added_before) | Q(
        last_contacted_on__lt=recent
    )
    rows = contacts_for(owner=owner).exclude(kind=ContactKind.SUPPORT)
    if company is not None:
        rows = rows.filter(Q(company=company) | not_recent).annotate(
            at_company=Case(
                When(company=company, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
    else:
        rows = rows.filter(not_recent).annotate(at_company=Value(1, output_field=IntegerField()))
    ordered = rows.order_by(
        "at_company",
        "-strength",
        F("last_contacted_on").asc(nulls_first=True),
        Lower("name"),
        "id",
    )
    return list(ordered[:limit])


def support_people(*, owner, limit: int = 3) -> list[Contact]:
    """The person's support people (friends, family, a counsellor...), closest first."""
    rows = Contact.objects.for_user(owner).filter(kind=ContactKind.SUPPORT)
    return list(rows.order_by("-strength", Lower("name"), "id")[:limit])


def networking_touches(*, owner, start: datetime.date, end: datetime.date) -> int:
    """How many interactions the person logged between start and end, both included:
    what the weekly networking goal counts."""
    return (
        Interaction.objects.for_user(owner)
        .filter(happened_on__gte=start, happened_on__lte=end)
        .count()
    )


def contacts_at_companies(*, owner, company_ids) -> QuerySet[Contact]:
    """The person's contacts at any of these companies, strongest relationship first; the
    recovery plan's network move offers them for the company that said no. Support people
    are left out, as in reconnect_suggestions."""
    return (
        contacts_for(owner=owner)
        .filter(company_id__in=company_ids)
        .exclude(kind=ContactKind.SUPPORT)
        .order_by("-strength", Lower("name"), "id")
    )


def interaction_days(*, owner) -> list[datetime.date]:
    """Every day the person logged a networking interaction, oldest first, each once."""
    rows = Interaction.objects.for_user(owner).order_by("happened_on").values_list("happened_on")
    return [day for (day,) in rows.distinct()]


def application_contacts(*, application) -> QuerySet[ApplicationContact]:
    """The people linked to an application, with their company. One query."""
    return (
        ApplicationContact.objects.filter(application=application)
        .select_related("contact__company")
        .order_by(Lower("contact__name"), "id")
    )


def contact_applications(*, contact: Contact) -> QuerySet[ApplicationContact]:
    """The applications a contact is linked to, with their company. One query."""
    return (
        ApplicationContact.objects.filter(contact=contact)
        .select_related("application__company")
        .order_by("-application__status_changed_on", "-id")
    )
