import datetime

import pytest

from apps.applications.services import application_create

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _mailbox_key(settings):
    settings.MAILBOX_KEY = "7rL0m1M4Xr8cV8xg1YQn6Zb2qkq5J9cVt3Xb0m0b8xg="


@pytest.fixture
def northwind(user, today):
    return application_create(
        owner=user,
        company_name="Northwind Traders Ltd",
        role_title="Data Analyst",
        applied_on=today - datetime.timedelta(days=20),
    )


@pytest.fixture
def globex(user, today):
    return application_create(
        owner=user,
        company_name="Globex, Inc.",
        role_title="Backend Engineer",
        applied_on=today - datetime.timedelta(days=15),
    )
