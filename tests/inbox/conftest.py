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


@pytest.fixture(scope="session")
def dovecot():
    import os
    import shutil
    import tempfile
    from pathlib import Path

    from tests.inbox.dovecot import DOVECOT, Dovecot

    if not Path(DOVECOT).exists():
        if os.environ.get("REBOUND_REQUIRE_IMAP") == "1":
            pytest.fail(f"Dovecot is required for the IMAP tests but {DOVECOT} does not exist.")
        pytest.skip("Dovecot (dovecot-imapd) is not installed")
    # Not under pytest's own temporary folder: Dovecot's mail user must be able to enter it.
    root = Path(tempfile.mkdtemp(prefix="rebound-dovecot-"))
    server = Dovecot(root)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
