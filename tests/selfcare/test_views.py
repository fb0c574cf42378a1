import datetime
import json

import pytest
from django.urls import reverse

from apps.applications.services import application_create
from apps.core.dates import today_for
from apps.rejections.services import rejection_log
from apps.selfcare.models import CheckIn
from tests.core.test_pages import assert_no_inline_code
from tests.factories import CheckInFactory, ContactFactory

CHECKIN = reverse("selfcare:checkin")
HISTORY = reverse("selfcare:history")
HOME = reverse("dashboard:home")
HTMX = {"HTTP_HX_REQUEST": "true"}
DAY = datetime.timedelta(days=1)


def details(**overrides) -> dict:
    data = {
        "mood": "3",
        "energy": "2",
        "hours_slept": "6.5",
        "moved": "on",
        "note": "Slow start, better afternoon",
    }
    data.update(overrides)
    return data


# --- one-click check-in -------------------------------------------------------------------


def test_one_click_by_htmx_saves_todays_mood_and_answers_with_the_panel(auth_client, user):
    response = auth_client.post(CHECKIN, {"quick": "1", "mood": "4", "next_url": HOME}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="checkin-panel"')
    assert "Today you feel good." in body
    assert "<details" in body  # the rest of the check-in, ready to expand in place
    assert json.loads(response["HX-Trigger"]) == {"checkin-saved": {"mood": 4}}
    checkin = CheckIn.objects.get()
    assert (checkin.owner, checkin.date, checkin.mood) == (user, today_for(user), 4)


def test_a_second_click_the_same_day_changes_the_mood(auth_client, user):
    auth_client.post(CHECKIN, {"quick": "1", "mood": "2"}, **HTMX)
    response = auth_client.post(CHECKIN, {"quick": "1", "mood": "5"}, **HTMX)
    assert b"Today you feel great." in response.content
    assert list(CheckIn.objects.values_list("mood", flat=True)) == [5]


def test_without_javascript_a_click_saves_and_goes_back(auth_client, user):
    response = auth_client.post(CHECKIN, {"quick": "1", "mood": "3", "next_url": HISTORY})
    assert response.status_code == 302
    assert response["Location"] == HISTORY
    assert CheckIn.objects.get().mood == 3


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "", "javascript:x"]
)
def test_it_only_goes_back_to_pages_of_this_site(auth_client, next_url):
    response = auth_client.post(CHECKIN, {"quick": "1", "mood": "3", "next_url": next_url})
    assert response["Location"] == HOME


@pytest.mark.parametrize("mood", ["0", "9", "happy", ""])
def test_a_tampered_mood_saves_nothing(auth_client, mood):
    response = auth_client.post(CHECKIN, {"quick": "1", "mood": mood}, **HTMX)
    assert response.status_code == 200
    assert b"Choose one of the moods." in response.content
    plain = auth_client.post(CHECKIN, {"quick": "1", "mood": mood})
    assert plain.status_code == 200
    assert b"Choose one of the moods." in plain.content
    assert not CheckIn.objects.exists()


# --- the rest of the check-in ------------------------------------------------------------


def test_the_details_from_the_panel_update_todays_check_in(auth_client, user):
    CheckInFactory(owner=user, date=today_for(user), mood=3)
    response = auth_client.post(CHECKIN, {**details(), "in_panel": "1"}, **HTMX)
    assert response.status_code == 200
    assert b"Saved." in response.content
    checkin = CheckIn.objects.get()
    assert (checkin.energy, str(checkin.hours_slept), checkin.moved, checkin.ate_well) == (
        2,
        "6.5",
        True,
        False,
    )


def test_a_mistake_in_the_details_opens_them_with_the_message(auth_client, user):
    CheckInFactory(owner=user, date=today_for(user), mood=3)
    response = auth_client.post(CHECKIN, {**details(hours_slept="30"), "in_panel": "1"}, **HTMX)
    assert response.status_code == 200
    assert b'class="checkin-details" open' in response.content
    assert b"less than or equal to 24" in response.content
    assert CheckIn.objects.get().hours_slept is None


def test_the_whole_check_in_page_works_without_javascript(auth_client, user):
    page = auth_client.get(CHECKIN)
    assert page.status_code == 200
    assert b"Today\xe2\x80\x99s check-in" in page.content
    assert_no_inline_code(page.content)
    response = auth_client.post(CHECKIN, details(next_url=HISTORY))
    assert response.status_code == 302
    assert CheckIn.objects.get().note == "Slow start, better afternoon"


def test_the_whole_check_in_page_explains_mistakes(auth_client):
    response = auth_client.post(CHECKIN, details(mood="", energy="7"))
    assert response.status_code == 200
    assert b"Choose how you feel." in response.content
    assert b"Select a valid choice." in response.content
    assert not CheckIn.objects.exists()


def test_it_rejects_other_methods(auth_client):
    assert auth_client.delete(CHECKIN).status_code == 405
    assert auth_client.put(CHECKIN).status_code == 405
    assert auth_client.post(HISTORY).status_code == 405


def test_a_check_in_is_always_the_persons_own(auth_client, user, other_user):
    CheckInFactory(owner=other_user, date=today_for(user), mood=1)
    auth_client.post(CHECKIN, {"quick": "1", "mood": "4"})
    assert CheckIn.objects.get(owner=other_user).mood == 1
    assert CheckIn.objects.get(owner=user).mood == 4


# --- history ------------------------------------------------------------------------------


def test_the_history_page_shows_the_year_grid_the_line_and_text_alternatives(auth_client, user):
    today = today_for(user)
    for offset, mood in ((0, 4), (1, 2), (2, 3)):
        CheckInFactory(owner=user, date=today - offset * DAY, mood=mood, hours_slept=7)
    response = auth_client.get(HISTORY)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="mood-grid"' in body
    assert body.count('class="day mood-') >= 365
    assert body.count('class="day mood-4"') == 1
    assert "The year as a table" in body
    assert "The 30 days as a table" in body
    assert "<polyline" in body
    assert "3 days with a check-in" in body
    assert_no_inline_code(response.content)


def test_the_history_page_shows_only_the_persons_own_moods(auth_client, user, other_user):
    CheckInFactory(owner=other_user, date=today_for(user), mood=1)
    body = auth_client.get(HISTORY).content.decode()
    assert 'class="day mood-1"' not in body
    assert "0 days with a check-in" in body


@pytest.mark.parametrize("count", [30, 1000])
def test_the_history_page_takes_the_same_queries_for_30_or_1000_check_ins(
    auth_client, user, count, django_assert_num_queries
):
    today = today_for(user)
    CheckIn.objects.bulk_create(
        CheckIn(owner=user, date=today - n * DAY, mood=1 + n % 5, hours_slept=5 + n % 4)
        for n in range(count)
    )
    # session, user, the panel's check-ins, the history's check-ins, interviews, rejections
    with django_assert_num_queries(6):
        response = auth_client.get(HISTORY)
    assert response.status_code == 200
    assert f"Since you started ({count} check-ins)".encode() in response.content


def test_the_gentle_nudge_appears_after_three_hard_days(auth_client, user):
    today = today_for(user)
    for offset in range(3):
        CheckInFactory(owner=user, date=today - offset * DAY, mood=2)
    ContactFactory(owner=user, name="Jo", kind="support", phone="+44 20 7946 0000")
    body = auth_client.get(HISTORY).content.decode()
    assert "Go gently" in body
    assert "Jo</a>" in body
    assert 'href="tel:+44 20 7946 0000"' in body
    assert reverse("accounts:settings") in body


def test_the_nudge_invites_adding_a_support_person_when_there_is_none(auth_client, user):
    today = today_for(user)
    for offset in range(3):
        CheckInFactory(owner=user, date=today - offset * DAY, mood=1)
    body = auth_client.get(HISTORY).content.decode()
    assert f"{reverse('contacts:create')}?kind=support" in body


def test_no_nudge_on_an_ordinary_run_of_days(auth_client, user):
    today = today_for(user)
    for offset, mood in ((0, 3), (1, 1), (2, 1)):
        CheckInFactory(owner=user, date=today - offset * DAY, mood=mood)
    assert b"Go gently" not in auth_client.get(HISTORY).content


def test_the_history_marks_rejections_and_compares_the_days_after(auth_client, user, other_user):
    today = today_for(user)
    heard = today - 5 * DAY
    applied = today - 20 * DAY
    application = application_create(
        owner=user, company_name="Hooli", role_title="Analyst", applied_on=applied
    )
    rejection_log(application=application, received_on=heard)
    theirs = application_create(
        owner=other_user, company_name="Hooli", role_title="Analyst", applied_on=applied
    )
    rejection_log(application=theirs, received_on=today - 2 * DAY)
    for offset in range(10):
        mood = 2 if offset in (5, 4, 3) else 4  # the day of the rejection and the two after
        CheckInFactory(owner=user, date=today - offset * DAY, mood=mood)
    body = auth_client.get(HISTORY).content.decode()
    assert body.count('class="marker marker-rejection"') == 1
    assert f"Rejection, {heard.day} {heard:%B}" in body
    assert "after a “no”, your check-ins sat around “low”; on other days, around “good”" in body
    assert "out of 5" not in body
