import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.applications.models import Application
from tests.factories import ApplicationFactory, CompanyFactory

URL = reverse("applications:list")
DAY = datetime.timedelta(days=1)


def _bulk(owner, count, **fields):
    company = CompanyFactory(owner=owner)
    rows = [
        ApplicationFactory.build(owner=owner, company=company, role_title=f"Role {n}", **fields)
        for n in range(count)
    ]
    return Application.objects.bulk_create(rows)


def test_it_lists_only_the_persons_own_applications(auth_client, user, other_user):
    ApplicationFactory(owner=user, role_title="Mine to see")
    ApplicationFactory(owner=other_user, role_title="Someone else's")
    response = auth_client.get(URL)
    assert response.status_code == 200
    assert b"Mine to see" in response.content
    assert b"Someone else" not in response.content


def test_it_searches_company_role_and_notes(auth_client, user):
    ApplicationFactory(owner=user, role_title="Data engineer")
    ApplicationFactory(owner=user, role_title="Designer", notes="Great data team")
    ApplicationFactory(owner=user, role_title="Chef")
    response = auth_client.get(URL, {"q": "data"})
    assert b"Data engineer" in response.content
    assert b"Designer" in response.content
    assert b"Chef" not in response.content


def test_it_filters_by_status_source_mode_dates_and_follow_up(auth_client, user, today):
    ApplicationFactory(
        owner=user,
        role_title="Wanted",
        status="screening",
        source="referral",
        work_mode="remote",
        applied_on=today - 5 * DAY,
        status_changed_on=today - 5 * DAY,
        next_follow_up_on=today,
    )
    ApplicationFactory(owner=user, role_title="Other stage", status="applied")
    ApplicationFactory(
        owner=user,
        role_title="Too old",
        status="screening",
        source="referral",
        work_mode="remote",
        applied_on=today - 50 * DAY,
        status_changed_on=today - 50 * DAY,
        next_follow_up_on=today,
    )
    response = auth_client.get(
        URL,
        {
            "status": "screening",
            "source": "referral",
            "work_mode": "remote",
            "applied_from": (today - 10 * DAY).isoformat(),
            "applied_to": today.isoformat(),
            "follow_up_due": "on",
        },
    )
    assert b"Wanted" in response.content
    assert b"Other stage" not in response.content
    assert b"Too old" not in response.content


def test_it_hides_archived_applications_unless_asked(auth_client, user):
    ApplicationFactory(owner=user, role_title="Filed away", archived=True)
    assert b"Filed away" not in auth_client.get(URL).content
    assert b"Filed away" in auth_client.get(URL, {"archived": "archived"}).content
    assert b"Filed away" in auth_client.get(URL, {"archived": "all"}).content


def test_it_sorts_by_the_chosen_column(auth_client, user):
    ApplicationFactory(owner=user, role_title="Bravo role")
    ApplicationFactory(owner=user, role_title="Alpha role")
    content = auth_client.get(URL, {"sort": "role"}).content.decode()
    assert content.index("Alpha role") < content.index("Bravo role")
    content = auth_client.get(URL, {"sort": "-role"}).content.decode()
    assert content.index("Bravo role") < content.index("Alpha role")
    assert 'aria-sort="descending"' in content


def test_it_shows_25_per_page(auth_client, user):
    _bulk(user, 30)
    first = auth_client.get(URL, {"sort": "role"})
    assert first.content.count(b'name="ids"') == 25
    assert b"Page 1 of 2" in first.content
    second = auth_client.get(URL, {"sort": "role", "page": "2"})
    assert second.content.count(b'name="ids"') == 5


def test_it_survives_nonsense_in_the_query_string(auth_client, user):
    ApplicationFactory(owner=user, role_title="Still here")
    response = auth_client.get(
        URL,
        {
            "status": "hired",
            "source": "<script>",
            "applied_from": "yesterday-ish",
            "sort": "drop table",
            "page": "-4",
            "archived": "maybe",
        },
    )
    assert response.status_code == 200
    assert b"Still here" in response.content
    assert b"Some filters were left out" in response.content
    assert b"Enter a date" in response.content


def test_it_explains_a_date_range_back_to_front(auth_client, user, today):
    response = auth_client.get(
        URL, {"applied_from": today.isoformat(), "applied_to": (today - DAY).isoformat()}
    )
    assert response.status_code == 200
    assert "before the “applied from” date".encode() in response.content


def test_it_answers_htmx_with_only_the_results(auth_client, user, htmx_headers):
    ApplicationFactory(owner=user, role_title="Partial row")
    response = auth_client.get(URL, {"q": "Partial"}, **htmx_headers)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="results"')
    assert "Partial row" in content
    assert "<html" not in content
    assert "HX-Request" in response["Vary"]


def test_it_answers_a_history_restore_with_the_whole_page(auth_client, user, htmx_headers):
    response = auth_client.get(URL, **htmx_headers, HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert b"<html" in response.content


def test_it_keeps_filters_in_sort_and_page_links(auth_client, user):
    _bulk(user, 30, status="applied")
    content = auth_client.get(URL, {"status": "applied", "sort": "role"}).content.decode()
    assert "?status=applied&amp;sort=role&amp;page=2" in content
    assert "?status=applied&amp;sort=-role" in content


def test_it_rejects_post(auth_client):
    assert auth_client.post(URL).status_code == 405


def _count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def test_it_uses_the_same_queries_for_10_and_300_applications(
    auth_client, user, django_assert_max_num_queries
):
    _bulk(user, 10)
    with_ten = _count_queries(auth_client, URL, {"sort": "company"})
    _bulk(user, 290)
    with_ds = _count_queries(auth_client, URL, {"sort": "company"})
    assert with_ten == with_ds
    with django_assert_max_num_queries(6):
        auth_client.get(URL, {"q": "Role", "status": "applied"})


def test_it_puts_the_tidy_query_in_the_address_bar(auth_client, user, htmx_headers):
    response = auth_client.get(
        URL, {"q": "", "status": "applied", "source": "", "archived": "active"}, **htmx_headers
    )
    assert response["HX-Push-Url"] == f"{URL}?status=applied"
    assert "HX-Push-Url" not in auth_client.get(URL)


def test_folded_filters_say_what_is_on(auth_client, user):
    ApplicationFactory(owner=user)
    closed = auth_client.get(URL).content.decode()
    assert "<summary>Filters</summary>" in closed
    page = auth_client.get(
        URL, {"status": "applied", "follow_up_due": "on", "applied_from": "2026-01-05"}
    ).content.decode()
    assert (
        '<span class="filters-active">(Stage: Applied, Applied from 5 Jan 2026, Follow-up due)'
        in page
    )


def test_the_bulk_bar_has_no_stage_chosen_for_the_person(auth_client, user):
    ApplicationFactory(owner=user)
    page = auth_client.get(URL).content.decode()
    assert "data-bulk-bar" in page
    assert '<option value="" selected>Choose a stage</option>' in page
