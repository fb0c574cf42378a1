import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.core.dates import today_for
from tests.factories import UserFactory

TEST_PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Tests do not run collectstatic, so use plain storage instead of the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def password() -> str:
    return TEST_PASSWORD


@pytest.fixture
def user(db):
    return UserFactory(email="alice@example.com", display_name="Alice", password=TEST_PASSWORD)


@pytest.fixture
def other_user(db):
    return UserFactory(email="bob@example.com", display_name="Bob", password=TEST_PASSWORD)


@pytest.fixture
def today(user) -> datetime.date:
    """Today where Alice is."""
    return today_for(user)


@pytest.fixture
def auth_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def queries_for():
    """How many queries a page costs. Tests compare the count at n rows with the count at
    2n rows (it must not grow), never with a number copied from output."""

    def count(client, url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    return count


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` race real requests against PostgreSQL's row locks. SQLite
    takes one writer at a time, so there they prove nothing: they are deselected (reported
    as such, never skipped) when the suite runs on SQLite. CI runs the suite on both."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    kept, dropped = [], []
    for item in items:
        (dropped if item.get_closest_marker("postgresql") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
