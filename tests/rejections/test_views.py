import datetime

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.applications.models import Application, Status
from apps.applications.services import application_create
from apps.feedback.models import FeedbackRequest
from apps.rejections.models import Move, RecoveryStep, Rejection, StepState
from apps.rejections.services import rejection_log

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rejection(application, today):
    return rejection_log(application=application, received_on=today)


def test_the_log_form_suggests_the_stage_and_today(auth_client, application, today):
    response = auth_client.get(reverse("rejections:log_for_application", args=[application.pk]))
    assert response.status_code == 200
    assert response.context["form"].initial == {"received_on": today, "stage_reached": "applied"}
    assert b"Northwind" in response.content


def test_logging_from_an_application_opens_the_plan_on_the_dashboard(
    auth_client, application, today
):
    url = reverse("rejections:log_for_application", args=[application.pk])
    response = auth_client.post(
        url, {"received_on": today.isoformat(), "stage_reached": "screening", "feeling": "2"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home") + "#recovery-plan"
    rejection = Rejection.objects.get()
    assert (rejection.stage_reached, rejection.feeling) == ("screening", 2)
    assert rejection.steps.count() == 8

    dashboard = auth_client.get(response["Location"])
    assert b"Your recovery plan" in dashboard.content
    assert b"Give yourself time" in dashboard.content


def test_logging_by_htmx_redirects_the_browser(auth_client, application, today):
    url = reverse("rejections:log_for_application", args=[application.pk])
    response = auth_client.post(
        url, {"received_on": today.isoformat(), "stage_reached": "applied"}, **HTMX
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("dashboard:home") + "#recovery-plan"


def test_a_future_date_is_explained_and_nothing_is_written(auth_client, application, today):
    url = reverse("rejections:log_for_application", args=[application.pk])
    tomorrow = today + datetime.timedelta(days=1)
    response = auth_client.post(
        url, {"received_on": tomorrow.isoformat(), "stage_reached": "applied"}
    )
    assert response.status_code == 422
    assert b"cannot be in the future" in response.content
    assert Rejection.objects.count() == 0
    application.refresh_from_db()
    assert application.status == Status.APPLIED


def test_a_second_log_goes_to_the_existing_plan(auth_client, rejection):
    url = reverse("rejections:log_for_application", args=[rejection.application_id])
    response = auth_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == rejection.get_absolute_url()


def test_the_quick_form_logs_a_new_role_and_announces_it(auth_client, user, today):
    response = auth_client.post(
        reverse("rejections:log"),
        {
            "company_name": "Umbrella",
            "role_title": "Designer",
            "received_on": today.isoformat(),
            "stage_reached": "interview",
        },
        **HTMX,
    )
    assert response.status_code == 200
    assert '"rejection-logged"' in response["HX-Trigger"]
    assert b'id="quick-log"' in response.content
    assert b"<html" not in response.content
    rejection = Rejection.objects.get()
    assert rejection.application.company.name == "Umbrella"
    assert rejection.stage_reached == "interview"


def test_the_quick_form_logs_a_tracked_application(auth_client, application, today):
    response = auth_client.post(
        reverse("rejections:log"),
        {"application": application.pk, "received_on": today.isoformat()},
    )
    assert response.status_code == 302
    assert Rejection.objects.get().application == application


def test_the_quick_form_needs_an_application_or_a_company(auth_client, today):
    response = auth_client.post(
        reverse("rejections:log"), {"received_on": today.isoformat()}, **HTMX
    )
    assert response.status_code == 200
    assert b"type the company" in response.content
    assert "HX-Trigger" not in response
    assert Rejection.objects.count() == 0
    assert Application.objects.count() == 0


def test_the_quick_form_does_not_offer_someone_elses_application(
    auth_client, other_application, today
):
    response = auth_client.post(
        reverse("rejections:log"),
        {"application": other_application.pk, "received_on": today.isoformat()},
    )
    assert response.status_code == 422
    assert b"Select a valid choice" in response.content
    assert Rejection.objects.count() == 0


def test_the_plan_panel_renders_alone_for_htmx(auth_client, rejection):
    response = auth_client.get(reverse("rejections:plan_panel"), **HTMX)
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="recovery-plan"')
    assert b"Northwind" in response.content


def test_the_plan_panel_shows_due_steps_and_keeps_later_ones_for_later(auth_client, rejection):
    response = auth_client.get(reverse("rejections:plan_panel"))
    panel = response.context["panel"]
    plan = panel.plans[0]
    assert [step.move for step in plan.due] == [Move.PROCESS, Move.NOT_PERSONAL, Move.SELF_CARE]
    assert {step.move for step in plan.coming} == {
        Move.ASK_FEEDBACK,
        Move.REFLECT,
        Move.MOTIVATION,
        Move.NETWORK,
        Move.MOVE_FORWARD,
    }


def test_a_step_is_marked_done_in_place(auth_client, rejection):
    step = rejection.steps.get(move=Move.NOT_PERSONAL)
    response = auth_client.post(
        reverse("rejections:step_update", args=[step.pk]), {"state": "done"}, **HTMX
    )
    assert response.status_code == 200
    assert f'id="step-{step.pk}"'.encode() in response.content
    assert b"Undo" in response.content
    assert "recovery-step-changed" in response["HX-Trigger"]
    step.refresh_from_db()
    assert step.state == StepState.DONE


def test_a_skipped_step_stays_skipped_and_leaves_the_panel(auth_client, rejection):
    step = rejection.steps.get(move=Move.NOT_PERSONAL)
    auth_client.post(reverse("rejections:step_update", args=[step.pk]), {"state": "skipped"})
    panel = auth_client.get(reverse("rejections:plan_panel")).context["panel"]
    assert step.pk not in [s.pk for s in panel.plans[0].due]
    step.refresh_from_db()
    assert step.state == StepState.SKIPPED


def test_a_step_update_without_js_redirects_back_inside_the_site(auth_client, rejection):
    step = rejection.steps.get(move=Move.PROCESS)
    url = reverse("rejections:step_update", args=[step.pk])
    response = auth_client.post(url, {"state": "done", "next_url": rejection.get_absolute_url()})
    assert response["Location"] == rejection.get_absolute_url()
    response = auth_client.post(url, {"state": "done", "next_url": "https://evil.example/"})
    assert response["Location"] == reverse("dashboard:home")


def test_a_bad_state_is_refused(auth_client, rejection):
    step = rejection.steps.get(move=Move.PROCESS)
    response = auth_client.post(reverse("rejections:step_update", args=[step.pk]), {"state": "x"})
    assert response.status_code == 400
    step.refresh_from_db()
    assert step.state == StepState.PENDING


def test_resting_turns_on_pause_mode(auth_client, user, rejection, today):
    step = rejection.steps.get(move=Move.PROCESS)
    response = auth_client.post(
        reverse("rejections:step_rest", args=[step.pk]), {"days": "2"}, **HTMX
    )
    assert response.status_code == 200
    assert b"You are resting until" in response.content
    user.refresh_from_db()
    assert user.resting_until == today + datetime.timedelta(days=2)
    step.refresh_from_db()
    assert step.state == StepState.DONE


def test_resting_only_answers_on_the_process_step(auth_client, rejection):
    step = rejection.steps.get(move=Move.NETWORK)
    response = auth_client.post(reverse("rejections:step_rest", args=[step.pk]), {"days": "2"})
    assert response.status_code == 404


def test_asking_for_feedback_takes_one_click_and_reuses_the_draft(auth_client, user, rejection):
    step = rejection.steps.get(move=Move.ASK_FEEDBACK)
    url = reverse("rejections:step_ask_feedback", args=[step.pk])
    response = auth_client.post(url)
    feedback_request = FeedbackRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:detail", args=[feedback_request.pk])
    assert feedback_request.application == rejection.application
    assert "Alice" in feedback_request.message
    assert "Data Analyst" in feedback_request.message
    step.refresh_from_db()
    assert step.state == StepState.DONE

    response = auth_client.post(url, **HTMX)
    assert response["HX-Redirect"] == reverse("feedback:detail", args=[feedback_request.pk])
    assert FeedbackRequest.objects.count() == 1


def test_the_reflection_sits_beside_the_fit_rated_when_applying(auth_client, rejection):
    url = reverse("rejections:reflect", args=[rejection.pk])
    response = auth_client.get(url)
    assert response.status_code == 200
    assert b"4 out of 5" in response.content  # fit with values when applying
    response = auth_client.post(
        url,
        {
            "fit_values": "2",
            "fit_interests": "3",
            "fit_skills": "5",
            "what_to_change": "Smaller firms",
        },
    )
    assert response.status_code == 302
    assert rejection.reflection.what_to_change == "Smaller firms"
    assert rejection.steps.get(move=Move.REFLECT).state == StepState.DONE


def test_a_bad_reflection_is_explained(auth_client, rejection):
    response = auth_client.post(
        reverse("rejections:reflect", args=[rejection.pk]), {"fit_values": "9"}
    )
    assert response.status_code == 200
    assert b"less than or equal to 5" in response.content
    assert not hasattr(rejection, "reflection")


def test_the_whole_plan_shows_all_eight_moves(auth_client, rejection):
    response = auth_client.get(rejection.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["plan"].due) == 8
    for move in Move:
        assert move.label.encode() in response.content or move.label in response.content.decode()


def test_editing_a_rejection_saves_and_explains_bad_dates(auth_client, rejection, today):
    url = reverse("rejections:edit", args=[rejection.pk])
    data = {"received_on": today.isoformat(), "stage_reached": "final", "reason_given": "Budget"}
    assert auth_client.post(url, data).status_code == 302
    rejection.refresh_from_db()
    assert (rejection.stage_reached, rejection.reason_given) == ("final", "Budget")
    data["received_on"] = (today + datetime.timedelta(days=3)).isoformat()
    response = auth_client.post(url, data)
    assert b"cannot be in the future" in response.content


def test_the_list_and_insights_pages_have_empty_states(auth_client):
    assert b"No rejections logged" in auth_client.get(reverse("rejections:list")).content
    assert b"nothing to compare" in auth_client.get(reverse("rejections:insights")).content


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("rejections:step_update", "get"),
        ("rejections:step_rest", "get"),
        ("rejections:step_ask_feedback", "get"),
    ],
)
def test_writes_refuse_get(auth_client, rejection, name, method):
    step = rejection.steps.first()
    assert getattr(auth_client, method)(reverse(name, args=[step.pk])).status_code == 405


def test_pages_refuse_other_methods(auth_client, rejection):
    assert auth_client.put(reverse("rejections:plan_panel")).status_code == 405
    assert auth_client.post(rejection.get_absolute_url()).status_code == 405
    assert auth_client.delete(reverse("rejections:log")).status_code == 405


def make_open_rejections(user, count):
    today = datetime.date.today()
    for index in range(count):
        application = application_create(
            owner=user, company_name=f"Company {index % 7}", role_title=f"Role {index}"
        )
        rejection_log(application=application, received_on=today - datetime.timedelta(days=0))


@pytest.mark.parametrize("sizes", [(2, 4), (25, 50)], ids=["plans shown", "beyond the limit"])
def test_the_plan_panel_costs_the_same_queries_for_n_or_2n_rejections(
    client, db, queries_for, sizes
):
    counts = []
    for count in sizes:
        user = User.objects.create_user(f"many{count}@example.com", "pw-long-enough-1")
        make_open_rejections(user, count)
        # Show every move so every action's data is fetched.
        RecoveryStep.objects.update(opens_on=datetime.date(2000, 1, 1))
        client.force_login(user)
        counts.append(queries_for(client, reverse("rejections:plan_panel")))
        plans = client.get(reverse("rejections:plan_panel")).context["panel"].plans
        assert len(plans) == min(count, 5)
    assert counts[0] == counts[1]


def test_the_application_page_links_its_plan_and_asks_for_feedback(auth_client, rejection):
    response = auth_client.get(rejection.application.get_absolute_url())
    plan_url = reverse("rejections:log_for_application", args=[rejection.application_id])
    assert plan_url.encode() in response.content
    assert reverse("feedback:ask", args=[rejection.application_id]).encode() in response.content
    assert auth_client.get(plan_url)["Location"] == rejection.get_absolute_url()


def test_a_typed_company_and_role_already_tracked_is_matched_not_duplicated(
    auth_client, application, today
):
    response = auth_client.post(
        reverse("rejections:log"),
        {
            "company_name": " northwind ",
            "role_title": "DATA ANALYST",
            "received_on": today.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Application.objects.count() == 1
    assert Rejection.objects.get().application == application


def test_the_quick_form_offers_only_recent_open_applications(user, today):
    from apps.rejections.forms import QUICK_CHOICES, QuickLogForm

    for index in range(QUICK_CHOICES + 5):
        application_create(owner=user, company_name=f"Co {index}", role_title="Role")
    application_create(owner=user, company_name="Dream", role_title="Lead", status=Status.WISHLIST)
    choices = QuickLogForm(user=user).fields["application"].queryset
    assert choices.count() == QUICK_CHOICES
    assert not choices.filter(status=Status.WISHLIST).exists()


def test_a_step_keeps_its_heading_level_when_swapped(auth_client, rejection):
    step = rejection.steps.get(move=Move.NOT_PERSONAL)
    url = reverse("rejections:step_update", args=[step.pk])
    response = auth_client.post(url, {"state": "done", "heading_level": "3"}, **HTMX)
    assert b"<h3>Don" in response.content
    response = auth_client.post(url, {"state": "pending", "heading_level": "9"}, **HTMX)
    assert b"<h4>Don" in response.content


def test_a_second_post_of_the_log_form_answers_like_the_first(auth_client, rejection, today):
    url = reverse("rejections:log_for_application", args=[rejection.application_id])
    response = auth_client.post(url, {"received_on": today.isoformat(), "stage_reached": "applied"})
    assert response["Location"] == reverse("dashboard:home") + "#recovery-plan"
    assert Rejection.objects.count() == 1


def test_the_example_plan_shows_what_a_no_opens_and_writes_nothing(auth_client):
    response = auth_client.get(reverse("rejections:example"))
    assert response.status_code == 200
    assert "What happens after a “no”" in response.content.decode()
    assert b"ask for feedback" in response.content
    assert Rejection.objects.count() == 0


def test_the_example_plan_rejects_post(auth_client):
    assert auth_client.post(reverse("rejections:example")).status_code == 405


def test_the_plan_gives_perspective_never_a_tally_or_a_deficit(auth_client, user, today):
    from apps.rejections.services import rejection_log_new

    for n, stage in enumerate(["applied", "screening", "interview"]):
        rejection_log_new(
            owner=user,
            company_name=f"Past {n}",
            role_title="Analyst",
            received_on=today - datetime.timedelta(days=40 + n),
            stage_reached=stage,
        )
    fresh = rejection_log_new(
        owner=user, company_name="Fresh", role_title="Lead", received_on=today
    )
    RecoveryStep.objects.update(opens_on=datetime.date(2000, 1, 1))
    page = auth_client.get(fresh.get_absolute_url()).content.decode()
    assert "You reached" in page
    assert "not a verdict on you" in page
    assert "came at different points" not in page  # no list of past "no"s by stage
    assert "you aimed for" not in page
    assert "out of 5" not in page


def test_folded_plans_show_their_summary_and_fetch_their_steps_when_opened(
    auth_client, user, today
):
    older = rejection_log(
        application=application_create(owner=user, company_name="Globex", role_title="Analyst"),
        received_on=today,
    )
    newest = rejection_log(  # the same day, logged later: shown first
        application=application_create(owner=user, company_name="Initech", role_title="Lead"),
        received_on=today,
    )
    body_url = reverse("rejections:plan_body", args=[older.pk])
    for page in (reverse("dashboard:home"), reverse("rejections:plan_panel")):
        html = auth_client.get(page).content.decode()
        # The newest plan is open with its steps; the folded one has its summary and a link.
        assert f'id="step-{newest.steps.get(move=Move.PROCESS).pk}"' in html
        assert f'id="step-{older.steps.get(move=Move.PROCESS).pk}"' not in html
        assert "Globex · Analyst" in html
        assert f'hx-get="{body_url}"' in html
        assert f'href="{older.get_absolute_url()}"' in html

    response = auth_client.get(body_url, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<p class="plan-link">')
    due = [step.move for step in response.context["plan"].due]
    assert due == [Move.PROCESS, Move.NOT_PERSONAL, Move.SELF_CARE]
    for step in older.steps.all():
        assert f'id="step-{step.pk}"' in html
    assert "Coming up in the next days (5)" in html
    assert f'id="step-{newest.steps.get(move=Move.PROCESS).pk}"' not in html
