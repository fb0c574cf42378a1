import datetime

import pytest

from apps.applications.services import application_create


@pytest.fixture
def application(user, today):
    """An application of Alice's, created the way the app does it (with its first move)."""
    return application_create(
        owner=user,
        company_name="Acme Labs",
        role_title="Backend developer",
        applied_on=today - datetime.timedelta(days=12),
    )


@pytest.fixture
def htmx_headers() -> dict:
    return {"HTTP_HX_REQUEST": "true"}
