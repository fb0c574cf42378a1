import datetime

from apps.accounts.services import pause_mode_start
from apps.applications.services import (
    application_create,
    application_set_follow_up,
    interview_schedule,
)


def test_the_summary_lists_what_is_due_and_this_week(api, user, today):
    application = application_create(owner=user, company_name="Acme", role_title="Analyst")
    application_set_follow_up(application=application, on=today)
    interview_schedule(
        application=application,
        kind="technical",
        scheduled_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=2),
    )
    summary = api.get("/api/v1/summary").json()
    assert summary["today"] == today.isoformat()
    assert [row["id"] for row in summary["due"]["applications"]] == [application.pk]
    assert summary["week"]["applications"] == 1 and summary["week"]["application_goal"] == 5
    assert [row["application"]["id"] for row in summary["week"]["interviews"]] == [application.pk]
    assert summary["pipeline"]["counts"]["interviewing"] == 1


def test_follow_ups_wait_while_the_person_rests(api, user, today):
    application = application_create(owner=user, company_name="Acme", role_title="Analyst")
    application_set_follow_up(application=application, on=today)
    pause_mode_start(user=user, days=2)
    summary = api.get("/api/v1/summary").json()
    assert summary["resting_until"] == (today + datetime.timedelta(days=2)).isoformat()
    assert summary["due"] == {"applications": [], "feedback_requests": [], "contacts": []}
