"""A spreadsheet import above the size threshold is confirmed in the background worker."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from apps.applications.models import Application
from apps.exports.models import PendingImport
from tests.exports.test_views import GOOD, WITH_A_BAD_ROW, map_columns, pending_for, upload

# The worker checks its connection between tasks the way requests do, which closes a
# connection left inside a transaction: these tests use real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.BACKGROUND_IMPORT_ROWS = 1


def confirm(client, pending, mode: str):
    return client.post(
        reverse("exports:import_confirm", kwargs={"token": pending.token}), {"mode": mode}
    )


def test_a_large_import_is_confirmed_in_the_worker(auth_client, user):
    upload(auth_client, GOOD)
    pending = pending_for(user)
    map_columns(auth_client, pending)

    response = confirm(auth_client, pending, "all")
    progress = reverse("exports:import_progress", kwargs={"token": pending.token})
    assert response["Location"] == progress
    assert not Application.objects.exists()  # nothing written in the request
    page = auth_client.get(progress)
    assert b"Importing 2 rows in one go" in page.content
    assert b'hx-trigger="every 1s"' in page.content

    call_command("run_worker", "--batch")
    fragment = auth_client.get(progress, headers={"HX-Request": "true"})
    assert fragment.content.lstrip().startswith(b'<article id="import-progress"')
    assert b"Imported 2 applications." in fragment.content
    assert b"hx-trigger" not in fragment.content
    assert Application.objects.for_user(user).count() == 2


def test_a_refused_import_writes_nothing_says_why_and_can_be_queued_again(auth_client, user):
    upload(auth_client, WITH_A_BAD_ROW)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    confirm(auth_client, pending, "all")
    call_command("run_worker", "--batch")

    page = auth_client.get(reverse("exports:import_progress", kwargs={"token": pending.token}))
    assert b"Some rows need a look, so nothing was imported." in page.content
    assert b"Back to the preview" in page.content
    assert not Application.objects.exists()

    confirm(auth_client, pending, "valid_only")
    call_command("run_worker", "--batch")
    page = auth_client.get(reverse("exports:import_progress", kwargs={"token": pending.token}))
    assert b"Imported 2 applications." in page.content
    assert b"1 row with problems left out." in page.content
    assert Application.objects.for_user(user).count() == 2


def test_a_double_click_queues_the_import_once(auth_client, user):
    upload(auth_client, GOOD)
    pending = pending_for(user)
    map_columns(auth_client, pending)
    confirm(auth_client, pending, "all")
    confirm(auth_client, pending, "all")
    tasks = DBTaskResult.objects.filter(task_path__endswith="import_in_background")
    assert tasks.count() == 1
    call_command("run_worker", "--batch")
    assert Application.objects.for_user(user).count() == 2
    assert PendingImport.objects.get().imported_count == 2
