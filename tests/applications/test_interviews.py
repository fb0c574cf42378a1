import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from apps.applications.models import Interview
from tests.factories import ApplicationFactory, InterviewFactory

DAY = datetime.timedelta(days=1)


def test_it_schedules_an_interview_in_the_persons_timezone(auth_client, user, application):
    user.timezone = "Europe/Berlin"
    user.save()
    url = reverse("applications:interview_create", kwargs={"pk": application.pk})
    page = auth_client.get(url)
    assert b"moves the application to" in page.content
    when = timezone.localdate() + 3 * DAY
    response = auth_client.post(
        url,
        {
            "kind": "technical",
            "scheduled_at": f"{when.isoformat()}T14:30",
            "with_whom": "Dana, team lead",
            "notes": "",
            "round_number": "",
        },
    )
    assert response.status_code == 302
    interview = Interview.objects.get()
    expected = datetime.datetime.combine(
        when, datetime.time(14, 30), zoneinfo.ZoneInfo("Europe/Berlin")
    )
    assert interview.scheduled_at == expected
    assert (interview.round_number, interview.owner) == (1, user)
    application.refresh_from_db()
    assert application.status == "interviewing"
    detail = auth_client.get(application.get_absolute_url()).content.decode()
    assert "Round 1: Technical" in detail
    assert "14:30" in detail
    assert "Applied → <strong>Interviewing</strong>" in detail


def test_it_explains_a_missing_or_unlikely_date(auth_client, application):
    url = reverse("applications:interview_create", kwargs={"pk": application.pk})
    response = auth_client.post(url, {"kind": "technical", "scheduled_at": ""})
    assert "Enter the date and time." in response.content.decode()
    response = auth_client.post(url, {"kind": "", "scheduled_at": "2090-01-01T10:00"})
    content = response.content.decode()
    assert "Choose the kind of interview." in content
    assert "within two years" in content
    assert Interview.objects.count() == 0


def test_it_edits_an_interview(auth_client, user):
    interview = InterviewFactory(application=ApplicationFactory(owner=user))
    url = reverse("applications:interview_edit", kwargs={"pk": interview.pk})
    assert auth_client.get(url).status_code == 200
    when = timezone.now() + 2 * DAY
    response = auth_client.post(
        url,
        {
            "kind": "final",
            "scheduled_at": timezone.localtime(when).strftime("%Y-%m-%dT%H:%M"),
            "round_number": "3",
            "with_whom": "The founders",
            "notes": "Bring questions",
            "outcome": "passed",
        },
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert (interview.kind, interview.round_number, interview.outcome) == ("final", 3, "passed")


def test_it_records_an_outcome_by_htmx(auth_client, user, htmx_headers):
    interview = InterviewFactory(application=ApplicationFactory(owner=user))
    url = reverse("applications:interview_outcome", kwargs={"pk": interview.pk})
    response = auth_client.post(url, {"outcome": "not_passed"}, **htmx_headers)
    content = response.content.decode()
    assert content.lstrip().startswith('<article id="interviews"')
    assert "Outcome saved." in content
    interview.refresh_from_db()
    assert interview.outcome == "not_passed"
    assert auth_client.post(url, {"outcome": "fantastic"}).status_code == 302
    interview.refresh_from_db()
    assert interview.outcome == "not_passed"


def test_it_removes_an_interview(auth_client, user):
    interview = InterviewFactory(application=ApplicationFactory(owner=user))
    url = reverse("applications:interview_delete", kwargs={"pk": interview.pk})
    assert auth_client.get(url).status_code == 405
    assert auth_client.post(url).status_code == 302
    assert Interview.objects.count() == 0


def test_it_is_a_404_for_another_persons_interviews(auth_client, other_user):
    interview = InterviewFactory(application=ApplicationFactory(owner=other_user))
    for name in ("interview_edit", "interview_outcome", "interview_delete"):
        url = reverse(f"applications:{name}", kwargs={"pk": interview.pk})
        assert auth_client.post(url, {"outcome": "passed"}).status_code == 404
    create = reverse("applications:interview_create", kwargs={"pk": interview.application.pk})
    assert auth_client.get(create).status_code == 404
    interview.refresh_from_db()
    assert interview.outcome == "pending"
