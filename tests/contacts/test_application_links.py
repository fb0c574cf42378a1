import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from apps.contacts.models import ApplicationContact
from apps.contacts.selectors import application_contacts, contact_applications
from apps.contacts.services import application_contact_link
from tests.factories import ApplicationContactFactory, ApplicationFactory, ContactFactory

pytestmark = pytest.mark.django_db


def test_it_links_a_contact_to_an_application_once(user):
    application = ApplicationFactory(owner=user)
    contact = ContactFactory(owner=user)
    first = application_contact_link(
        owner=user, application=application, contact=contact, role="referrer"
    )
    again = application_contact_link(
        owner=user, application=application, contact=contact, role="interviewer"
    )
    assert first.pk == again.pk
    assert ApplicationContact.objects.get().role == "interviewer"


def test_the_database_refuses_a_second_link_for_the_same_pair(user):
    link = ApplicationContactFactory(application__owner=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationContact.objects.create(
            owner=user, application=link.application, contact=link.contact, role="other"
        )


def test_it_refuses_to_link_someone_elses_things(user, other_user):
    mine, theirs = ContactFactory(owner=user), ApplicationFactory(owner=other_user)
    with pytest.raises(ValidationError):
        application_contact_link(owner=user, application=theirs, contact=mine, role="other")
    assert not ApplicationContact.objects.exists()


def test_each_side_lists_the_other(user):
    link = ApplicationContactFactory(application__owner=user, role="recruiter")
    assert list(application_contacts(application=link.application)) == [link]
    assert list(contact_applications(contact=link.contact)) == [link]


def test_the_contact_page_links_an_application(auth_client, user):
    contact = ContactFactory(owner=user)
    application = ApplicationFactory(owner=user, role_title="Data engineer")
    page = auth_client.get(contact.get_absolute_url())
    assert b"Data engineer" in page.content
    response = auth_client.post(
        reverse("contacts:link_application", args=[contact.pk]),
        {"application": application.pk, "role": "referrer"},
    )
    assert response.status_code == 302
    assert ApplicationContact.objects.get().application == application
    after = auth_client.get(contact.get_absolute_url())
    assert b"Data engineer at" in after.content
    assert b"referrer" in after.content


def test_the_contact_page_will_not_link_another_persons_application(auth_client, user, other_user):
    contact = ContactFactory(owner=user)
    theirs = ApplicationFactory(owner=other_user)
    response = auth_client.post(
        reverse("contacts:link_application", args=[contact.pk]),
        {"application": theirs.pk, "role": "referrer"},
    )
    assert response.status_code == 200
    assert b"Select a valid choice." in response.content
    assert not ApplicationContact.objects.exists()


def test_the_application_side_links_a_contact(auth_client, user):
    application = ApplicationFactory(owner=user)
    contact = ContactFactory(owner=user, name="Priya")
    url = reverse("contacts:link_contact", args=[application.pk])
    assert b"Priya" in auth_client.get(url).content
    response = auth_client.post(url, {"contact": contact.pk, "role": "interviewer"})
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    assert ApplicationContact.objects.get().contact == contact


def test_the_application_side_explains_when_there_are_no_contacts(auth_client, user):
    application = ApplicationFactory(owner=user)
    response = auth_client.get(reverse("contacts:link_contact", args=[application.pk]))
    assert b"You have no contacts yet." in response.content


def test_it_unlinks_and_goes_back(auth_client, user):
    link = ApplicationContactFactory(application__owner=user)
    next_url = link.application.get_absolute_url()
    response = auth_client.post(reverse("contacts:unlink", args=[link.pk]), {"next_url": next_url})
    assert response["Location"] == next_url
    assert not ApplicationContact.objects.exists()
    assert link.contact.__class__.objects.filter(pk=link.contact.pk).exists()


def test_unlinking_never_leaves_the_site(auth_client, user):
    link = ApplicationContactFactory(application__owner=user)
    response = auth_client.post(
        reverse("contacts:unlink", args=[link.pk]), {"next_url": "https://evil.example/"}
    )
    assert response["Location"] == link.contact.get_absolute_url()


def test_link_routes_reject_other_methods(auth_client, user):
    link = ApplicationContactFactory(application__owner=user)
    assert auth_client.get(reverse("contacts:unlink", args=[link.pk])).status_code == 405
    url = reverse("contacts:link_application", args=[link.contact.pk])
    assert auth_client.get(url).status_code == 405
    url = reverse("contacts:link_contact", args=[link.application.pk])
    assert auth_client.delete(url).status_code == 405


def test_the_tag_shows_an_applications_people_in_one_query(user, django_assert_num_queries):
    link = ApplicationContactFactory(
        application__owner=user, contact__name="Priya", contact__company=None, role="recruiter"
    )
    ApplicationContactFactory(application=link.application, contact__owner=user)
    ApplicationContactFactory()  # someone else's
    template = Template("{% load contacts %}{% application_contacts application %}")
    request = RequestFactory().get("/applications/1/")
    with django_assert_num_queries(1):
        html = template.render(Context({"application": link.application, "request": request}))
    assert html.count("<li>") == 2
    assert "Priya" in html
    assert "recruiter" in html
    assert reverse("contacts:link_contact", args=[link.application.pk]) in html


def test_the_application_page_shows_its_people(auth_client, user):
    link = ApplicationContactFactory(
        application__owner=user, contact__name="Priya Natarajan", role="interviewer"
    )
    response = auth_client.get(link.application.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="application-contacts"' in body
    assert "Priya Natarajan" in body
    assert "interviewer" in body
