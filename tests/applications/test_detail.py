import datetime

import pytest
from django.urls import reverse

from apps.applications.models import StatusChange
from apps.applications.services import application_move
from tests.applications.rejection_urls import WITH_FORM, WITHOUT_FORM
from tests.factories import ApplicationFactory

DAY = datetime.timedelta(days=1)


def _url(name, application) -> str:
    return reverse(f"applications:{name}", kwargs={"pk": application.pk})


def test_it_shows_the_details_and_the_timeline(auth_client, application, today):
    application_move(application=application, status="screening", on=today, note="Recruiter call")
    response = auth_client.get(_url("detail", application))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Backend developer" in content
    assert "Acme Labs" in content
    assert "Added as <strong>Applied</strong>" in content
    assert "Applied → <strong>Screening</strong>" in content
    assert "Recruiter call" in content


def test_it_records_a_quick_move_without_javascript(auth_client, application, today):
    response = auth_client.post(
        _url("move", application),
        {"status": "interviewing", "on": today.isoformat(), "note": "First call booked"},
    )
    assert response.status_code == 302
    assert response["Location"] == _url("detail", application)
    change = StatusChange.objects.last()
    assert (change.to_status, change.note, change.on) == (
        "interviewing",
        "First call booked",
        today,
    )


def test_it_answers_an_htmx_move_with_the_new_timeline(
    auth_client, application, today, htmx_headers
):
    response = auth_client.post(
        _url("move", application), {"status": "offer", "on": today.isoformat()}, **htmx_headers
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<article id="pipeline"')
    assert "Applied → <strong>Offer</strong>" in content


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "offer", "on": "2999-01-01"}, "can’t be dated in the future"),
        ({"status": "offer", "on": ""}, "Enter the date it happened."),
        ({"status": "applied", "on": "TODAY"}, "Select a valid choice"),
        ({"status": "offer", "on": "2001-01-01"}, "The last move was on"),
    ],
)
def test_it_explains_a_move_it_cannot_record(
    auth_client, application, today, htmx_headers, data, message
):
    data = {key: today.isoformat() if value == "TODAY" else value for key, value in data.items()}
    response = auth_client.post(_url("move", application), data, **htmx_headers)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert StatusChange.objects.count() == 1


@pytest.mark.urls(WITHOUT_FORM)
def test_it_records_a_rejection_itself_without_a_rejection_form(auth_client, application, today):
    auth_client.post(_url("move", application), {"status": "rejected", "on": today.isoformat()})
    application.refresh_from_db()
    assert application.status == "rejected"


@pytest.mark.urls(WITH_FORM)
def test_it_opens_the_rejection_form_for_a_rejection(auth_client, application, today, htmx_headers):
    form_url = reverse("rejections:log_for_application", kwargs={"pk": application.pk})
    data = {"status": "rejected", "on": today.isoformat()}
    assert auth_client.post(_url("move", application), data)["Location"] == form_url
    response = auth_client.post(_url("move", application), data, **htmx_headers)
    assert response["HX-Redirect"] == form_url
    application.refresh_from_db()
    assert application.status == "applied"


def test_it_sets_and_clears_the_follow_up_date(auth_client, application, today, htmx_headers):
    day = today + 3 * DAY
    response = auth_client.post(
        _url("follow_up", application), {"next_follow_up_on": day.isoformat()}, **htmx_headers
    )
    assert response.content.decode().lstrip().startswith('<article id="follow-up"')
    application.refresh_from_db()
    assert application.next_follow_up_on == day
    response = auth_client.post(_url("follow_up", application), {"next_follow_up_on": ""})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.next_follow_up_on is None


def test_it_explains_a_bad_follow_up_date(auth_client, application, htmx_headers):
    response = auth_client.post(
        _url("follow_up", application), {"next_follow_up_on": "soon"}, **htmx_headers
    )
    assert b"Enter a date, for example" in response.content
    application.refresh_from_db()
    assert application.next_follow_up_on is None


@pytest.mark.parametrize("name", ["move", "follow_up"])
def test_it_rejects_get_and_strangers_on_quick_actions(auth_client, other_user, name):
    theirs = ApplicationFactory(owner=other_user)
    assert auth_client.get(_url(name, theirs)).status_code == 405
    response = auth_client.post(_url(name, theirs), {"status": "offer", "on": "2020-01-01"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "applied"


def test_it_suggests_the_next_stage_in_the_move_menu(auth_client, application):
    content = auth_client.get(_url("detail", application)).content.decode()
    assert '<option value="screening" selected>' in content
    assert '<option value="applied"' not in content


def test_a_closed_application_suggests_no_stage_and_asks_before_reopening(auth_client, user):
    closed = ApplicationFactory(owner=user, status="rejected")
    content = auth_client.get(_url("detail", closed)).content.decode()
    assert '<option value="" selected>Choose a stage</option>' in content
    assert '<option value="applied" selected>' not in content
    assert "Reopen or record a move" in content
    assert 'data-confirm="This application is closed (rejected).' in content
    response = auth_client.post(_url("move", closed), {"status": "", "on": "2020-01-01"})
    assert b"Choose the stage it moved to." in response.content
    closed.refresh_from_db()
    assert closed.status == "rejected"
