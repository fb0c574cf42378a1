"""Editing an application never changes its stage, and a save of a form shown before the
application changed says what changed instead of overwriting it."""

import datetime

from django.urls import reverse

from apps.applications.models import Status
from apps.applications.services import application_create, application_move

DAY = datetime.timedelta(days=1)


def shown_form(client, application) -> dict:
    form = client.get(reverse("applications:edit", kwargs={"pk": application.pk})).context["form"]
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def test_it_refuses_a_stale_edit_and_says_the_application_moved(auth_client, user, today):
    application = application_create(
        owner=user, company_name="Acme", role_title="Dev", applied_on=today - DAY
    )
    data = shown_form(auth_client, application)
    application_move(application=application, status=Status.SCREENING, on=today)
    data["notes"] = "Written in the old tab"
    url = reverse("applications:edit", kwargs={"pk": application.pk})
    response = auth_client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "changed while you were editing it" in body
    assert "it moved to “Screening”" in body
    application.refresh_from_db()
    assert (application.status, application.notes) == (Status.SCREENING, "")
    # The form now carries the current stamp: saving again keeps the person's changes.
    again = response.context["form"]
    data = {name: again[name].value() for name in again.fields if again[name].value() is not None}
    assert data["notes"] == "Written in the old tab"
    assert auth_client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert (application.status, application.notes) == (Status.SCREENING, "Written in the old tab")


def test_it_names_the_fields_saved_from_elsewhere(auth_client, user, today):
    application = application_create(
        owner=user, company_name="Acme", role_title="Dev", applied_on=today - DAY
    )
    data = shown_form(auth_client, application)
    other_tab = dict(data, location="Porto")
    url = reverse("applications:edit", kwargs={"pk": application.pk})
    assert auth_client.post(url, other_tab).status_code == 302
    response = auth_client.post(url, dict(data, location="Lisbon"))
    assert "saved from elsewhere: location" in response.content.decode()
    application.refresh_from_db()
    assert application.location == "Porto"


def test_it_writes_only_the_edited_fields_not_a_stale_stage(auth_client, user, today):
    """Without a stamp (an old form, the API), an edit still leaves the stage alone."""
    application = application_create(
        owner=user, company_name="Acme", role_title="Dev", applied_on=today - DAY
    )
    data = shown_form(auth_client, application)
    data.pop("version")
    application_move(application=application, status=Status.INTERVIEWING, on=today)
    data["notes"] = "Still saved"
    url = reverse("applications:edit", kwargs={"pk": application.pk})
    assert auth_client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert (application.status, application.notes) == (Status.INTERVIEWING, "Still saved")
    assert application.status_changes.order_by("-pk").first().to_status == Status.INTERVIEWING
