"""Each resource's writes: the pages' rules, through the same forms and services."""

import datetime

import pytest

from apps.applications.models import Application, Interview
from apps.applications.services import application_create
from apps.contacts.models import Contact
from apps.feedback.models import FeedbackRequest
from apps.rejections.models import RecoveryStep, Rejection

DAY = datetime.timedelta(days=1)


@pytest.fixture
def application(user):
    return application_create(
        owner=user,
        company_name="Initech",
        role_title="Tester",
        posting_url="https://jobs.example.com/7",
        notes="Referred by Sam.",
    )


def errors(response, status=422) -> dict:
    assert response.status_code == status, response.content
    return {error["field"]: error["detail"] for error in response.json()["errors"]}


# Applications -----------------------------------------------------------------------------


def test_a_patch_changes_only_what_it_sends(api, application):
    response = api.patch(f"/api/v1/applications/{application.pk}", {"location": "Lyon"})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.location == "Lyon"
    assert application.posting_url == "https://jobs.example.com/7"
    assert application.notes == "Referred by Sam." and application.company.name == "Initech"


def test_the_stage_changes_only_by_a_move(api, application):
    response = api.patch(f"/api/v1/applications/{application.pk}", {"status": "offer"})
    assert errors(response, 400) == {"status": "Extra inputs are not permitted"}
    same = api.post(f"/api/v1/applications/{application.pk}/move", {"status": "applied"})
    assert "status" in errors(same)
    rejected = api.post(f"/api/v1/applications/{application.pk}/move", {"status": "rejected"})
    assert "/rejection" in errors(rejected)["status"]
    application.refresh_from_db()
    assert application.status == "applied"


def test_a_move_cannot_be_dated_in_the_future(api, application, today):
    tomorrow = (today + DAY).isoformat()
    response = api.post(
        f"/api/v1/applications/{application.pk}/move", {"status": "screening", "on": tomorrow}
    )
    assert errors(response) == {"on": "A move can’t be dated in the future."}


def test_deleting_an_application_takes_its_history(api, application):
    assert api.delete(f"/api/v1/applications/{application.pk}").status_code == 204
    assert not Application.objects.exists()
    assert api.delete(f"/api/v1/applications/{application.pk}").status_code == 404


def test_an_interview_moves_the_application_along(api, application, today):
    day = (today + 30 * DAY).isoformat()
    response = api.post(
        f"/api/v1/applications/{application.pk}/interviews",
        {"kind": "technical", "scheduled_at": f"{day}T14:30:00+01:00"},
    )
    assert response.status_code == 201
    assert response.json()["scheduled_at"] == f"{day}T13:30:00Z"  # the person is in UTC
    application.refresh_from_db()
    assert application.status == "interviewing"
    interview = Interview.objects.get()
    changed = api.patch(f"/api/v1/interviews/{interview.pk}", {"outcome": "passed"})
    assert changed.json()["outcome"] == "passed" and changed.json()["kind"] == "technical"
    naive = api.post(
        f"/api/v1/applications/{application.pk}/interviews",
        {"kind": "technical", "scheduled_at": f"{day}T14:30:00"},
    )
    assert "scheduled_at" in errors(naive, 400)
    assert api.delete(f"/api/v1/interviews/{interview.pk}").status_code == 204


def test_companies_are_listed_with_their_applications(api, application, user):
    application_create(owner=user, company_name="initech", role_title="Lead")
    body = api.get("/api/v1/companies", {"q": "INIT"}).json()
    assert [(row["name"], row["application_count"]) for row in body["results"]] == [("Initech", 2)]


# Rejections -------------------------------------------------------------------------------


def test_a_rejection_is_logged_once(api, application, today):
    first = api.post(f"/api/v1/applications/{application.pk}/rejection", {})
    assert first.status_code == 201
    assert first.json()["received_on"] == today.isoformat()
    assert first.json()["stage_reached"] == "applied"
    again = api.post(f"/api/v1/applications/{application.pk}/rejection", {})
    assert again.status_code == 409
    assert f"/api/v1/rejections/{first.json()['id']}" in again.json()["detail"]
    assert Rejection.objects.count() == 1 and RecoveryStep.objects.count() == 8


def test_a_rejection_cannot_come_before_the_last_move(api, application, today):
    response = api.post(
        f"/api/v1/applications/{application.pk}/rejection",
        {"received_on": (today - 30 * DAY).isoformat()},
    )
    assert "received_on" in errors(response)
    assert not Rejection.objects.exists()
    application.refresh_from_db()
    assert application.status == "applied"


def test_steps_can_be_skipped_and_brought_back(api, application):
    rejection = api.post(f"/api/v1/applications/{application.pk}/rejection", {}).json()
    step = rejection["steps"][3]
    skipped = api.patch(f"/api/v1/rejections/steps/{step['id']}", {"state": "skipped"}).json()
    assert skipped["state"] == "skipped" and skipped["due"] is False
    back = api.patch(
        f"/api/v1/rejections/steps/{step['id']}", {"state": "pending", "note": "Later"}
    )
    assert back.json()["state"] == "pending" and back.json()["note"] == "Later"
    assert "state" in errors(
        api.patch(f"/api/v1/rejections/steps/{step['id']}", {"state": "x"}), 400
    )


def test_a_rejection_can_be_edited(api, application):
    rejection = api.post(f"/api/v1/applications/{application.pk}/rejection", {}).json()
    edited = api.patch(f"/api/v1/rejections/{rejection['id']}", {"reason_given": "Budget"})
    assert edited.json()["reason_given"] == "Budget"
    assert edited.json()["stage_reached"] == "applied"


# Feedback requests ------------------------------------------------------------------------


def test_a_feedback_request_goes_from_draft_to_answer(api, application, today):
    created = api.post("/api/v1/feedback-requests", {"application_id": application.pk})
    assert created.status_code == 201
    request = created.json()
    assert "Tester role at Initech" in request["message"] and request["status"] == "draft"
    url = f"/api/v1/feedback-requests/{request['id']}"

    early = api.patch(url, {"asked_on": today.isoformat()})
    assert errors(early) == {"asked_on": "This cannot be changed while the request is “Draft”."}
    closed_draft = api.post(f"{url}/close", {"status": "no_answer"})
    assert "status" in errors(closed_draft)

    sent = api.post(f"{url}/sent", {}).json()
    assert sent["status"] == "sent" and sent["follow_up_on"] == (today + 7 * DAY).isoformat()
    assert "tone" in errors(api.post(f"{url}/answer", {"what_they_said": "Good"}), 400)
    answered = api.post(f"{url}/answer", {"what_they_said": "Clear code.", "tone": "encouraging"})
    assert answered.json()["status"] == "answered"
    assert api.patch(url, {"my_takeaways": "Keep it up"}).json()["my_takeaways"] == "Keep it up"
    assert api.delete(url).status_code == 204
    assert not FeedbackRequest.objects.exists()


def test_a_feedback_request_names_only_your_own_application(api, other_user):
    theirs = application_create(owner=other_user, company_name="Hooli", role_title="Dev")
    response = api.post("/api/v1/feedback-requests", {"application_id": theirs.pk})
    assert "application_id" in errors(response)


# Contacts ---------------------------------------------------------------------------------


def test_contacts_and_their_interactions(api, user, today):
    created = api.post(
        "/api/v1/contacts", {"name": "  Sam   Lee ", "company_name": "Initech", "email": "s@x.io"}
    )
    assert created.status_code == 201
    contact = created.json()
    assert contact["name"] == "Sam Lee" and contact["company"]["name"] == "Initech"
    duplicate = api.post("/api/v1/contacts", {"name": "Sam", "email": "S@X.io"})
    assert errors(duplicate) == {"email": "You already have a contact with this email address."}

    follow_up = (today + 3 * DAY).isoformat()
    logged = api.post(
        f"/api/v1/contacts/{contact['id']}/interactions",
        {"kind": "call", "follow_up_on": follow_up},
    )
    assert logged.status_code == 201
    refreshed = api.get(f"/api/v1/contacts/{contact['id']}").json()
    assert refreshed["last_contacted_on"] == today.isoformat()
    assert refreshed["next_follow_up_on"] == follow_up
    future = api.post(
        f"/api/v1/contacts/{contact['id']}/interactions",
        {"happened_on": (today + DAY).isoformat()},
    )
    assert errors(future) == {"happened_on": "Choose today or an earlier date."}
    listed = api.get(f"/api/v1/contacts/{contact['id']}/interactions").json()
    assert [row["kind"] for row in listed["results"]] == ["call"]
    assert api.patch(f"/api/v1/contacts/{contact['id']}", {"title": "CTO"}).json()["email"] == (
        "s@x.io"
    )
    assert api.delete(f"/api/v1/interactions/{logged.json()['id']}").status_code == 204
    assert api.get(f"/api/v1/contacts/{contact['id']}").json()["last_contacted_on"] is None
    assert api.delete(f"/api/v1/contacts/{contact['id']}").status_code == 204
    assert not Contact.objects.exists()


# Check-ins --------------------------------------------------------------------------------


def test_a_check_in_needs_a_mood_in_range(api):
    assert "mood" in errors(api.put("/api/v1/checkins/today", {"mood": 9}))
    assert "mood" in errors(api.put("/api/v1/checkins/today", {"moved": True}), 400)
    assert api.get("/api/v1/checkins/today").status_code == 404


def test_check_ins_are_listed_between_two_days(api, user, today):
    from apps.selfcare.services import checkin_save

    for days_ago in (0, 3, 40):
        checkin_save(owner=user, mood=4, date=today - days_ago * DAY)
    recent = api.get("/api/v1/checkins").json()
    assert [row["date"] for row in recent["results"]] == [
        (today - 3 * DAY).isoformat(),
        today.isoformat(),
    ]
    older = api.get("/api/v1/checkins", {"start": (today - 60 * DAY).isoformat()}).json()
    assert older["count"] == 3


def test_an_unknown_dataset_is_a_404(api):
    assert api.get("/api/v1/export/secrets.csv").status_code == 404
