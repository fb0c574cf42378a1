import datetime

import pytest
from django.urls import reverse

from apps.applications.models import Application, Company, StatusChange
from tests.factories import ApplicationFactory, CompanyFactory

CREATE = reverse("applications:create")
DAY = datetime.timedelta(days=1)


def _data(**overrides) -> dict:
    data = {
        "company_name": "Acme Labs",
        "role_title": "Backend developer",
        "status": "applied",
        "applied_on": "",
        "next_follow_up_on": "",
        "posting_url": "",
        "location": "",
        "work_mode": "",
        "source": "",
        "salary_min": "",
        "salary_max": "",
        "salary_currency": "",
        "excitement": "3",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_it_shows_an_empty_form(auth_client):
    response = auth_client.get(CREATE)
    assert response.status_code == 200
    assert b"Add an application" in response.content
    assert b"<legend>How excited are you about it?</legend>" in response.content


def test_it_preselects_a_stage_from_the_link(auth_client):
    response = auth_client.get(CREATE, {"status": "wishlist"})
    assert b'<option value="wishlist" selected>' in response.content


def test_it_creates_an_application_with_its_first_move(auth_client, user, today):
    response = auth_client.post(
        CREATE,
        _data(
            posting_url="jobs.example.com/42",
            work_mode="remote",
            source="referral",
            salary_min="50000",
            salary_max="60000",
            salary_currency="eur",
            fit_values="4",
            excitement="5",
        ),
    )
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    assert application.owner == user
    assert application.company.name == "Acme Labs"
    assert application.applied_on == today
    assert application.posting_url == "https://jobs.example.com/42"
    assert application.salary_currency == "EUR"
    assert (application.fit_values, application.fit_skills, application.excitement) == (4, None, 5)
    assert StatusChange.objects.get().to_status == "applied"


def test_it_reuses_an_existing_company_typed_in_another_case(auth_client, user):
    company = CompanyFactory(owner=user, name="Acme Labs")
    auth_client.post(CREATE, _data(company_name="ACME labs"))
    assert Application.objects.get().company == company
    assert Company.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"company_name": ""}, "Enter the company’s name."),
        ({"role_title": ""}, "Enter the role, for example"),
        ({"applied_on": "2999-01-01"}, "can’t be in the future"),
        ({"applied_on": "someday"}, "Enter a date, for example"),
        ({"status": "wishlist", "applied_on": "2020-01-01"}, "A wishlist role has not been"),
        ({"posting_url": "not a web address"}, "Enter the whole web address"),
        ({"salary_min": "90000", "salary_max": "50000"}, "below the “salary from” figure"),
        ({"salary_min": "lots"}, "Enter a whole number, without currency signs."),
        ({"salary_currency": "EU1"}, "three-letter currency code"),
        ({"excitement": "9"}, "Select a valid choice"),
        ({"excitement": ""}, "Choose a number from 1 to 5."),
        ({"status": "hired"}, "Select a valid choice"),
        ({"applied_on": "2026-01-10", "next_follow_up_on": "2026-01-01"}, "on or after the day"),
        ({"next_follow_up_on": "2999-01-01"}, "within the next year"),
    ],
)
def test_it_explains_each_problem_and_saves_nothing(auth_client, overrides, message):
    response = auth_client.post(CREATE, _data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


def test_it_edits_details_but_not_the_stage(auth_client, user, application):
    url = reverse("applications:edit", kwargs={"pk": application.pk})
    page = auth_client.get(url)
    assert page.status_code == 200
    assert b'value="Acme Labs"' in page.content
    assert b'name="status"' not in page.content
    response = auth_client.post(
        url,
        _data(
            company_name="Globex",
            role_title="Staff engineer",
            applied_on=application.applied_on.isoformat(),
            status="offer",
            archived="on",
        ),
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.company.name, application.role_title) == ("Globex", "Staff engineer")
    assert application.status == "applied"
    assert application.archived
    assert StatusChange.objects.count() == 1


def test_it_shows_edit_errors_without_saving(auth_client, application):
    url = reverse("applications:edit", kwargs={"pk": application.pk})
    response = auth_client.post(url, _data(salary_min="9", salary_max="1"))
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.salary_min is None


def test_it_confirms_before_deleting(auth_client, application):
    url = reverse("applications:delete", kwargs={"pk": application.pk})
    page = auth_client.get(url)
    assert page.status_code == 200
    assert b"Delete this application?" in page.content
    assert Application.objects.count() == 1
    response = auth_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:list")
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


@pytest.mark.parametrize("name", ["edit", "delete", "detail"])
def test_it_is_a_404_for_another_persons_application(auth_client, other_user, name):
    theirs = ApplicationFactory(owner=other_user)
    url = reverse(f"applications:{name}", kwargs={"pk": theirs.pk})
    assert auth_client.get(url).status_code == 404
    assert auth_client.post(url).status_code in (404, 405)
    assert Application.objects.filter(pk=theirs.pk).exists()


def test_it_rejects_other_methods(auth_client, application):
    assert auth_client.put(CREATE).status_code == 405
    detail = reverse("applications:detail", kwargs={"pk": application.pk})
    assert auth_client.post(detail).status_code == 405
