import datetime

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.applications.services import application_create
from apps.core.dates import today_for
from apps.rejections.models import RecoveryStep
from apps.rejections.services import rejection_log
from apps.selfcare.services import checkin_save


def person_with(count: int) -> User:
    user = User.objects.create_user(f"p{count}@example.com", "pw-long-enough-1", display_name="Kim")
    today = today_for(user)
    for index in range(count):
        application = application_create(
            owner=user, company_name=f"Company {index % 5}", role_title=f"Role {index}"
        )
        if index % 2:
            rejection_log(application=application, received_on=today)
        checkin_save(owner=user, mood=1 + index % 5, date=today - datetime.timedelta(days=index))
    RecoveryStep.objects.update(opens_on=datetime.date(2000, 1, 1))  # every move on show
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 40])
def test_it_costs_the_same_queries_however_much_data_there_is(
    client, count, django_assert_num_queries
):
    client.force_login(person_with(count))
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("dashboard:home"))
    assert response.status_code == 200
    assert b"Your recovery plan" in response.content
    assert b"How are you today?" in response.content


# Session and user, then each panel's reads once (plan steps, each move's data, check-ins).
DASHBOARD_QUERIES = 16


def test_it_offers_the_quick_rejection_form_and_hides_set_up_once_tracking(auth_client, user):
    response = auth_client.get(reverse("dashboard:home"))
    assert b'id="quick-log"' in response.content
    assert "Let’s get you set up".encode() in response.content
    application_create(owner=user, company_name="Acme", role_title="Dev")
    response = auth_client.get(reverse("dashboard:home"))
    assert "Let’s get you set up".encode() not in response.content


def test_the_plan_panel_listens_for_new_rejections(auth_client):
    response = auth_client.get(reverse("dashboard:home"))
    assert b'hx-trigger="rejection-logged from:body"' in response.content


def test_it_rejects_post(auth_client):
    assert auth_client.post(reverse("dashboard:home")).status_code == 405
