import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.applications.models import Company
from apps.contacts.models import Contact, Interaction
from apps.contacts.services import (
    contact_create,
    contact_delete,
    contact_update,
    interaction_delete,
    interaction_log,
)
from apps.core.dates import today_for
from tests.factories import CompanyFactory, ContactFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_it_matches_a_typed_company_in_any_letter_case(user):
    acme = CompanyFactory(owner=user, name="Acme")
    contact = contact_create(owner=user, name="Dana", company_name="  ACME ")
    assert contact.company == acme
    assert Company.objects.for_user(user).count() == 1


def test_it_creates_a_company_the_person_does_not_have_yet(user, other_user):
    CompanyFactory(owner=other_user, name="Globex")
    contact = contact_create(owner=user, name="Sam", company_name="Globex")
    assert contact.company.owner == user
    assert Company.objects.for_user(user).get().name == "Globex"


def test_it_leaves_the_company_empty_when_none_is_typed(user):
    contact = contact_create(owner=user, name="  Dana   Lee ", company_name="")
    assert contact.company is None
    assert contact.name == "Dana Lee"


def test_it_refuses_a_second_contact_with_the_same_email_in_any_case(user, other_user):
    contact_create(owner=user, name="Dana", email="dana@example.com")
    with pytest.raises(ValidationError) as raised:
        contact_create(owner=user, name="Dana again", email="DANA@Example.com")
    assert "already have a contact with this email" in str(raised.value)
    # Someone else may know the same person.
    contact_create(owner=other_user, name="Dana", email="dana@example.com")
    assert Contact.objects.count() == 2


def test_it_allows_many_contacts_without_an_email(user):
    contact_create(owner=user, name="One")
    contact_create(owner=user, name="Two")
    assert Contact.objects.for_user(user).count() == 2


def test_the_database_refuses_duplicate_emails_too(user):
    ContactFactory(owner=user, email="sam@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactFactory(owner=user, email="SAM@example.com")


def test_the_database_keeps_strength_between_0_and_5(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactFactory(owner=user, strength=6)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"profile_url": "linkedin dot com"}, "profile_url"),
        ({"strength": 9}, "strength"),
        ({"kind": "enemy"}, "kind"),
    ],
)
def test_it_explains_bad_fields_and_saves_nothing(user, fields, field):
    with pytest.raises(ValidationError) as raised:
        contact_create(owner=user, name="Dana", **fields)
    assert field in raised.value.message_dict
    assert not Contact.objects.exists()


def test_it_updates_a_contact_and_keeps_its_own_email(user):
    contact = contact_create(owner=user, name="Dana", email="dana@example.com")
    contact_update(
        contact=contact, name="Dana W.", company_name="Initech", email="dana@example.com"
    )
    contact.refresh_from_db()
    assert contact.name == "Dana W."
    assert contact.company.name == "Initech"


def test_it_rejects_unknown_fields(user):
    with pytest.raises(TypeError):
        contact_create(owner=user, name="Dana", last_contacted_on=datetime.date(2024, 1, 1))


def test_it_keeps_last_contacted_as_the_latest_interaction(user):
    today = today_for(user)
    contact = ContactFactory(owner=user)
    interaction_log(owner=user, contact=contact, kind="call", happened_on=today - 5 * DAY)
    contact.refresh_from_db()
    assert contact.last_contacted_on == today - 5 * DAY

    # A back-dated entry never moves it backwards.
    interaction_log(owner=user, contact=contact, kind="message", happened_on=today - 20 * DAY)
    contact.refresh_from_db()
    assert contact.last_contacted_on == today - 5 * DAY

    latest = interaction_log(owner=user, contact=contact, kind="meeting", happened_on=today)
    assert contact.last_contacted_on == today  # the instance passed in is kept up to date too

    interaction_delete(interaction=latest)
    contact.refresh_from_db()
    assert contact.last_contacted_on == today - 5 * DAY


def test_it_clears_last_contacted_when_the_only_interaction_goes(user):
    contact = ContactFactory(owner=user)
    only = interaction_log(owner=user, contact=contact, kind="call", happened_on=today_for(user))
    interaction_delete(interaction=only)
    contact.refresh_from_db()
    assert contact.last_contacted_on is None


def test_a_follow_up_date_becomes_the_contacts_next_follow_up(user):
    today = today_for(user)
    contact = ContactFactory(owner=user)
    interaction_log(
        owner=user, contact=contact, kind="message", happened_on=today, follow_up_on=today + DAY
    )
    contact.refresh_from_db()
    assert contact.next_follow_up_on == today + DAY


def test_getting_in_touch_by_the_follow_up_date_counts_as_following_up(user):
    today = today_for(user)
    contact = ContactFactory(owner=user, next_follow_up_on=today - DAY)
    interaction_log(owner=user, contact=contact, kind="call", happened_on=today)
    contact.refresh_from_db()
    assert contact.next_follow_up_on is None


def test_an_earlier_entry_leaves_a_later_follow_up_alone(user):
    today = today_for(user)
    contact = ContactFactory(owner=user, next_follow_up_on=today + 3 * DAY)
    interaction_log(owner=user, contact=contact, kind="call", happened_on=today - DAY)
    contact.refresh_from_db()
    assert contact.next_follow_up_on == today + 3 * DAY


def test_it_refuses_an_interaction_in_the_future(user):
    contact = ContactFactory(owner=user)
    with pytest.raises(ValidationError) as raised:
        interaction_log(owner=user, contact=contact, kind="call", happened_on=today_for(user) + DAY)
    assert "happened_on" in raised.value.message_dict
    assert not Interaction.objects.exists()


def test_it_refuses_someone_elses_contact(user, other_user):
    theirs = ContactFactory(owner=other_user)
    with pytest.raises(ValidationError):
        interaction_log(owner=user, contact=theirs, kind="call", happened_on=today_for(user))
    theirs.refresh_from_db()
    assert theirs.last_contacted_on is None


def test_an_event_may_have_no_contact(user):
    event = interaction_log(
        owner=user,
        contact=None,
        kind="event",
        happened_on=today_for(user),
        title="PyData meetup",
        people_met="Ana Ruiz\n\n  Tom Beck  \n",
    )
    assert event.people_met_names == ["Ana Ruiz", "Tom Beck"]


def test_anything_but_an_event_needs_a_contact(user):
    with pytest.raises(ValidationError):
        interaction_log(owner=user, contact=None, kind="call", happened_on=today_for(user))
    with pytest.raises(IntegrityError), transaction.atomic():
        Interaction.objects.create(owner=user, kind="call", happened_on=today_for(user))


def test_only_events_keep_a_title_and_people_met(user):
    contact = ContactFactory(owner=user)
    call = interaction_log(
        owner=user,
        contact=contact,
        kind="call",
        happened_on=today_for(user),
        title="ignored",
        people_met="ignored",
    )
    assert (call.title, call.people_met) == ("", "")


def test_deleting_a_contact_deletes_their_interactions_but_not_events(user):
    contact = ContactFactory(owner=user)
    interaction_log(owner=user, contact=contact, kind="call", happened_on=today_for(user))
    interaction_log(
        owner=user, contact=None, kind="event", happened_on=today_for(user), title="Meetup"
    )
    contact_delete(contact=contact)
    assert list(Interaction.objects.values_list("kind", flat=True)) == ["event"]


def test_deleting_a_company_keeps_its_contacts(user):
    contact = contact_create(owner=user, name="Dana", company_name="Acme")
    contact.company.delete()
    contact.refresh_from_db()
    assert contact.company is None
