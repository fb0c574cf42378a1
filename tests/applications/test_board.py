import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.applications.models import Application, StatusChange
from apps.applications.views import rejection_form_url
from tests.applications.rejection_urls import WITH_FORM, WITHOUT_FORM
from tests.factories import ApplicationFactory, CompanyFactory

URL = reverse("applications:board")


def _move_url(application) -> str:
    return reverse("applications:board_move", kwargs={"pk": application.pk})


def test_it_shows_a_column_per_open_stage_with_cards(auth_client, user, today):
    ApplicationFactory(
        owner=user,
        role_title="Card role",
        status="screening",
        status_changed_on=today - datetime.timedelta(days=4),
    )
    ApplicationFactory(owner=user, role_title="Closed role", status="rejected")
    ApplicationFactory(owner=user, role_title="Archived role", status="applied", archived=True)
    response = auth_client.get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    for label in ("Wishlist", "Applied", "Screening", "Interviewing", "Offer"):
        assert f'id="column-{label.lower()}"' in content
    assert "Card role" in content
    assert "4 days since the last move" in content
    assert "Closed role" not in content
    assert "Archived role" not in content
    # Every card has a "Move to" menu: the keyboard and no-JavaScript way to move it, with
    # the full name of every other stage.
    assert "<summary>Move to<span" in content
    assert 'name="status" value="interviewing">Interviewing</button>' in content
    # ...but not the stage it is already in.
    assert 'value="screening">Screening</button>' not in content
    assert '<button type="submit" name="status" value="no_response">No response</button>' in content
    assert "vendor/sortablejs/Sortable.min.js" in content


def test_it_does_not_show_other_peoples_cards(auth_client, other_user):
    ApplicationFactory(owner=other_user, role_title="Bob's card")
    assert b"Bob's card" not in auth_client.get(URL).content


def test_it_moves_a_card_from_its_menu_without_javascript(auth_client, user, today):
    application = ApplicationFactory(owner=user)
    response = auth_client.post(_move_url(application), {"status": "interviewing"})
    assert response.status_code == 302
    assert response["Location"] == URL
    application.refresh_from_db()
    assert (application.status, application.status_changed_on) == ("interviewing", today)
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status) == ("applied", "interviewing")


def test_it_answers_a_drag_with_the_new_board(auth_client, user, htmx_headers):
    application = ApplicationFactory(owner=user, role_title="Dragged role")
    response = auth_client.post(_move_url(application), {"status": "offer"}, **htmx_headers)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="board"')
    assert "Moved Dragged role" in content
    application.refresh_from_db()
    assert application.status == "offer"


def test_it_ignores_a_drop_on_the_same_column(auth_client, user, htmx_headers):
    application = ApplicationFactory(owner=user)
    response = auth_client.post(_move_url(application), {"status": "applied"}, **htmx_headers)
    assert response.status_code == 200
    assert b"already at" in response.content
    assert StatusChange.objects.count() == 0


def test_it_changes_nothing_for_an_unknown_stage(auth_client, user, htmx_headers):
    application = ApplicationFactory(owner=user)
    response = auth_client.post(_move_url(application), {"status": "hired"}, **htmx_headers)
    assert response.status_code == 200
    assert b"not recognised" in response.content
    application.refresh_from_db()
    assert application.status == "applied"


def test_it_is_a_404_for_another_persons_card(auth_client, other_user):
    theirs = ApplicationFactory(owner=other_user)
    assert auth_client.post(_move_url(theirs), {"status": "offer"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "applied"


def test_it_rejects_the_wrong_methods(auth_client, user):
    application = ApplicationFactory(owner=user)
    assert auth_client.get(_move_url(application)).status_code == 405
    assert auth_client.post(URL).status_code == 405


@pytest.mark.urls(WITHOUT_FORM)
def test_it_records_a_rejection_itself_while_there_is_no_rejection_form(
    auth_client, user, htmx_headers
):
    application = ApplicationFactory(owner=user)
    assert rejection_form_url(application) is None
    response = auth_client.post(_move_url(application), {"status": "rejected"}, **htmx_headers)
    assert response.status_code == 200
    assert "HX-Redirect" not in response
    application.refresh_from_db()
    assert application.status == "rejected"
    assert StatusChange.objects.get().to_status == "rejected"


@pytest.mark.urls(WITH_FORM)
def test_it_sends_a_rejection_to_the_rejection_form_when_there_is_one(
    auth_client, user, htmx_headers
):
    application = ApplicationFactory(owner=user)
    form_url = reverse("rejections:log_for_application", kwargs={"pk": application.pk})
    assert rejection_form_url(application) == form_url
    response = auth_client.post(_move_url(application), {"status": "rejected"}, **htmx_headers)
    assert response["HX-Redirect"] == form_url
    response = auth_client.post(_move_url(application), {"status": "rejected"})
    assert response.status_code == 302
    assert response["Location"] == form_url
    application.refresh_from_db()
    assert application.status == "applied"


def _count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


def test_it_uses_the_same_queries_for_10_and_300_applications(
    auth_client, user, django_assert_max_num_queries
):
    company = CompanyFactory(owner=user)
    statuses = ["wishlist", "applied", "screening", "interviewing", "offer", "rejected"]

    def add(count):
        Application.objects.bulk_create(
            ApplicationFactory.build(owner=user, company=company, status=statuses[n % 6])
            for n in range(count)
        )

    add(10)
    with_ten = _count_queries(auth_client)
    add(290)
    assert _count_queries(auth_client) == with_ten
    with django_assert_max_num_queries(10):
        auth_client.get(URL)


def test_it_explains_a_move_it_cannot_date(auth_client, user, today, htmx_headers):
    # After a change to a timezone behind, the last move can look like tomorrow.
    application = ApplicationFactory(owner=user, status_changed_on=today + datetime.timedelta(1))
    response = auth_client.post(_move_url(application), {"status": "offer"}, **htmx_headers)
    assert response.status_code == 200
    assert b"Nothing changed." in response.content
    application.refresh_from_db()
    assert application.status == "applied"


def test_each_cards_menu_leaves_out_its_own_stage_when_stages_share_a_page(auth_client, user):
    # The menus are built once per stage and page: cards in one stage share theirs, and
    # each stage's menu is its own.
    for status in ("applied", "screening", "applied", "interviewing"):
        ApplicationFactory(owner=user, status=status)
    content = auth_client.get(URL).content.decode()
    menus = re.findall(r"<ul><li><button.*?</ul>", content)
    assert len(menus) == 4
    for menu in menus:
        left_out = [
            v for v in ("applied", "screening", "interviewing") if f'value="{v}"' not in menu
        ]
        assert len(left_out) == 1
    left_out_per_card = sorted(
        next(v for v in ("applied", "screening", "interviewing") if f'value="{v}"' not in menu)
        for menu in menus
    )
    assert left_out_per_card == ["applied", "applied", "interviewing", "screening"]
