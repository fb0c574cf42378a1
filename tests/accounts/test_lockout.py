"""The login lockout sees the real client behind DJANGO_PROXY_COUNT proxies, and caps the
failures from one address across every account."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import UserFactory

URL = reverse("accounts:login")
ROOT = Path(__file__).resolve().parents[2]
PROXY = "10.0.0.1"


def settings_for(proxy_count: str) -> list[str]:
    """The ipware settings that config/settings.py makes of DJANGO_PROXY_COUNT."""
    code = (
        "import config.settings as s;"
        "print(repr(s.AXES_IPWARE_META_PRECEDENCE_ORDER), s.AXES_IPWARE_PROXY_COUNT)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="1", DJANGO_PROXY_COUNT=proxy_count)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def behind_one_proxy(settings):
    assert settings_for("1") == "('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR') 0"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    settings.AXES_IPWARE_PROXY_COUNT = 0


@pytest.fixture
def no_proxy(settings):
    assert settings_for("0") == "('REMOTE_ADDR',) None"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    settings.AXES_IPWARE_PROXY_COUNT = None


def fail(client, email: str, **meta):
    return client.post(URL, {"username": email, "password": "wrong"}, **meta)


def test_without_a_proxy_a_forwarded_header_cannot_dodge_the_lock(no_proxy, client, user):
    for n in range(5):
        fail(client, user.email, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = fail(client, user.email, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.1.1.1")
    assert response.status_code == 429


def test_without_a_proxy_another_address_is_not_locked(no_proxy, client, user, password):
    for _ in range(5):
        fail(client, user.email, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        URL, {"username": user.email, "password": password}, REMOTE_ADDR="203.0.113.10"
    )
    assert response.status_code == 302


def test_behind_one_proxy_the_lock_is_for_the_client_not_the_proxy(
    behind_one_proxy, client, user, password
):
    for _ in range(5):
        fail(client, user.email, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    locked = fail(client, user.email, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert locked.status_code == 429
    # The person, from their own address through the same proxy, still gets in.
    response = client.post(
        URL,
        {"username": user.email, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_behind_one_proxy_a_forged_header_does_not_pick_an_address(behind_one_proxy, client, user):
    """A client sending its own X-Forwarded-For arrives with two entries; that does not
    match one proxy, so the attempts count against the proxy's address, never the forged one."""
    for n in range(5):
        fail(
            client,
            user.email,
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9",
        )
    from axes.models import AccessAttempt

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {PROXY}


def test_an_address_is_capped_across_accounts(no_proxy, client, settings, password, db):
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    people = [UserFactory(email=f"p{n}@example.com", password=password) for n in range(3)]
    for person in people[:2]:
        for _ in range(4):  # under the per-account limit of five
            fail(client, person.email, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        URL, {"username": people[2].email, "password": password}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 429, "eight failures from one address lock the address"
    response = client.post(
        URL, {"username": people[2].email, "password": password}, REMOTE_ADDR="203.0.113.10"
    )
    assert response.status_code == 302, "other addresses are not held up"


def test_under_the_address_cap_other_accounts_still_log_in(no_proxy, client, password, db):
    people = [UserFactory(email=f"q{n}@example.com", password=password) for n in range(3)]
    for person in people[:2]:
        for _ in range(4):
            fail(client, person.email, REMOTE_ADDR="203.0.113.9")
    response = client.post(
        URL, {"username": people[2].email, "password": password}, REMOTE_ADDR="203.0.113.9"
    )
    assert response.status_code == 302
