import datetime

import pytest
from django.utils import timezone

from apps.contacts.models import Contact
from apps.contacts.selectors import (
    ContactFilters,
    contact_list,
    contacts_at_companies,
    contacts_named,
    interaction_days,
    reconnect_suggestions,
    support_people,
)
from apps.core.dates import today_for
from tests.factories import CompanyFactory, ContactFactory, InteractionFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def names(rows) -> list[str]:
    return [contact.name for contact in rows]


def test_it_lists_only_the_persons_own_contacts(user, other_user):
    ContactFactory(owner=user, name="Mine")
    ContactFactory(owner=other_user, name="Theirs")
    assert names(contact_list(owner=user, today=today_for(user))) == ["Mine"]


def test_it_searches_names_titles_emails_and_companies(user):
    acme = CompanyFactory(owner=user, name="Acme Robotics")
    ContactFactory(owner=user, name="Dana", company=acme)
    ContactFactory(owner=user, name="Sam", title="Staff engineer")
    ContactFactory(owner=user, name="Lee", email="lee@initech.example")
    today = today_for(user)

    def found(text):
        return names(contact_list(owner=user, today=today, filters=ContactFilters(search=text)))

    assert found("robot") == ["Dana"]
    assert found("STAFF eng") == ["Sam"]
    assert found("initech") == ["Lee"]
    assert found("nobody") == []


def test_it_filters_by_kind_and_company(user):
    acme = CompanyFactory(owner=user, name="Acme")
    ContactFactory(owner=user, name="Rita", kind="recruiter", company=acme)
    ContactFactory(owner=user, name="Rob", kind="recruiter")
    ContactFactory(owner=user, name="Mia", kind="mentor", company=acme)
    today = today_for(user)
    by_kind = contact_list(owner=user, today=today, filters=ContactFilters(kind="recruiter"))
    assert names(by_kind) == ["Rita", "Rob"]
    at_acme = contact_list(owner=user, today=today, filters=ContactFilters(company_id=acme.pk))
    assert names(at_acme) == ["Mia", "Rita"]
    unknown = contact_list(owner=user, today=today, filters=ContactFilters(kind="nonsense"))
    assert len(names(unknown)) == 3


def test_quiet_means_thirty_days_or_more_or_never(user):
    today = today_for(user)
    ContactFactory(owner=user, name="Recent", last_contacted_on=today - 29 * DAY)
    ContactFactory(owner=user, name="Month", last_contacted_on=today - 30 * DAY)
    ContactFactory(owner=user, name="Never")
    rows = contact_list(owner=user, today=today, filters=ContactFilters(quiet=True))
    assert names(rows) == ["Month", "Never"]


def test_follow_ups_due_come_first_and_can_be_filtered(user):
    today = today_for(user)
    ContactFactory(owner=user, name="Alex")
    ContactFactory(owner=user, name="Zoe", next_follow_up_on=today)
    ContactFactory(owner=user, name="Later", next_follow_up_on=today + DAY)
    assert names(contact_list(owner=user, today=today)) == ["Zoe", "Alex", "Later"]
    due = contact_list(owner=user, today=today, filters=ContactFilters(follow_up_due=True))
    assert names(due) == ["Zoe"]


def test_reconnect_puts_the_company_first_then_strength_then_longest_silence(user):
    today = today_for(user)
    acme = CompanyFactory(owner=user, name="Acme")
    ContactFactory(owner=user, name="At Acme", company=acme, strength=1, last_contacted_on=today)
    ContactFactory(owner=user, name="Close old", strength=5, last_contacted_on=today - 90 * DAY)
    never = ContactFactory(owner=user, name="Close never", strength=5)
    Contact.objects.filter(pk=never.pk).update(created_at=timezone.now() - 60 * DAY)
    ContactFactory(owner=user, name="Close newer", strength=5, last_contacted_on=today - 10 * DAY)
    ContactFactory(owner=user, name="Faint", strength=1, last_contacted_on=today - 300 * DAY)
    ContactFactory(owner=user, name="Spoke today", strength=5, last_contacted_on=today)
    ContactFactory(owner=user, name="Mum", kind="support", strength=5)

    assert names(reconnect_suggestions(owner=user, company=acme, limit=10)) == [
        "At Acme",
        "Close never",
        "Close old",
        "Close newer",
        "Faint",
    ]
    assert names(reconnect_suggestions(owner=user, limit=2)) == ["Close never", "Close old"]


def test_reconnect_never_suggests_someone_just_added(user):
    today = today_for(user)
    ContactFactory(owner=user, name="Added minutes ago", strength=5)
    week_old = ContactFactory(owner=user, name="Added last month", strength=1)
    Contact.objects.filter(pk=week_old.pk).update(created_at=timezone.now() - 30 * DAY)
    ContactFactory(owner=user, name="Quiet", strength=1, last_contacted_on=today - 40 * DAY)
    assert names(reconnect_suggestions(owner=user, limit=10)) == ["Added last month", "Quiet"]


def test_reconnect_suggestions_take_one_query(user, django_assert_num_queries):
    acme = CompanyFactory(owner=user)
    for n in range(5):
        ContactFactory(owner=user, company=acme if n % 2 else None)
    with django_assert_num_queries(1):
        rows = reconnect_suggestions(owner=user, company=acme)
        [contact.company for contact in rows]


def test_reconnect_suggestions_are_the_persons_own(user, other_user):
    ContactFactory(owner=other_user, strength=5)
    assert reconnect_suggestions(owner=user) == []


def test_it_finds_contacts_at_several_companies(user, other_user):
    acme, globex = CompanyFactory(owner=user), CompanyFactory(owner=user)
    ContactFactory(owner=user, name="A", company=acme, strength=1)
    ContactFactory(owner=user, name="G", company=globex, strength=4)
    ContactFactory(owner=user, name="Friend", company=acme, kind="support")
    ContactFactory(owner=user, name="Elsewhere")
    found = contacts_at_companies(owner=user, company_ids={acme.pk, globex.pk})
    assert names(found) == ["G", "A"]


def test_it_lists_the_days_with_networking_once_each(user, other_user):
    today = today_for(user)
    contact = ContactFactory(owner=user)
    InteractionFactory(contact=contact, happened_on=today)
    InteractionFactory(contact=contact, happened_on=today)
    InteractionFactory(contact=contact, happened_on=today - 3 * DAY)
    InteractionFactory(contact__owner=other_user, happened_on=today - DAY)
    assert list(interaction_days(owner=user)) == [today - 3 * DAY, today]


def test_support_people_are_the_closest_first(user):
    ContactFactory(owner=user, name="Peer", kind="peer", strength=5)
    ContactFactory(owner=user, name="Sister", kind="support", strength=5)
    ContactFactory(owner=user, name="Counsellor", kind="support", strength=3)
    assert names(support_people(owner=user)) == ["Sister", "Counsellor"]


def test_it_matches_names_of_people_met_without_caring_about_case(user, other_user):
    ana = ContactFactory(owner=user, name="Ana Ruiz")
    ContactFactory(owner=other_user, name="Tom Beck")
    assert contacts_named(owner=user, names=["ana ruiz", "Tom Beck", " "]) == {"ana ruiz": ana}
