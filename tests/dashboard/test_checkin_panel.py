import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.dates import today_for
from apps.selfcare.models import CheckIn
from tests.core.test_pages import assert_no_inline_code
from tests.factories import CheckInFactory, ContactFactory

HOME = reverse("dashboard:home")
DAY = datetime.timedelta(days=1)


def test_the_dashboard_offers_five_mood_buttons_before_a_check_in(auth_client):
    response = auth_client.get(HOME)
    body = response.content.decode()
    assert '<section id="checkin-panel"' in body
    assert body.count('name="mood" value=') == 5
    assert f'hx-post="{reverse("selfcare:checkin")}"' in body
    assert 'name="next_url" value="/"' in body
    assert "<details" not in body.split('id="checkin-panel"')[1].split("</section>")[0]
    assert_no_inline_code(response.content)


def test_the_dashboard_shows_todays_check_in_and_the_streak(auth_client, user):
    today = today_for(user)
    CheckInFactory(owner=user, date=today, mood=5)
    CheckInFactory(owner=user, date=today - DAY, mood=4)
    body = auth_client.get(HOME).content.decode()
    assert "Today you feel great." in body
    assert "Check-in streak: 2 days." in body
    assert "mood-button mood-5 chosen" in body


def test_the_streak_on_the_dashboard_waits_while_resting(auth_client, user):
    today = today_for(user)
    user.resting_until = today + DAY
    user.save()
    CheckInFactory(owner=user, date=today - 3 * DAY)
    body = auth_client.get(HOME).content.decode()
    assert "Check-in streak: 1 day, held for you while you rest." in body


def test_the_dashboard_shows_the_gentle_nudge_after_three_hard_days(auth_client, user):
    today = today_for(user)
    for offset in range(3):
        CheckInFactory(owner=user, date=today - offset * DAY, mood=1)
    ContactFactory(owner=user, name="Sam", kind="support", email="sam@example.com")
    body = auth_client.get(HOME).content.decode()
    assert "Go gently" in body
    assert "mailto:sam@example.com" in body


def dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("count", [1, 500])
def test_the_dashboard_query_count_does_not_grow_with_check_ins(auth_client, user, count):
    # The panel itself is one query (tests/selfcare/test_selectors.py); other panels vary.
    without_checkins = dashboard_queries(auth_client)
    today = today_for(user)
    CheckIn.objects.bulk_create(
        CheckIn(owner=user, date=today - n * DAY, mood=3 + n % 3) for n in range(count)
    )
    with_checkins = dashboard_queries(auth_client)
    assert with_checkins == without_checkins
