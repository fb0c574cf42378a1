from django.urls import reverse

from apps.inbox import crypto
from apps.inbox.models import Mailbox

URL = reverse("inbox:mailbox")
FORM = {
    "host": "imap.example.com",
    "port": "993",
    "security": "tls",
    "username": "alice@example.com",
    "password": "correct horse battery staple",
    "folder": "INBOX",
    "since": "",
    "enabled": "on",
}


def test_the_settings_page_links_to_the_mailbox(auth_client):
    response = auth_client.get(reverse("accounts:settings"))
    assert URL.encode() in response.content


def test_it_saves_the_mailbox_with_the_password_encrypted_and_never_shown(auth_client, user):
    response = auth_client.post(URL, FORM)
    assert response.status_code == 302
    mailbox = Mailbox.objects.get(owner=user)
    assert FORM["password"] not in mailbox.password_token
    assert crypto.decrypt(mailbox.password_token) == FORM["password"]
    page = auth_client.get(URL).content.decode()
    assert FORM["password"] not in page
    assert mailbox.password_token not in page


def test_a_blank_password_keeps_the_stored_one(auth_client, user):
    auth_client.post(URL, FORM)
    token = Mailbox.objects.get().password_token
    auth_client.post(URL, {**FORM, "password": "", "folder": "INBOX"})
    assert Mailbox.objects.get().password_token == token


def test_a_new_mailbox_needs_a_password(auth_client):
    response = auth_client.post(URL, {**FORM, "password": ""})
    assert response.status_code == 422
    assert b"Enter the app password for this mailbox." in response.content
    assert not Mailbox.objects.exists()


def test_plain_connections_are_only_for_this_machine(auth_client):
    response = auth_client.post(URL, {**FORM, "security": "none"})
    assert response.status_code == 422
    assert b"Only a server on this machine may be read without encryption." in response.content
    assert (
        auth_client.post(URL, {**FORM, "security": "none", "host": "127.0.0.1"}).status_code == 302
    )


def test_the_operator_can_switch_mailbox_reading_off(auth_client, settings):
    settings.MAILBOX_READING = False
    page = auth_client.get(URL).content.decode()
    assert "switched off on this server" in page
    assert auth_client.post(URL, FORM).status_code == 409
    assert not Mailbox.objects.exists()


def test_without_a_key_in_production_mailboxes_cannot_be_connected(auth_client, settings):
    settings.MAILBOX_KEY = ""
    settings.DEBUG = False
    page = auth_client.get(URL).content.decode()
    assert "needs to set a mailbox key first" in page
    assert auth_client.post(URL, FORM).status_code == 409


def test_in_development_a_key_is_derived_from_the_secret_key(settings):
    settings.MAILBOX_KEY = ""
    settings.DEBUG = True
    token = crypto.encrypt("secret")
    assert crypto.decrypt(token) == "secret"
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789"
    assert crypto.decrypt(token) == ""


def test_a_test_of_an_unreachable_server_says_so(auth_client, user):
    from tests.inbox.dovecot import free_port

    auth_client.post(
        URL, {**FORM, "host": "127.0.0.1", "port": str(free_port()), "security": "none"}
    )
    response = auth_client.post(reverse("inbox:mailbox_test"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b"Could not reach 127.0.0.1 on port" in response.content


def test_disconnecting_deletes_the_mailbox(auth_client, user):
    auth_client.post(URL, FORM)
    response = auth_client.post(reverse("inbox:mailbox_delete"))
    assert response.status_code == 302
    assert not Mailbox.objects.exists()


def test_mailbox_routes_reject_get_where_they_write(auth_client):
    for name in ("inbox:mailbox_test", "inbox:mailbox_poll", "inbox:mailbox_delete"):
        assert auth_client.get(reverse(name)).status_code == 405
