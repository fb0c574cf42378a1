"""A restore above the size threshold runs in the background worker: the page shows its
progress in place, then the result, or what got in the way with nothing written."""

import random

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.demo.seed import seed_everything
from apps.exports import restore as restore_module
from apps.exports.models import BackgroundRestore, RestoreStatus
from apps.exports.restore import read_bundle
from apps.exports.selectors import account_is_empty
from tests.exports.conftest import make_world
from tests.exports.test_restore import _set_cell, export_zip, rebuilt, restore, total_rows

# The worker checks its connection between tasks the way requests do, which closes a
# connection left inside a transaction: these tests use real transactions.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _small_threshold(settings):
    settings.BACKGROUND_RESTORE_ROWS = 5


@pytest.fixture
def newcomer_client(django_user_model, client):
    from django.test import Client

    person = django_user_model.objects.create_user("carol@example.com", "a-long-passphrase-9")
    browser = Client()
    browser.force_login(person)
    browser.person = person
    return browser


def run_worker() -> None:
    call_command("run_worker", "--batch")


def test_a_large_restore_runs_in_the_worker_and_shows_its_progress(
    auth_client, user, newcomer_client
):
    make_world(user, "Big")
    data = export_zip(auth_client)

    response = restore(newcomer_client, data)
    run = BackgroundRestore.objects.get()
    progress_url = reverse("exports:restore_progress", kwargs={"pk": run.pk})
    assert response.status_code == 302
    assert response["Location"] == progress_url
    assert account_is_empty(newcomer_client.person)  # nothing written in the request
    assert run.total_rows == total_rows(user)

    page = newcomer_client.get(progress_url)
    assert page.status_code == 200
    assert b"<progress" in page.content
    assert b"Waiting for the background worker" in page.content
    assert b'hx-trigger="every 1s"' in page.content
    fragment = newcomer_client.get(progress_url, headers={"HX-Request": "true"})
    assert fragment.content.lstrip().startswith(b'<article id="restore-progress"')
    assert b"<html" not in fragment.content

    run_worker()
    fragment = newcomer_client.get(progress_url, headers={"HX-Request": "true"})
    assert f"Restored {total_rows(user)} rows.".encode() in fragment.content
    assert b"hx-trigger" not in fragment.content  # done: the bar stops asking
    assert total_rows(newcomer_client.person) == total_rows(user)
    run.refresh_from_db()
    assert (run.status, run.archive, run.checked_rows) == ("done", b"", total_rows(user))


def test_a_failed_background_restore_says_why_and_writes_nothing(
    auth_client, user, newcomer_client
):
    make_world(user, "Broken")
    data = rebuilt(
        export_zip(auth_client), change=_set_cell("applications", "Applied on", "last May")
    )
    restore(newcomer_client, data)
    run_worker()

    run = BackgroundRestore.objects.get()
    page = newcomer_client.get(reverse("exports:restore_progress", kwargs={"pk": run.pk}))
    assert b"Nothing was restored." in page.content
    assert "“last May” is not a date" in page.content.decode()
    assert account_is_empty(newcomer_client.person)
    assert run.status == RestoreStatus.FAILED


def test_a_double_submit_restores_once(auth_client, user, newcomer_client):
    make_world(user, "Twice")
    data = export_zip(auth_client)
    restore(newcomer_client, data)
    restore(newcomer_client, data)
    run_worker()

    statuses = sorted(BackgroundRestore.objects.values_list("status", flat=True))
    assert statuses == ["done", "failed"]
    assert total_rows(newcomer_client.person) == total_rows(user)
    failed = BackgroundRestore.objects.get(status="failed")
    assert "already has data" in failed.problems[0]


def test_a_restore_below_the_threshold_still_happens_in_the_request(
    auth_client, user, newcomer_client, settings
):
    settings.BACKGROUND_RESTORE_ROWS = 100_000
    make_world(user, "Small")
    response = restore(newcomer_client, export_zip(auth_client))
    assert response["Location"] == reverse("exports:index")
    assert not BackgroundRestore.objects.exists()
    assert total_rows(newcomer_client.person) == total_rows(user)


def test_the_check_reports_its_progress_as_it_reads(auth_client, user, monkeypatch):
    seed_everything(user, applications=30, rng=random.Random(3))
    data = export_zip(auth_client)
    monkeypatch.setattr(restore_module, "PROGRESS_EVERY", 10)
    reported = []

    from django.core.files.base import ContentFile

    from tests.factories import UserFactory

    with read_bundle(
        ContentFile(data, name="all.zip"), owner=UserFactory(), progress=reported.append
    ):
        pass
    rows = total_rows(user)
    assert reported == list(range(10, rows + 1, 10))


def test_the_write_reports_rows_saved_as_it_goes(auth_client, user, monkeypatch):
    from django.core.files.base import ContentFile

    from apps.exports import services
    from tests.factories import UserFactory

    seed_everything(user, applications=30, rng=random.Random(4))
    data = export_zip(auth_client)
    monkeypatch.setattr(services, "BATCH_SIZE", 25)
    saved = []
    newcomer = UserFactory()
    with read_bundle(ContentFile(data, name="all.zip"), owner=newcomer) as bundle:
        counts = services.restore_everything(owner=newcomer, bundle=bundle, progress=saved.append)
    assert saved == sorted(saved)
    assert len(saved) >= sum(counts.values()) // 25 - len(counts)
    assert saved[-1] <= sum(counts.values())
