import re

from django.core import mail
from django.urls import reverse


def test_it_changes_the_password(auth_client, user, password):
    old_feed = reverse("applications:calendar_feed", kwargs={"token": user.calendar_token})
    assert auth_client.get(old_feed).status_code == 200
    response = auth_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": password,
            "new_password1": "brand-new-lantern-77",
            "new_password2": "brand-new-lantern-77",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change_done")
    user.refresh_from_db()
    assert user.check_password("brand-new-lantern-77")
    assert auth_client.get(old_feed).status_code == 404, "the old calendar address is gone"
    new_feed = reverse("applications:calendar_feed", kwargs={"token": user.calendar_token})
    assert auth_client.get(new_feed).status_code == 200


def test_it_refuses_a_wrong_old_password(auth_client, user, password):
    response = auth_client.post(
        reverse("accounts:password_change"),
        {
            "old_password": "not-it",
            "new_password1": "brand-new-lantern-77",
            "new_password2": "brand-new-lantern-77",
        },
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(password)


def test_it_emails_a_reset_link_that_works(client, user):
    old_token = user.calendar_token
    response = client.post(reverse("accounts:password_reset"), {"email": "Alice@Example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reset your Rebound password"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    # Django swaps the token for a session marker and redirects to a set-password form.
    response = client.get(link, follow=True)
    assert response.status_code == 200
    assert b"Choose a new password" in response.content
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "fresh-meadow-path-19", "new_password2": "fresh-meadow-path-19"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("fresh-meadow-path-19")
    assert user.calendar_token != old_token, "a reset changes the calendar address too"
    assert client.get(f"/applications/calendar/{old_token}.ics").status_code == 404

    # The link works once.
    response = client.get(link, follow=True)
    assert b"This link no longer works" in response.content


def test_it_sends_nothing_for_an_unknown_address_but_says_the_same(client, db):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
