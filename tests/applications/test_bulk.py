import pytest
from django.urls import reverse

from apps.applications.models import Application, StatusChange
from tests.applications.rejection_urls import WITH_FORM, WITHOUT_FORM
from tests.factories import ApplicationFactory

URL = reverse("applications:bulk")


def test_it_moves_the_selected_applications_with_history(auth_client, user):
    first, second = ApplicationFactory.create_batch(2, owner=user)
    untouched = ApplicationFactory(owner=user)
    response = auth_client.post(
        URL,
        {"ids": [first.pk, second.pk], "action": "move", "status": "withdrawn", "query": "q=x"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:list") + "?q=x"
    statuses = dict(Application.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "withdrawn", second.pk: "withdrawn", untouched.pk: "applied"}
    assert StatusChange.objects.filter(to_status="withdrawn").count() == 2


def test_it_archives_and_brings_back(auth_client, user):
    application = ApplicationFactory(owner=user)
    auth_client.post(URL, {"ids": [application.pk], "action": "archive"})
    application.refresh_from_db()
    assert application.archived
    auth_client.post(URL, {"ids": [application.pk], "action": "unarchive"})
    application.refresh_from_db()
    assert not application.archived


def test_it_refuses_another_persons_applications_and_changes_nothing(auth_client, user, other_user):
    mine = ApplicationFactory(owner=user)
    theirs = ApplicationFactory(owner=other_user)
    response = auth_client.post(
        URL, {"ids": [mine.pk, theirs.pk], "action": "archive"}, follow=True
    )
    assert response.status_code == 200
    assert b"Some of the selected applications are gone" in response.content
    assert not Application.objects.filter(archived=True).exists()


def test_it_asks_for_a_selection_and_a_stage(auth_client, user):
    application = ApplicationFactory(owner=user)
    response = auth_client.post(URL, {"action": "move", "status": "offer"}, follow=True)
    assert b"Select at least one application" in response.content
    response = auth_client.post(URL, {"ids": [application.pk], "action": "move"}, follow=True)
    assert b"Choose the stage to move them to" in response.content
    application.refresh_from_db()
    assert application.status == "applied"


def test_it_answers_htmx_with_the_refreshed_table_and_an_event(auth_client, user, htmx_headers):
    application = ApplicationFactory(owner=user, role_title="Quiet role")
    response = auth_client.post(
        URL,
        {"ids": [application.pk], "action": "move", "status": "offer", "query": "sort=role"},
        **htmx_headers,
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="results"')
    assert "Moved 1 to “Offer”" in content
    assert "Quiet role" in content


def test_it_rejects_get(auth_client):
    assert auth_client.get(URL).status_code == 405


@pytest.mark.urls(WITHOUT_FORM)
def test_it_records_a_bulk_rejection_itself_until_the_rejection_form_exists(auth_client, user):
    first, second = ApplicationFactory.create_batch(2, owner=user)
    response = auth_client.post(
        URL, {"ids": [first.pk, second.pk], "action": "move", "status": "rejected"}
    )
    assert response.status_code == 302
    assert set(Application.objects.values_list("status", flat=True)) == {"rejected"}
    assert StatusChange.objects.filter(to_status="rejected").count() == 2


@pytest.mark.urls(WITH_FORM)
def test_it_opens_the_rejection_form_when_there_is_one(auth_client, user, htmx_headers):
    application = ApplicationFactory(owner=user)
    form_url = reverse("rejections:log_for_application", kwargs={"pk": application.pk})
    response = auth_client.post(
        URL, {"ids": [application.pk], "action": "move", "status": "rejected"}
    )
    assert response.status_code == 302
    assert response["Location"] == form_url
    response = auth_client.post(
        URL, {"ids": [application.pk], "action": "move", "status": "rejected"}, **htmx_headers
    )
    assert response["HX-Redirect"] == form_url
    application.refresh_from_db()
    assert application.status == "applied"
