"""DJANGO_SIGNUP: open, by invitation (single-use links made in settings) or closed."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import Invite, User
from apps.accounts.services import invite_create

SIGNUP = reverse("accounts:signup")
INVITES = reverse("accounts:invites")


def signup_data(email: str, invite: str = "") -> dict:
    return {
        "email": email,
        "display_name": "Sam",
        "password1": "a-long-test-passphrase-42",
        "password2": "a-long-test-passphrase-42",
        "timezone": "UTC",
        "invite": invite,
    }


def secret_from(link: str) -> str:
    return re.search(r"invite=([\w-]+)", link).group(1)


def test_open_sign_up_needs_no_invite(client, db, settings):
    settings.SIGNUP_MODE = "open"
    assert client.post(SIGNUP, signup_data("sam@example.com")).status_code == 302
    assert User.objects.filter(email="sam@example.com").exists()


def test_closed_sign_up_says_so_and_makes_no_account(client, db, settings):
    settings.SIGNUP_MODE = "closed"
    page = client.get(SIGNUP)
    assert page.status_code == 403
    assert "not taking new accounts" in page.content.decode()
    assert client.post(SIGNUP, signup_data("sam@example.com")).status_code == 403
    assert not User.objects.filter(email="sam@example.com").exists()


def test_invite_sign_up_without_a_link_explains_how_to_get_one(client, user, settings):
    settings.SIGNUP_MODE = "invite"
    page = client.get(SIGNUP)
    assert page.status_code == 403
    assert "Ask the person who runs it for an invite link" in page.content.decode()
    assert client.post(SIGNUP, signup_data("sam@example.com")).status_code == 403
    assert not User.objects.filter(email="sam@example.com").exists()


def test_an_invite_link_made_in_settings_works_once(auth_client, user, settings):
    client = Client()
    settings.SIGNUP_MODE = "invite"
    page = auth_client.post(INVITES, {"note": "Sam from the meetup"})
    link = page.context["link"]
    assert link.startswith("http://testserver/accounts/signup/?invite=")
    assert "Sam from the meetup" in page.content.decode()
    secret = secret_from(link)
    form_page = client.get(SIGNUP, {"invite": secret})
    assert form_page.status_code == 200
    assert f'value="{secret}"' in form_page.content.decode(), "the form carries the invite"
    assert client.post(SIGNUP, signup_data("sam@example.com", secret)).status_code == 302
    invite = Invite.objects.get()
    assert invite.used_at is not None
    # The same link again, for someone else: spent.
    other = Client()
    response = other.post(SIGNUP, signup_data("kim@example.com", secret))
    assert response.status_code == 403
    assert "has been used or has expired" in response.content.decode()
    assert not User.objects.filter(email="kim@example.com").exists()


def test_an_expired_invite_does_not_work(client, user, settings):
    settings.SIGNUP_MODE = "invite"
    invite, secret = invite_create(owner=user)
    Invite.objects.filter(pk=invite.pk).update(
        expires_on=timezone.now().date() - datetime.timedelta(days=1)
    )
    assert client.post(SIGNUP, signup_data("sam@example.com", secret)).status_code == 403
    assert not User.objects.filter(email="sam@example.com").exists()


def test_a_revoked_invite_does_not_work(auth_client, user, settings):
    client = Client()
    settings.SIGNUP_MODE = "invite"
    invite, secret = invite_create(owner=user)
    response = auth_client.post(reverse("accounts:invite_revoke", kwargs={"pk": invite.pk}))
    assert response["Location"] == INVITES
    assert client.post(SIGNUP, signup_data("sam@example.com", secret)).status_code == 403


def test_invites_are_listed_for_their_owner_only(auth_client, other_user):
    invite_create(owner=other_user, note="Bob's friend")
    assert "Bob's friend" not in auth_client.get(INVITES).content.decode()


def test_only_a_digest_of_the_invite_is_kept(user):
    invite, secret = invite_create(owner=user)
    assert secret not in invite.digest


@pytest.mark.parametrize("value", ["", "open"])
def test_sign_up_is_open_by_default(value, monkeypatch):
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="1", DJANGO_SIGNUP=value)
    result = subprocess.run(
        [sys.executable, "-c", "import config.settings as s; print(s.SIGNUP_MODE)"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "open"


def test_by_invitation_the_first_account_needs_no_invite(client, db, settings):
    settings.SIGNUP_MODE = "invite"
    assert client.get(SIGNUP).status_code == 200
    assert client.post(SIGNUP, signup_data("owner@example.com")).status_code == 302
    assert Client().post(SIGNUP, signup_data("second@example.com")).status_code == 403
    assert User.objects.count() == 1
