"""List endpoints: the applications table's filters, search, sorts and pages, a stable
order, and query counts that do not grow with the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.accounts.services import api_token_create
from apps.applications.models import Application
from apps.applications.services import application_create
from apps.contacts.services import interaction_log
from apps.feedback.services import feedback_request_create
from apps.rejections.services import rejection_log
from apps.selfcare.services import checkin_save
from tests.api.conftest import ApiClient
from tests.factories import ApplicationFactory, CompanyFactory, ContactFactory

DAY = datetime.timedelta(days=1)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def table_ids(auth_client, params: dict) -> list[int]:
    response = auth_client.get("/applications/", params)
    return [application.pk for application in response.context["page"].object_list]


@pytest.fixture
def mixed(user, today):
    ApplicationFactory(
        owner=user, role_title="Data engineer", status="screening", source="referral",
        work_mode="remote", applied_on=today - 5 * DAY, status_changed_on=today - 5 * DAY,
        next_follow_up_on=today,
    )  # fmt: skip
    ApplicationFactory(owner=user, role_title="Designer", notes="Great data team")
    ApplicationFactory(owner=user, role_title="Chef", status="wishlist", applied_on=None,
                       status_changed_on=today)  # fmt: skip
    ApplicationFactory(owner=user, role_title="Archived data role", archived=True)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "data"},
        {"status": "open"},
        {"status": "screening", "source": "referral", "work_mode": "remote"},
        {"applied_from": "2000-01-01", "follow_up_due": "true"},
        {"archived": "all", "sort": "role"},
        {"archived": "archived"},
        {"sort": "-company"},
        {"sort": "applied"},
    ],
)
def test_it_filters_and_sorts_as_the_table_does(api, auth_client, mixed, params):
    table_params = {**params}
    if table_params.get("follow_up_due") == "true":
        table_params["follow_up_due"] = "on"
    assert ids(api.get("/api/v1/applications", params)) == table_ids(auth_client, table_params)


def test_it_refuses_filters_it_cannot_read(api):
    response = api.get("/api/v1/applications", {"status": "lost", "sort": "salary"})
    assert response.status_code == 422
    assert {error["field"] for error in response.json()["errors"]} == {"status", "sort"}


def test_it_pages_in_a_stable_order(api, user, today):
    company = CompanyFactory(owner=user)
    # Same day for all: the id breaks the tie, so no row shows on two pages.
    Application.objects.bulk_create(
        ApplicationFactory.build(owner=user, company=company, status_changed_on=today)
        for _ in range(7)
    )
    seen = []
    url = "/api/v1/applications"
    params = {"page_size": 3}
    while url:
        body = api.get(url, params).json()
        assert body["count"] == 7 and body["pages"] == 3
        seen += [row["id"] for row in body["results"]]
        url, params = body["next"], None
    assert sorted(seen, reverse=True) == seen and len(set(seen)) == 7
    assert api.get("/api/v1/applications", {"page": 4, "page_size": 3}).status_code == 404
    assert api.get("/api/v1/applications", {"page_size": 101}).status_code == 400


def _grow(owner, n: int, today):
    """n more of everything a list endpoint shows."""
    company = CompanyFactory(owner=owner)
    for i in range(n):
        application = application_create(
            owner=owner, company_name=f"Company {i} {company.pk}", role_title=f"Role {i}"
        )
        contact = ContactFactory(owner=owner, company=application.company)
        interaction_log(owner=owner, contact=contact, kind="call", happened_on=today)
        feedback_request_create(owner=owner, application=application, contact=contact)
        if i % 2:
            rejection_log(application=application, received_on=today)
    for day in range(n):
        checkin_save(owner=owner, mood=3, date=today - day * DAY)


LISTS = [
    "/api/v1/applications",
    "/api/v1/applications?archived=all&sort=company",
    "/api/v1/companies",
    "/api/v1/rejections",
    "/api/v1/feedback-requests",
    "/api/v1/contacts",
    "/api/v1/checkins",
    "/api/v1/summary",
]


@pytest.mark.parametrize("url", LISTS)
def test_list_query_counts_do_not_grow_with_rows(client, user, today, url):
    _token, secret = api_token_create(owner=user, name="script", access="read")
    api = ApiClient(client, secret)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200
        return len(captured)

    api.get(url)  # the token's first use is written down once; not part of the list's cost
    _grow(user, 3, today)
    at_n = queries()
    _grow(user, 3, today)
    assert queries() == at_n
