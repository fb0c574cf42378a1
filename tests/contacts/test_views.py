import datetime
import html
import json

import pytest
from django.urls import reverse

from apps.contacts.models import Contact, Interaction
from apps.core.dates import today_for
from tests.core.test_pages import assert_no_inline_code
from tests.factories import CompanyFactory, ContactFactory, InteractionFactory

DAY = datetime.timedelta(days=1)
LIST = reverse("contacts:list")
CREATE = reverse("contacts:create")
HTMX = {"HTTP_HX_REQUEST": "true"}


def contact_data(**overrides) -> dict:
    data = {
        "name": "Dana Whitfield",
        "company_name": "Acme",
        "title": "Engineering manager",
        "kind": "hiring_manager",
        "email": "dana@example.com",
        "phone": "",
        "profile_url": "https://www.linkedin.com/in/dana",
        "how_we_met": "Former colleague",
        "strength": "4",
        "next_follow_up_on": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def results_of(response) -> bytes:
    """The list's results, without the "worth a hello" suggestions beside them."""
    return response.content.split(b'id="contact-results"')[1].split(b"<aside")[0]


def log_data(user, **overrides) -> dict:
    data = {"kind": "call", "happened_on": today_for(user).isoformat(), "notes": "Caught up"}
    data.update(overrides)
    return data


# --- list -------------------------------------------------------------------------------


def test_it_lists_the_persons_contacts_only(auth_client, user, other_user):
    ContactFactory(owner=user, name="Dana Whitfield")
    ContactFactory(owner=other_user, name="Bob's friend")
    response = auth_client.get(LIST)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Dana Whitfield" in page
    assert "Bob's friend" not in page
    assert_no_inline_code(response.content)


def test_it_welcomes_a_person_with_no_contacts_yet(auth_client):
    response = auth_client.get(LIST)
    assert b"No contacts yet" in response.content
    assert CREATE.encode() in response.content


def test_it_searches_and_filters_from_the_address(auth_client, user):
    ContactFactory(owner=user, name="Rita", kind="recruiter")
    ContactFactory(owner=user, name="Mia", kind="mentor")
    response = auth_client.get(LIST, {"kind": "recruiter", "q": "ri"})
    results = results_of(response)
    assert b"Rita" in results
    assert b"Mia" not in results
    assert b"1 matching contact" in results


def test_it_answers_htmx_with_the_results_only(auth_client, user):
    ContactFactory(owner=user, name="Rita")
    response = auth_client.get(LIST, {"q": "rit"}, **HTMX)
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<div id="contact-results">')
    assert b"Rita" in response.content
    assert b"<html" not in response.content


@pytest.mark.parametrize("params", [{"company": "abc"}, {"page": "999"}, {"quiet": "yes"}])
def test_it_shrugs_off_odd_parameters(auth_client, user, params):
    ContactFactory(owner=user, name="Rita")
    response = auth_client.get(LIST, params)
    assert response.status_code == 200
    assert b"Rita" in response.content


@pytest.mark.parametrize("count", [10, 300])
def test_the_list_takes_the_same_queries_for_10_or_300_contacts(
    auth_client, user, count, django_assert_num_queries
):
    companies = [CompanyFactory(owner=user) for _ in range(5)]
    today = today_for(user)
    Contact.objects.bulk_create(
        Contact(
            owner=user,
            name=f"Person {n}",
            company=companies[n % 5],
            strength=n % 6,
            last_contacted_on=today - (n % 60) * DAY if n % 3 else None,
            next_follow_up_on=today if n % 7 == 0 else None,
        )
        for n in range(count)
    )
    # session, user, companies for the filter, page count, page rows, reconnect suggestions
    with django_assert_num_queries(6):
        response = auth_client.get(LIST)
    assert response.status_code == 200
    assert response.content.count(b'class="contact-item"') == min(count, 50)


def test_the_list_pages_through_many_contacts(auth_client, user):
    Contact.objects.bulk_create(Contact(owner=user, name=f"P{n:03}") for n in range(60))
    second = results_of(auth_client.get(LIST, {"page": "2"}))
    assert b"P059" in second
    assert b"P000" not in second
    assert b"Page 2 of 2" in second


def test_it_suggests_people_to_reconnect_with(auth_client, user):
    ContactFactory(owner=user, name="Old friend", strength=5)
    response = auth_client.get(LIST)
    assert b"Worth a hello" in response.content
    assert b"Old friend" in response.content


# --- create, edit, delete ----------------------------------------------------------------


def test_it_adds_a_contact_and_matches_the_company(auth_client, user):
    acme = CompanyFactory(owner=user, name="Acme")
    response = auth_client.post(CREATE, contact_data(company_name="acme"))
    contact = Contact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == contact.get_absolute_url()
    assert (contact.owner, contact.company, contact.strength) == (user, acme, 4)


def test_the_form_suggests_the_persons_companies(auth_client, user, other_user):
    CompanyFactory(owner=user, name="Acme")
    CompanyFactory(owner=other_user, name="Secret Corp")
    response = auth_client.get(CREATE)
    assert b'<option value="Acme">' in response.content
    assert b"Secret Corp" not in response.content
    assert_no_inline_code(response.content)


def test_it_prefills_a_contact_from_an_event(auth_client):
    response = auth_client.get(CREATE, {"name": "Ana Ruiz", "how_we_met": "Met at PyData"})
    assert b'value="Ana Ruiz"' in response.content
    assert b'value="Met at PyData"' in response.content


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": "  "}, b"This field is required."),
        ({"email": "dana-at-example"}, b"Enter a valid email address."),
        ({"profile_url": "not a link"}, b"Enter a valid URL."),
        ({"strength": "7"}, b"Select a valid choice."),
        ({"next_follow_up_on": "soon"}, b"Enter a valid date."),
        ({"email": "TAKEN@example.com"}, b"You already have a contact with this email address."),
    ],
)
def test_it_explains_bad_input_and_saves_nothing(auth_client, user, overrides, message):
    ContactFactory(owner=user, name="Existing", email="taken@example.com")
    response = auth_client.post(CREATE, contact_data(**overrides))
    assert response.status_code == 200
    assert message in response.content
    assert Contact.objects.count() == 1


def test_it_edits_a_contact(auth_client, user):
    contact = ContactFactory(owner=user, name="Dana", email="dana@example.com")
    url = reverse("contacts:edit", args=[contact.pk])
    assert b'value="Dana"' in auth_client.get(url).content
    response = auth_client.post(url, contact_data(name="Dana W.", company_name=""))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.company) == ("Dana W.", None)


def test_editing_shows_the_company_by_name(auth_client, user):
    contact = ContactFactory(owner=user, company=CompanyFactory(owner=user, name="Initech"))
    response = auth_client.get(reverse("contacts:edit", args=[contact.pk]))
    assert b'value="Initech"' in response.content


def test_it_deletes_a_contact_after_asking(auth_client, user):
    contact = ContactFactory(owner=user, name="Dana")
    url = reverse("contacts:delete", args=[contact.pk])
    assert b"Delete Dana?" in auth_client.get(url).content
    response = auth_client.post(url)
    assert response.status_code == 302
    assert not Contact.objects.exists()


def test_it_shows_a_contact_with_their_timeline(auth_client, user):
    contact = ContactFactory(owner=user, name="Dana", email="dana@example.com")
    InteractionFactory(contact=contact, kind="meeting", notes="Coffee near the office")
    response = auth_client.get(contact.get_absolute_url())
    assert response.status_code == 200
    assert b"Coffee near the office" in response.content
    assert b"mailto:dana@example.com" in response.content
    assert_no_inline_code(response.content)


@pytest.mark.parametrize(
    ("name", "methods"),
    [
        ("contacts:list", ["post", "delete"]),
        ("contacts:create", ["put", "delete"]),
        ("contacts:detail", ["post", "delete"]),
        ("contacts:edit", ["put"]),
        ("contacts:delete", ["put"]),
        ("contacts:log", ["put", "delete"]),
        ("contacts:interaction_delete", ["get"]),
        ("contacts:events", ["post"]),
        ("contacts:event_create", ["delete"]),
    ],
)
def test_it_rejects_other_methods(auth_client, user, name, methods):
    interaction = InteractionFactory(contact__owner=user)
    kwargs = {}
    if name in {"contacts:detail", "contacts:edit", "contacts:delete", "contacts:log"}:
        kwargs = {"pk": interaction.contact.pk}
    elif name == "contacts:interaction_delete":
        kwargs = {"pk": interaction.pk}
    for method in methods:
        response = getattr(auth_client, method)(reverse(name, kwargs=kwargs or None))
        assert response.status_code == 405, f"{method} {name}"


def test_another_persons_contact_is_not_found(auth_client, other_user):
    contact = ContactFactory(owner=other_user)
    for name in ("contacts:detail", "contacts:edit", "contacts:delete", "contacts:log"):
        assert auth_client.get(reverse(name, args=[contact.pk])).status_code == 404
    response = auth_client.post(reverse("contacts:log", args=[contact.pk]), {"kind": "call"})
    assert response.status_code == 404
    assert not Interaction.objects.exists()


# --- logging an interaction -------------------------------------------------------------


def test_the_list_loads_the_quick_form_on_demand(auth_client, user):
    contact = ContactFactory(owner=user)
    url = reverse("contacts:log", args=[contact.pk])
    response = auth_client.get(url, {"from": "list"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<div id="quick-log-{contact.pk}"')
    assert f'hx-target="#contact-{contact.pk}"' in body
    assert 'name="from" value="list"' in body
    assert f'id="log{contact.pk}_kind"' in body


def test_logging_from_the_list_by_htmx_answers_with_the_updated_item(auth_client, user):
    contact = ContactFactory(owner=user, name="Dana")
    url = reverse("contacts:log", args=[contact.pk])
    response = auth_client.post(url, {**log_data(user), "from": "list"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<li id="contact-{contact.pk}"')
    assert "Logged: call" in body
    assert "Last in touch" in body
    assert json.loads(response["HX-Trigger"]) == {"interaction-logged": {"contact": contact.pk}}
    contact.refresh_from_db()
    assert contact.last_contacted_on == today_for(user)


def test_a_mistake_on_the_list_comes_back_in_the_open_item(auth_client, user):
    contact = ContactFactory(owner=user)
    url = reverse("contacts:log", args=[contact.pk])
    future = (today_for(user) + DAY).isoformat()
    response = auth_client.post(url, {**log_data(user, happened_on=future), "from": "list"}, **HTMX)
    assert response.status_code == 200
    assert b"Choose today or an earlier date." in response.content
    assert b'class="quick-log" open' in response.content
    assert "HX-Trigger" not in response
    assert not Interaction.objects.exists()


def test_logging_on_the_contact_page_by_htmx_answers_with_the_activity(auth_client, user):
    contact = ContactFactory(owner=user)
    url = reverse("contacts:log", args=[contact.pk])
    response = auth_client.post(url, log_data(user, notes="Asked about the platform team"), **HTMX)
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="contact-activity"')
    assert b"Asked about the platform team" in response.content
    assert "interaction-logged" in response["HX-Trigger"]


def test_logging_without_javascript_goes_back_where_it_started(auth_client, user):
    contact = ContactFactory(owner=user)
    url = reverse("contacts:log", args=[contact.pk])
    from_list = auth_client.post(url, {**log_data(user), "from": "list"})
    assert from_list.status_code == 302
    assert from_list["Location"] == f"{LIST}#contact-{contact.pk}"
    from_page = auth_client.post(url, log_data(user))
    assert from_page["Location"] == contact.get_absolute_url()
    assert Interaction.objects.count() == 2


def test_a_mistake_without_javascript_shows_the_form_page(auth_client, user):
    contact = ContactFactory(owner=user)
    url = reverse("contacts:log", args=[contact.pk])
    response = auth_client.post(url, log_data(user, kind="shouting"))
    assert response.status_code == 200
    assert b"Select a valid choice." in response.content
    assert b"hx-post" not in response.content.split(b"<main")[1]
    assert not Interaction.objects.exists()


def test_a_follow_up_before_the_interaction_is_refused(auth_client, user):
    contact = ContactFactory(owner=user)
    yesterday = (today_for(user) - DAY).isoformat()
    response = auth_client.post(
        reverse("contacts:log", args=[contact.pk]), log_data(user, follow_up_on=yesterday)
    )
    assert b"on or after the day you were in touch" in response.content
    assert not Interaction.objects.exists()


def test_it_removes_an_interaction(auth_client, user):
    interaction = InteractionFactory(contact__owner=user)
    response = auth_client.post(reverse("contacts:interaction_delete", args=[interaction.pk]))
    assert response.status_code == 302
    assert response["Location"] == interaction.contact.get_absolute_url()
    assert not Interaction.objects.exists()


def test_it_will_not_remove_another_persons_interaction(auth_client, other_user):
    interaction = InteractionFactory(contact__owner=other_user)
    response = auth_client.post(reverse("contacts:interaction_delete", args=[interaction.pk]))
    assert response.status_code == 404
    assert Interaction.objects.exists()


# --- events -----------------------------------------------------------------------------


def test_it_logs_an_event_with_the_people_met(auth_client, user):
    response = auth_client.post(
        reverse("contacts:event_create"),
        {
            "title": "PyData meetup",
            "happened_on": today_for(user).isoformat(),
            "notes": "Talks on forecasting",
            "people_met": "Ana Ruiz\nTom Beck",
        },
    )
    assert response.status_code == 302
    event = Interaction.objects.get()
    assert (event.kind, event.contact, event.owner) == ("event", None, user)


def test_an_event_needs_a_name(auth_client, user):
    response = auth_client.post(
        reverse("contacts:event_create"), {"title": "", "happened_on": "2024-01-01"}
    )
    assert b"Name the event or group." in response.content
    assert not Interaction.objects.exists()


def test_the_events_page_offers_to_add_the_people_met(auth_client, user, other_user):
    ContactFactory(owner=user, name="Ana Ruiz")
    ContactFactory(owner=other_user, name="Tom Beck")
    Interaction.objects.create(
        owner=user,
        kind="event",
        happened_on=today_for(user),
        title="PyData",
        people_met="ana ruiz\nTom Beck",
    )
    Interaction.objects.create(
        owner=other_user, kind="event", happened_on=today_for(user), title="Their meetup"
    )
    response = auth_client.get(reverse("contacts:events"))
    body = response.content.decode()
    assert "PyData" in body
    assert "Their meetup" not in body
    assert "(in your contacts)" in body  # Ana is already a contact
    assert "?name=Tom%20Beck&amp;how_we_met=Met%20at%20PyData" in body
    assert_no_inline_code(response.content)


def test_the_gentle_nudge_can_prefill_a_support_person(auth_client):
    response = auth_client.get(CREATE, {"kind": "support"})
    assert b'<option value="support" selected>' in response.content
    odd = auth_client.get(CREATE, {"kind": "villain"})
    assert b'<option value="peer" selected>' in odd.content


def test_the_company_filter_offers_only_companies_with_contacts(auth_client, user, other_user):
    known = CompanyFactory(owner=user, name="Known Co")
    CompanyFactory(owner=user, name="Applied Only Co")
    theirs = CompanyFactory(owner=other_user, name="Their Co")
    ContactFactory(owner=user, company=known)
    ContactFactory(owner=other_user, company=theirs)
    response = auth_client.get(LIST)
    assert list(response.context["companies"]) == [known]
    assert b"Applied Only Co" not in response.content
    assert b"Their Co" not in response.content
