import datetime
import hashlib

from django.urls import reverse

from apps.accounts.models import ApiToken
from apps.accounts.services import api_token_create

TOKENS = reverse("accounts:api_tokens")


def make(auth_client, **fields):
    data = {"name": "Phone shortcut", "access": "read_write", "expires_on": "", **fields}
    return auth_client.post(TOKENS, data)


def test_it_shows_a_new_token_once_and_stores_only_its_digest(auth_client, user):
    response = make(auth_client)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    assert secret.startswith("rbt_") and len(secret) > 40
    assert secret in response.content.decode()

    token = ApiToken.objects.get(owner=user)
    assert token.name == "Phone shortcut" and token.access == "read_write"
    assert token.digest == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.digest, token.hint, token.name}
    assert secret.startswith(token.hint)

    again = auth_client.get(TOKENS).content.decode()
    assert secret not in again
    assert "Phone shortcut" in again and f"{token.hint}…" in again


def test_it_says_what_to_fix(auth_client, user, today):
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    response = make(auth_client, name="  ", access="admin", expires_on=yesterday)
    form = response.context["form"]
    assert "name" in form.errors and "access" in form.errors
    assert not ApiToken.objects.exists()
    response = make(auth_client, expires_on=yesterday)
    assert response.context["form"].errors["expires_on"] == [
        "Choose today or a later date, or leave it empty."
    ]
    assert not ApiToken.objects.exists()


def test_it_lists_tokens_with_access_use_and_expiry(auth_client, user, today):
    api_token_create(owner=user, name="Reader", access="read", expires_on=today)
    stale, _ = api_token_create(owner=user, name="Old script", access="read_write")
    ApiToken.objects.filter(pk=stale.pk).update(expires_on=today - datetime.timedelta(days=3))
    html = auth_client.get(TOKENS).content.decode()
    assert "Reader" in html and "read only" in html and "not used yet" in html
    assert "works through" in html
    assert "Old script" in html and "expired" in html and "stopped working after" in html


def test_it_revokes_a_token_at_once(auth_client, user):
    token, _secret = api_token_create(owner=user, name="Script", access="read")
    response = auth_client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert auth_client.get(reverse("accounts:api_token_revoke", args=[token.pk])).status_code == 405


def test_it_cannot_revoke_someone_elses_token(auth_client, other_user):
    token, _secret = api_token_create(owner=other_user, name="Theirs", access="read")
    response = auth_client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert response.status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_settings_link_to_the_tokens(auth_client, user):
    api_token_create(owner=user, name="Script", access="read")
    html = auth_client.get(reverse("accounts:settings")).content.decode()
    assert TOKENS in html and "You have 1 token." in html


def change_password(auth_client, password, **extra):
    return auth_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": password,
            "new_password1": "brand-new-lantern-77",
            "new_password2": "brand-new-lantern-77",
            **extra,
        },
        follow=True,
    )


def test_changing_the_password_offers_to_revoke_the_tokens(auth_client, user, password):
    assert (
        "revoke_api_tokens"
        not in auth_client.get(reverse("accounts:password_change")).context["form"].fields
    )
    api_token_create(owner=user, name="Script", access="read")
    api_token_create(owner=user, name="Shortcut", access="read_write")
    form = auth_client.get(reverse("accounts:password_change")).context["form"]
    assert form.fields["revoke_api_tokens"].initial is True

    response = change_password(auth_client, password, revoke_api_tokens="on")
    assert "Your 2 API tokens no longer work." in response.content.decode()
    assert not ApiToken.objects.exists()
    user.refresh_from_db()
    assert user.check_password("brand-new-lantern-77")


def test_the_tokens_can_be_kept_through_a_password_change(auth_client, user, password):
    api_token_create(owner=user, name="Script", access="read")
    change_password(auth_client, password)  # the box left unticked
    assert ApiToken.objects.count() == 1


def test_a_wrong_old_password_revokes_nothing(auth_client, user):
    api_token_create(owner=user, name="Script", access="read")
    response = change_password(auth_client, "not-it", revoke_api_tokens="on")
    assert response.context["form"].errors
    assert ApiToken.objects.count() == 1


def test_deleting_the_account_deletes_its_tokens(user):
    api_token_create(owner=user, name="Script", access="read")
    user.delete()
    assert not ApiToken.objects.exists()
