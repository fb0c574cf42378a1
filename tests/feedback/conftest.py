import datetime

import pytest

from apps.applications.services import application_create


@pytest.fixture
def application(user, today):
    return application_create(
        owner=user,
        company_name="Hooli",
        role_title="Data Analyst",
        applied_on=today - datetime.timedelta(days=20),
    )


@pytest.fixture
def other_application(other_user, today):
    return application_create(
        owner=other_user,
        company_name="Globex",
        role_title="Designer",
        applied_on=today - datetime.timedelta(days=20),
    )
