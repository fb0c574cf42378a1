"""A whole search through the API alone, checked against what the pages show."""

import csv
import io

from django.urls import reverse

from apps.applications.models import StatusChange
from apps.rejections.models import RecoveryStep
from apps.selfcare.models import CheckIn


def test_a_journey_through_the_api_matches_the_pages(api, auth_client, user, today):
    # Add an application and move it along.
    created = api.post(
        "/api/v1/applications",
        {
            "company_name": "Globex",
            "role_title": "Platform engineer",
            "posting_url": "https://jobs.example.com/42",
            "work_mode": "remote",
            "salary_min": 60000,
            "salary_max": 70000,
            "salary_currency": "eur",
        },
    )
    assert created.status_code == 201
    application = created.json()
    pk = application["id"]
    assert application["salary_currency"] == "EUR" and application["status"] == "applied"
    for stage in ("screening", "interviewing"):
        moved = api.post(f"/api/v1/applications/{pk}/move", {"status": stage, "note": "Call"})
        assert moved.json()["status"] == stage
    history = api.get(f"/api/v1/applications/{pk}/history").json()
    assert [change["to_status"] for change in history] == ["applied", "screening", "interviewing"]

    page = auth_client.get(reverse("applications:detail", args=[pk])).content.decode()
    assert "Platform engineer" in page and "Globex" in page
    assert "Screening → <strong>Interviewing</strong>" in page
    assert StatusChange.objects.filter(application_id=pk).count() == 3

    # The rejection comes: log it, read the plan, mark a step.
    logged = api.post(f"/api/v1/applications/{pk}/rejection", {"feeling": 2})
    assert logged.status_code == 201
    rejection = logged.json()
    assert rejection["stage_reached"] == "interview"
    assert rejection["application"]["status"] == "rejected"
    assert len(rejection["steps"]) == 8
    plan = api.get(f"/api/v1/rejections/{rejection['id']}").json()
    assert [step["move"] for step in plan["steps"]] == [step["move"] for step in rejection["steps"]]
    due_today = [step for step in plan["steps"] if step["due"]]
    assert {step["move"] for step in due_today} == {"process", "not_personal", "self_care"}

    process = next(step for step in plan["steps"] if step["move"] == "process")
    marked = api.patch(f"/api/v1/rejections/steps/{process['id']}", {"state": "done"})
    assert marked.json()["state"] == "done" and marked.json()["done_on"] == today.isoformat()
    assert RecoveryStep.objects.get(pk=process["id"]).state == "done"

    dashboard = auth_client.get(reverse("dashboard:home"))
    shown = [step.move for plan in dashboard.context["panel"].plans for step in plan.due]
    summary = api.get("/api/v1/summary").json()
    assert [step["move"] for plan in summary["plan"] for step in plan["due"]] == shown
    assert "process" not in shown and "not_personal" in shown
    pipeline = dashboard.context["pipeline"]
    assert summary["pipeline"]["total"] == pipeline.total == 1
    assert summary["pipeline"]["open"] == pipeline.open == 0
    assert summary["pipeline"]["counts"]["rejected"] == 1

    # Check in, twice: one check-in for the day, the second replacing the first.
    first = api.put("/api/v1/checkins/today", {"mood": 2, "moved": True})
    second = api.put("/api/v1/checkins/today", {"mood": 3, "connected": True})
    assert (first.status_code, second.status_code) == (201, 200)
    checkin = CheckIn.objects.get(owner=user)
    assert (checkin.mood, checkin.moved, checkin.connected) == (3, False, True)
    assert api.get("/api/v1/checkins/today").json()["mood"] == 3
    assert summary["checkin"]["today"] is None
    assert api.get("/api/v1/summary").json()["checkin"] == {
        "today": api.get("/api/v1/checkins/today").json(),
        "streak_days": 1,
    }

    # Export: the same file the "Your data" page gives.
    exported = b"".join(api.get("/api/v1/export/applications.csv").streaming_content)
    from_page = b"".join(auth_client.get("/export/applications.csv").streaming_content)
    assert exported == from_page
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    assert [(row["Company"], row["Role"], row["Status"]) for row in rows] == [
        ("Globex", "Platform engineer", "rejected")
    ]
    archive = api.get("/api/v1/export/all.zip")
    assert archive["Content-Type"] == "application/zip"
    assert b"".join(archive.streaming_content)[:2] == b"PK"
