import pytest
from django.urls import reverse

from apps.applications.models import Application
from apps.contacts.models import Contact
from apps.core.templatetags.links import web_link
from tests.factories import ApplicationFactory, ContactFactory

HOSTILE = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"]


@pytest.mark.parametrize("address", ["https://example.com/jobs/1", "http://example.com"])
def test_it_keeps_web_addresses(address):
    assert web_link(address) == address


@pytest.mark.parametrize("address", [*HOSTILE, "ftp://example.com", "", None, "http://[::1"])
def test_it_drops_every_other_scheme(address):
    assert web_link(address) == ""


@pytest.mark.parametrize("address", HOSTILE)
def test_the_pages_never_link_a_stored_script_address(auth_client, user, address):
    # Stored without validation, as an old restore could have.
    application = ApplicationFactory(owner=user)
    Application.objects.filter(pk=application.pk).update(posting_url=address)
    contact = ContactFactory(owner=user)
    Contact.objects.filter(pk=contact.pk).update(profile_url=address)
    for url in (application.get_absolute_url(), contact.get_absolute_url()):
        body = auth_client.get(url).content.decode()
        assert 'href="javascript' not in body.lower().replace(" ", "")
        assert 'href="data:' not in body and 'href="vbscript' not in body


def test_the_pages_link_a_web_address(auth_client, user):
    application = ApplicationFactory(owner=user, posting_url="https://example.com/jobs/1")
    body = auth_client.get(reverse("applications:detail", kwargs={"pk": application.pk}))
    assert 'href="https://example.com/jobs/1"' in body.content.decode()
