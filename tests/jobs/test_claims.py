"""The rule that makes two workers safe: one claim per kind, person and period."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction

from apps.jobs.models import JobKind, JobRun, RunStatus
from apps.jobs.services import job_claim, job_run_once


def test_it_claims_a_piece_of_work_once(user):
    first = job_claim(kind=JobKind.DIGEST, period="2026-11-27", owner=user)
    second = job_claim(kind=JobKind.DIGEST, period="2026-11-27", owner=user)
    assert first is not None
    assert second is None
    assert JobRun.objects.count() == 1


def test_it_keeps_people_and_periods_apart(user, other_user):
    assert job_claim(kind=JobKind.DIGEST, period="2026-11-27", owner=user)
    assert job_claim(kind=JobKind.DIGEST, period="2026-11-27", owner=other_user)
    assert job_claim(kind=JobKind.DIGEST, period="2026-11-28", owner=user)
    assert job_claim(kind=JobKind.REMINDER, period="2026-11-27", owner=user)
    assert JobRun.objects.count() == 4


@pytest.mark.django_db
def test_the_database_refuses_a_second_row_for_everyone_in_one_period():
    job_claim(kind=JobKind.SESSIONS, period="2026-11-27")
    assert job_claim(kind=JobKind.SESSIONS, period="2026-11-27") is None
    with pytest.raises(IntegrityError), transaction.atomic():
        JobRun.objects.create(
            kind=JobKind.SESSIONS, period="2026-11-27", started_at="2026-11-27T00:00Z"
        )


def test_the_database_refuses_a_second_row_for_one_person_and_period(user):
    job_claim(kind=JobKind.DIGEST, period="2026-W48", owner=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        JobRun.objects.create(
            kind=JobKind.DIGEST, period="2026-W48", owner=user, started_at="2026-11-27T00:00Z"
        )


def test_a_failure_is_kept_and_tried_again_a_bounded_number_of_times(user, settings, caplog):
    settings.WORKER_MAX_ATTEMPTS = 3
    calls = []

    def broken():
        calls.append(1)
        raise ConnectionError("SMTP server said no")

    for _ in range(5):
        job_run_once(kind=JobKind.DIGEST, period="2026-11-27", owner=user, work=broken)

    run = JobRun.objects.get()
    assert len(calls) == 3
    assert run.status == RunStatus.FAILED
    assert run.attempts == 3
    assert "Gave up after 3 tries" in run.detail
    assert "SMTP server said no" in run.detail
    assert "SMTP server said no" in caplog.text


def test_a_retry_that_succeeds_is_done(user):
    outcomes = iter([RuntimeError("first try fails"), "Sent."])

    def flaky():
        outcome = next(outcomes)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert job_run_once(kind=JobKind.DIGEST, period="p", owner=user, work=flaky) == "failed"
    assert job_run_once(kind=JobKind.DIGEST, period="p", owner=user, work=flaky) == "done"
    assert job_run_once(kind=JobKind.DIGEST, period="p", owner=user, work=flaky) is None
    run = JobRun.objects.get()
    assert (run.status, run.attempts, run.detail) == ("done", 2, "Sent.")


def test_nothing_to_do_is_recorded_as_skipped(user):
    job_run_once(kind=JobKind.DIGEST, period="p", owner=user, work=lambda: None)
    assert JobRun.objects.get().status == RunStatus.SKIPPED


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_do_the_work_once(django_user_model):
    """Real threads, each with its own database connection, released at the same moment."""
    person = django_user_model.objects.create_user("racer@example.com", "a-long-passphrase-1")
    workers = 4
    barrier = threading.Barrier(workers)
    done = []
    errors = []

    def worker():
        try:
            barrier.wait()
            job_run_once(
                kind=JobKind.DIGEST,
                period="2026-11-27",
                owner=person,
                work=lambda: done.append(1) or "Sent.",
            )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(done) == 1
    assert JobRun.objects.filter(owner=person).count() == 1
