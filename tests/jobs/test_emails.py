"""Digests and interview reminders, sent through a real SMTP server on loopback."""

import datetime
import threading
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from apps.applications.models import Application
from apps.jobs.models import JobKind, JobRun, RunStatus
from apps.jobs.periodic import run_due_work
from tests.factories import ApplicationFactory, InterviewFactory, UserFactory
from tests.jobs.conftest import SITE

UTC = datetime.UTC


def at(*args, zone="UTC") -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=ZoneInfo(zone))


def digest_reader(*, zone="UTC", hour=8, digest="daily", **extra):
    person = UserFactory(timezone=zone, digest=digest, digest_hour=hour, **extra)
    # Something to say: a follow-up that is due whatever the date.
    ApplicationFactory(
        owner=person,
        role_title="Data Analyst",
        company__name="Initech",
        next_follow_up_on=datetime.date(2020, 1, 1),
    )
    return person


def parts(message) -> tuple[str, str]:
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def test_the_daily_digest_arrives_at_the_persons_hour_with_both_parts(smtp, db):
    person = digest_reader(zone="Europe/Paris", hour=8)
    application = Application.objects.get(owner=person)

    run_due_work(now=at(2026, 6, 10, 5, 0))  # 07:00 in Paris
    assert smtp.messages == []
    run_due_work(now=at(2026, 6, 10, 6, 0))  # 08:00 in Paris
    run_due_work(now=at(2026, 6, 10, 6, 5))  # the next tick, same hour: no second email
    assert len(smtp.messages) == 1

    message = smtp.messages[0]
    assert message["To"] == person.email
    assert message["Subject"] == "Your day in Rebound"
    sent = parsedate_to_datetime(message["Date"])
    assert abs(sent - timezone.now()) < datetime.timedelta(minutes=1)
    assert message["Message-ID"].endswith("@rebound.example.com>")
    unsubscribe = message["List-Unsubscribe"].strip()  # a long header is folded
    assert unsubscribe.startswith(f"<{SITE}/email/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(message)
    link = f"{SITE}{application.get_absolute_url()}"
    for body in (text, html):
        assert "Data Analyst at Initech" in body
        assert link in body
        assert unsubscribe.strip("<>") in body
        assert f"{SITE}/accounts/settings/" in body
    assert f'<a href="{link}">' in html
    run = JobRun.objects.get(kind=JobKind.DIGEST)
    assert (run.owner, run.period, run.status) == (person, "2026-06-10", RunStatus.DONE)


@pytest.mark.parametrize(
    ("zone", "before", "due", "local_date"),
    [
        # UTC+14: 08:00 on the 11th is 18:00 UTC on the 10th.
        ("Pacific/Kiritimati", at(2026, 6, 10, 17, 0), at(2026, 6, 10, 18, 0), "2026-06-11"),
        # UTC-11: 08:00 on the 10th is 19:00 UTC on the 10th.
        ("Pacific/Pago_Pago", at(2026, 6, 10, 18, 0), at(2026, 6, 10, 19, 0), "2026-06-10"),
    ],
)
def test_the_hour_is_the_persons_own_far_from_utc(smtp, db, zone, before, due, local_date):
    digest_reader(zone=zone, hour=8)
    run_due_work(now=before)
    assert smtp.messages == []
    run_due_work(now=due)
    assert len(smtp.messages) == 1
    assert JobRun.objects.get(kind=JobKind.DIGEST).period == local_date


def test_the_hour_follows_a_daylight_saving_change(smtp, db):
    """Berlin moves from UTC+1 to UTC+2 on 29 March 2026: 08:00 is 07:00 UTC the day
    before and 06:00 UTC that day."""
    digest_reader(zone="Europe/Berlin", hour=8)
    run_due_work(now=at(2026, 3, 28, 6, 0))
    assert smtp.messages == []
    run_due_work(now=at(2026, 3, 28, 7, 0))
    assert len(smtp.messages) == 1
    run_due_work(now=at(2026, 3, 29, 7, 0))  # 09:00 in Berlin now
    assert len(smtp.messages) == 1
    run_due_work(now=at(2026, 3, 29, 6, 0))
    assert len(smtp.messages) == 2
    periods = set(JobRun.objects.filter(kind=JobKind.DIGEST).values_list("period", flat=True))
    assert periods == {"2026-03-28", "2026-03-29"}


def test_the_weekly_digest_comes_on_mondays(smtp, db):
    digest_reader(digest="weekly", hour=9)
    run_due_work(now=at(2026, 6, 9, 9, 0))  # a Tuesday
    assert smtp.messages == []
    run_due_work(now=at(2026, 6, 15, 9, 0))  # a Monday
    assert len(smtp.messages) == 1
    assert smtp.messages[0]["Subject"] == "Your week ahead in Rebound"
    assert JobRun.objects.get(kind=JobKind.DIGEST).period == "2026-W25"


def test_no_digest_while_resting_or_when_off(smtp, db):
    digest_reader(hour=8, resting_until=datetime.date(2026, 6, 12))
    digest_reader(hour=8, digest="off")
    run_due_work(now=at(2026, 6, 10, 8, 0))
    assert smtp.messages == []
    assert not JobRun.objects.filter(kind=JobKind.DIGEST).exists()


def test_nothing_to_say_sends_nothing(smtp, db):
    UserFactory(digest="daily", digest_hour=8)
    run_due_work(now=at(2026, 6, 10, 8, 0))
    assert smtp.messages == []
    assert JobRun.objects.get(kind=JobKind.DIGEST).status == RunStatus.SKIPPED


def test_the_digest_lists_interviews_with_their_local_times(smtp, db):
    person = digest_reader(zone="America/New_York", hour=7)
    InterviewFactory(
        application__owner=person,
        application__status="interviewing",
        application__company__name="Hooli",
        scheduled_at=at(2026, 6, 11, 18, 30),  # 14:30 in New York
        with_whom="Gavin",
    )
    run_due_work(now=at(2026, 6, 10, 11, 0))  # 07:00 in New York
    text, html = parts(smtp.messages[0])
    assert "Thursday 11 June, 14:30" in text
    assert "with Gavin" in text
    assert "Hooli" in html


def test_an_interview_reminder_arrives_the_chosen_hours_before(smtp, db):
    person = UserFactory(timezone="Asia/Tokyo", reminder_hours_before=24)
    interview = InterviewFactory(
        application__owner=person,
        application__status="interviewing",
        application__company__name="Pied Piper",
        scheduled_at=at(2026, 6, 11, 1, 0),  # 10:00 in Tokyo
    )
    run_due_work(now=at(2026, 6, 9, 23, 0))  # 26 hours before
    assert smtp.messages == []
    run_due_work(now=at(2026, 6, 10, 1, 5))  # within 24 hours
    run_due_work(now=at(2026, 6, 10, 1, 10))
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["Subject"] == "Interview Thu 11 Jun at 10:00: Pied Piper"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = parts(message)
    link = f"{SITE}{interview.application.get_absolute_url()}"
    assert "Thursday 11 June at 10:00 (Asia/Tokyo)" in text
    assert link in text
    assert f'href="{link}"' in html


def test_no_reminder_when_turned_off_or_resting(smtp, db):
    for person in (
        UserFactory(interview_reminders=False),
        UserFactory(resting_until=datetime.date(2026, 6, 11)),
    ):
        InterviewFactory(
            application__owner=person,
            application__status="interviewing",
            scheduled_at=at(2026, 6, 10, 12, 0),
        )
    run_due_work(now=at(2026, 6, 10, 8, 0))
    assert smtp.messages == []


def _unsubscribe_address(message) -> str:
    return message["List-Unsubscribe"].strip().strip("<>").removeprefix(SITE)


def test_one_click_unsubscribe_by_post_without_signing_in(smtp, db):
    person = digest_reader(hour=8)
    run_due_work(now=at(2026, 6, 10, 8, 0))
    path = _unsubscribe_address(smtp.messages[0])

    # A mail client: no session, no CSRF token, the RFC 8058 body.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert b"will not send digests" in response.content
    person.refresh_from_db()
    assert person.digest == "off"
    assert person.interview_reminders is True  # only the kind the email was about

    run_due_work(now=at(2026, 6, 11, 8, 0))
    assert len(smtp.messages) == 1


def test_the_visible_link_asks_before_unsubscribing(smtp, db):
    person = UserFactory(reminder_hours_before=24)
    InterviewFactory(
        application__owner=person,
        application__status="interviewing",
        scheduled_at=at(2026, 6, 10, 12, 0),
    )
    run_due_work(now=at(2026, 6, 10, 8, 0))
    path = _unsubscribe_address(smtp.messages[0])
    _, html = parts(smtp.messages[0])
    assert f'href="{SITE}{path}"' in html

    visitor = Client(enforce_csrf_checks=True)
    response = visitor.get(path)
    assert response.status_code == 200
    assert b"Stop interview reminders" in response.content
    person.refresh_from_db()
    assert person.interview_reminders is True  # a link scanner's GET changes nothing
    assert visitor.post(path).status_code == 200
    person.refresh_from_db()
    assert person.interview_reminders is False
    assert person.digest == "off"


def test_an_unsigned_or_altered_address_is_a_404(smtp, db, client):
    digest_reader(hour=8)
    run_due_work(now=at(2026, 6, 10, 8, 0))
    path = _unsubscribe_address(smtp.messages[0])
    token = path.split("/")[-2]
    altered = path.replace(token, token[:-2] + ("aa" if not token.endswith("aa") else "bb"))
    assert client.post(altered).status_code == 404
    assert client.get("/email/unsubscribe/not-a-token/").status_code == 404


def test_the_unsubscribe_page_answers_only_get_and_post(client, user):
    from apps.jobs.emails import unsubscribe_token

    path = f"/email/unsubscribe/{unsubscribe_token(person=user, kind='digest')}/"
    assert client.put(path).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_one_digest(smtp):
    digest_reader(hour=8)
    now = at(2026, 6, 10, 8, 0)
    workers = 3
    barrier = threading.Barrier(workers)
    errors = []

    def worker():
        try:
            barrier.wait()
            run_due_work(now=now)
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
    assert len(smtp.messages) == 1
    assert JobRun.objects.filter(kind=JobKind.DIGEST).count() == 1


def test_settings_show_what_is_subscribed(auth_client, user):
    response = auth_client.get("/accounts/settings/")
    assert b"Digest: off." in response.content
    assert b"Interview reminders: on, 24 hours before." in response.content
    response = auth_client.post(
        "/accounts/settings/",
        {
            "display_name": user.display_name,
            "timezone": "Europe/Paris",
            "weekly_application_goal": 5,
            "weekly_networking_goal": 2,
            "stale_after_days": 30,
            "digest": "daily",
            "digest_hour": 7,
            "reminder_hours_before": 3,
            "interview_reminders": "on",
        },
    )
    assert response.status_code == 302
    response = auth_client.get("/accounts/settings/")
    assert b"Digest: every day at 07:00 (Europe/Paris)." in response.content
    assert b"Interview reminders: on, 3 hours before." in response.content


def test_first_steps_offer_the_digest(auth_client):
    response = auth_client.get("/")
    assert b"A digest of what is coming up" in response.content
    assert b'/accounts/settings/#emails"' in response.content
