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
def test_it_costs_the_same_queries_however_much_data_there_is(client, queries_for):
    # Every panel has something to show at both sizes: each reads its data once.
    counts = []
    for size in (20, 40):
        client.force_login(person_with(size))
        counts.append(queries_for(client, reverse("dashboard:home")))
    assert counts[0] == counts[1]
    response = client.get(reverse("dashboard:home"))
    assert b"Your recovery plan" in response.content
    assert b"How are you today?" in response.content


def test_day_one_offers_three_first_steps_and_keeps_the_rejection_form_quiet(auth_client, user):
    response = auth_client.get(reverse("dashboard:home"))
    page = response.content.decode()
    assert "Three ways to start" in page
    for path in [
        reverse("applications:create"),
        reverse("exports:import_upload"),
        reverse("rejections:example"),
    ]:
        assert f'href="{path}" role="button"' in page
    # The six-field form waits until there is something to log against; a link stays.
    assert 'id="quick-log"' not in page
    assert f'href="{reverse("rejections:log")}"' in page

    application_create(owner=user, company_name="Acme", role_title="Dev")
    response = auth_client.get(reverse("dashboard:home"))
    assert b"Three ways to start" not in response.content
    assert b'id="quick-log"' in response.content


def test_the_plan_panel_listens_for_new_rejections(auth_client):
    response = auth_client.get(reverse("dashboard:home"))
    assert b'hx-trigger="rejection-logged from:body"' in response.content


def test_it_rejects_post(auth_client):
    assert auth_client.post(reverse("dashboard:home")).status_code == 405


def test_it_shows_the_week_beside_the_pace_chosen_without_scoring_it(auth_client, user):
    today = today_for(user)
    application_create(owner=user, company_name="Acme", role_title="Dev", applied_on=today)
    response = auth_client.get(reverse("dashboard:home"))
    assert response.context["week"].applications == 1
    page = response.content.decode()
    page = page[page.index('id="week-heading"') :]
    page = page[: page.index("</article>")]
    assert "Applications sent: 1" in page
    assert "Networking: 0" in page
    assert "about 5 a week" in page and "about 2 a week" in page
    # What was done is said as it is, never as a part of a target ("1 of 5").
    assert " of 5" not in page and " of 2" not in page


def test_it_lists_follow_ups_that_are_due_unless_resting(auth_client, user):
    today = today_for(user)
    application_create(
        owner=user,
        company_name="Acme",
        role_title="Dev",
        applied_on=today - datetime.timedelta(days=9),
        next_follow_up_on=today - datetime.timedelta(days=1),
    )
    response = auth_client.get(reverse("dashboard:home"))
    assert b"Acme: Dev" in response.content
    assert b"All applications to follow up" in response.content

    user.resting_until = today + datetime.timedelta(days=1)
    user.save()
    response = auth_client.get(reverse("dashboard:home"))
    assert b"All applications to follow up" not in response.content
    assert b"Follow-ups will wait for you" in response.content


def test_the_pipeline_counts_open_applications_by_stage(auth_client, user):
    for role in ("A", "B"):
        application_create(owner=user, company_name="Acme", role_title=role)
    application_create(owner=user, company_name="Acme", role_title="C", status="wishlist")
    stages = {bar.label: bar.value for bar in auth_client.get("/").context["pipeline"].bars}
    assert (stages["Applied"], stages["Wishlist"], stages["Offer"]) == (2, 1, 0)


def test_the_pipeline_invites_a_next_role_when_nothing_is_open(auth_client, user, today):
    application = application_create(owner=user, company_name="Acme", role_title="Dev")
    rejection_log(application=application, received_on=today)
    response = auth_client.get(reverse("dashboard:home"))
    assert b"Nothing is open right now" in response.content
