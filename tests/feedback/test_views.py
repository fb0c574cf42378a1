import datetime

import pytest
from django.urls import reverse

from apps.contacts.services import contact_create
from apps.feedback.models import FeedbackRequest, RequestStatus
from apps.feedback.services import feedback_request_create, feedback_request_mark_sent
from tests.factories import ApplicationFactory, FeedbackRequestFactory

DAY = datetime.timedelta(days=1)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(user, application):
    return feedback_request_create(owner=user, application=application)


@pytest.fixture
def sent(draft, today):
    return feedback_request_mark_sent(feedback_request=draft, asked_on=today - 3 * DAY)


@pytest.fixture
def strangers_request(other_user, other_application):
    return feedback_request_create(owner=other_user, application=other_application)


def url(name, obj=None):
    return reverse(f"feedback:{name}", kwargs={"pk": obj.pk} if obj else None)


def stored(feedback_request) -> FeedbackRequest:
    return FeedbackRequest.objects.get(pk=feedback_request.pk)


# --- list ---------------------------------------------------------------------------------


def test_it_lists_only_the_persons_requests(auth_client, draft, strangers_request):
    response = auth_client.get(url("list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Data Analyst" in body and "Hooli" in body
    assert "Globex" not in body
    assert "1 request." in body


def test_it_shows_the_response_rate(auth_client, user, today):
    FeedbackRequestFactory(application=ApplicationFactory(owner=user), answered=True)
    FeedbackRequestFactory(application=ApplicationFactory(owner=user), sent=True)
    FeedbackRequestFactory(application=ApplicationFactory(owner=user))
    response = auth_client.get(url("list"))
    assert "<strong>1 of 2</strong> requests you sent brought feedback back" in (
        response.content.decode()
    )


def test_it_invites_a_first_request_when_there_are_none(auth_client):
    body = auth_client.get(url("list")).content.decode()
    assert "No feedback requests yet" in body
    assert reverse("feedback:create") in body


def test_it_filters_by_status_and_due_follow_ups(auth_client, user, today):
    due = FeedbackRequestFactory(
        application=ApplicationFactory(owner=user, role_title="Due one"),
        sent=True,
        asked_on=today - 9 * DAY,
        follow_up_on=today - DAY,
    )
    FeedbackRequestFactory(application=ApplicationFactory(owner=user, role_title="Still a draft"))
    body = auth_client.get(url("list"), {"status": "draft"}).content.decode()
    assert "Still a draft" in body and "Due one" not in body
    body = auth_client.get(url("list"), {"due": "on"}).content.decode()
    assert "Due one" in body and "Still a draft" not in body
    assert f"Due {due.follow_up_on:%-d %b}" in body


def test_it_ignores_a_filter_it_cannot_read_and_says_so(auth_client, draft):
    response = auth_client.get(url("list"), {"status": "lost"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Some filters were left out" in body
    assert "Data Analyst" in body


def test_it_answers_htmx_with_the_table_only(auth_client, draft):
    response = auth_client.get(url("list"), {"status": "draft"}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="feedback-table"')
    assert "<html" not in body and "Data Analyst" in body
    assert "HX-Request" in response["Vary"]


def test_it_pages_the_list_by_25(auth_client, user):
    application = ApplicationFactory(owner=user)
    FeedbackRequestFactory.create_batch(30, application=application)
    body = auth_client.get(url("list")).content.decode()
    assert "showing 1–25" in body and "Page 1 of 2" in body
    body = auth_client.get(url("list"), {"page": 2}).content.decode()
    assert "showing 26–30" in body


def test_it_lists_with_the_same_number_of_queries_for_5_and_100_requests(
    auth_client, user, today, django_assert_num_queries
):
    def count_queries(total):
        FeedbackRequest.objects.all().delete()
        for n in range(total):
            FeedbackRequestFactory(
                application=ApplicationFactory(owner=user),
                sent=n % 2 == 0,
            )
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = auth_client.get(url("list"))
        assert response.status_code == 200
        return len(queries)

    few, many = count_queries(5), count_queries(100)
    assert few == many
    with django_assert_num_queries(few):
        auth_client.get(url("list"))


def test_it_rejects_a_post_to_the_list(auth_client):
    assert auth_client.post(url("list")).status_code == 405


# --- create -------------------------------------------------------------------------------


def test_it_offers_only_the_persons_applications(auth_client, application, other_application):
    body = auth_client.get(url("create")).content.decode()
    assert "Data Analyst at Hooli" in body
    assert "Designer at Globex" not in body


def test_it_fills_in_the_draft_for_the_chosen_application(auth_client, application):
    body = auth_client.get(url("create"), {"application": application.pk}).content.decode()
    assert "I got as far as the application stage" in body
    assert f'<option value="{application.pk}" selected>' in body


def test_it_drafts_for_the_chosen_contact_too(auth_client, user, application):
    contact = contact_create(owner=user, name="Gavin Belson")
    body = auth_client.get(
        url("create"), {"application": application.pk, "contact": contact.pk}
    ).content.decode()
    assert "Hello Gavin Belson," in body


def test_it_does_not_draft_for_someone_elses_application(auth_client, other_application):
    body = auth_client.get(url("create"), {"application": other_application.pk}).content.decode()
    assert "Globex" not in body


def test_it_answers_htmx_with_just_the_draft(auth_client, application):
    response = auth_client.get(url("create"), {"application": application.pk}, **HTMX)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="draft-field">')
    assert "Data Analyst role at Hooli" in body
    assert "<html" not in body


def test_it_asks_for_an_application_first_when_there_are_none(auth_client):
    body = auth_client.get(url("create")).content.decode()
    assert "you have none yet" in body
    assert reverse("applications:create") in body


def test_it_creates_a_request_and_opens_it(auth_client, application):
    response = auth_client.post(
        url("create"), {"application": application.pk, "channel": "linkedin", "message": ""}
    )
    request = FeedbackRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("detail", request)
    assert request.channel == "linkedin"
    assert "Data Analyst role at Hooli" in request.message


def test_it_creates_a_request_to_a_contact(auth_client, user, application):
    contact = contact_create(owner=user, name="Gavin Belson")
    auth_client.post(
        url("create"),
        {"application": application.pk, "channel": "email", "contact": contact.pk},
    )
    assert FeedbackRequest.objects.get().contact == contact


def test_it_explains_a_missing_application_and_writes_nothing(auth_client, application):
    response = auth_client.post(url("create"), {"channel": "email"})
    assert response.status_code == 200
    assert "Choose the application you would like feedback on." in response.content.decode()
    assert not FeedbackRequest.objects.exists()


def test_it_refuses_someone_elses_application_on_create(
    auth_client, application, other_application
):
    response = auth_client.post(
        url("create"), {"application": other_application.pk, "channel": "email"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not FeedbackRequest.objects.exists()


def test_it_rejects_other_methods_on_create(auth_client):
    assert auth_client.put(url("create")).status_code == 405


# --- one click from an application --------------------------------------------------------


def test_it_asks_in_one_click_and_reuses_the_open_request(auth_client, application):
    ask = reverse("feedback:ask", kwargs={"application_pk": application.pk})
    first = auth_client.post(ask)
    request = FeedbackRequest.objects.get()
    assert first["Location"] == url("detail", request)
    second = auth_client.post(ask, **HTMX)
    assert second["HX-Redirect"] == url("detail", request)
    assert FeedbackRequest.objects.count() == 1


def test_it_does_not_ask_on_a_get(auth_client, application):
    ask = reverse("feedback:ask", kwargs={"application_pk": application.pk})
    assert auth_client.get(ask).status_code == 405
    assert not FeedbackRequest.objects.exists()


def test_it_does_not_ask_about_someone_elses_application(auth_client, other_application):
    ask = reverse("feedback:ask", kwargs={"application_pk": other_application.pk})
    assert auth_client.post(ask).status_code == 404
    assert not FeedbackRequest.objects.exists()


# --- detail -------------------------------------------------------------------------------


def test_it_shows_the_draft_with_a_copy_button(auth_client, draft):
    body = auth_client.get(url("detail", draft)).content.decode()
    assert 'id="feedback-message"' in body and "readonly" in body
    assert 'data-copy-target="feedback-message"' in body
    assert "Data Analyst role at Hooli" in body
    assert "I have sent it" in body
    assert "js/rebound.js" in body


def test_it_hides_another_persons_request(auth_client, strangers_request):
    assert auth_client.get(url("detail", strangers_request)).status_code == 404


def test_it_rejects_a_post_to_the_detail_page(auth_client, draft):
    assert auth_client.post(url("detail", draft)).status_code == 405


def test_it_answers_htmx_with_the_request_section(auth_client, draft):
    body = auth_client.get(url("detail", draft), **HTMX).content.decode()
    assert body.lstrip().startswith('<div id="feedback-request"')
    assert "<html" not in body


def test_it_offers_a_follow_up_once_the_date_has_passed(auth_client, draft, today):
    feedback_request_mark_sent(
        feedback_request=draft, asked_on=today - 9 * DAY, follow_up_on=today - DAY
    )
    body = auth_client.get(url("detail", draft)).content.decode()
    assert "A gentle follow-up" in body
    assert 'data-copy-target="feedback-follow-up-message"' in body
    assert "no pressure" in body


def test_it_keeps_the_follow_up_until_the_date_comes(auth_client, sent):
    body = auth_client.get(url("detail", sent)).content.decode()
    assert "A gentle follow-up" not in body
    assert "Record their answer" in body


def test_it_does_not_offer_a_follow_up_after_an_answer(auth_client, user, today):
    request = FeedbackRequestFactory(
        application=ApplicationFactory(owner=user), answered=True, follow_up_on=today - DAY
    )
    body = auth_client.get(url("detail", request)).content.decode()
    assert "A gentle follow-up" not in body
    assert "Strong portfolio" in body


# --- mark sent ----------------------------------------------------------------------------


def test_it_marks_sent_and_goes_back_to_the_request(auth_client, draft, today):
    response = auth_client.post(url("mark_sent", draft), {"asked_on": "", "follow_up_on": ""})
    assert response.status_code == 302
    request = stored(draft)
    assert (request.status, request.asked_on) == ("sent", today)
    assert request.follow_up_on == today + 7 * DAY


def test_it_marks_sent_through_htmx_with_an_event(auth_client, draft):
    response = auth_client.post(url("mark_sent", draft), {}, **HTMX)
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="feedback-request"')
    assert "feedback-updated" in response["HX-Trigger"]
    assert stored(draft).status == RequestStatus.SENT


def test_it_explains_a_future_sending_date_and_writes_nothing(auth_client, draft, today):
    tomorrow = (today + DAY).isoformat()
    response = auth_client.post(url("mark_sent", draft), {"asked_on": tomorrow}, **HTMX)
    assert response.status_code == 200
    assert "The date you asked cannot be in the future." in response.content.decode()
    assert "HX-Trigger" not in response
    assert stored(draft).status == RequestStatus.DRAFT


def test_it_explains_an_unreadable_date(auth_client, draft):
    response = auth_client.post(url("mark_sent", draft), {"asked_on": "yesterday-ish"})
    assert response.status_code == 200
    assert "Enter a date, for example" in response.content.decode()
    assert stored(draft).status == RequestStatus.DRAFT


def test_it_does_not_mark_sent_on_a_get(auth_client, draft):
    assert auth_client.get(url("mark_sent", draft)).status_code == 405


def test_it_does_not_mark_another_persons_request(auth_client, strangers_request):
    assert auth_client.post(url("mark_sent", strangers_request)).status_code == 404
    assert stored(strangers_request).status == RequestStatus.DRAFT


# --- answer -------------------------------------------------------------------------------


def test_it_shows_the_answer_form(auth_client, sent, today):
    body = auth_client.get(url("answer", sent)).content.decode()
    assert "What they said" in body
    assert f'value="{today.isoformat()}"' in body
    assert "<legend>How did it come across?</legend>" in body


def test_it_records_the_answer(auth_client, sent, today):
    response = auth_client.post(
        url("answer", sent),
        {
            "answered_on": today.isoformat(),
            "what_they_said": "Loved the portfolio.",
            "my_takeaways": "Lead with the portfolio.",
            "tone": "encouraging",
        },
    )
    assert response["Location"] == url("detail", sent)
    request = stored(sent)
    assert (request.status, request.tone, request.answered_on) == ("answered", "encouraging", today)


def test_it_explains_an_answer_before_the_request(auth_client, sent, today):
    response = auth_client.post(
        url("answer", sent),
        {
            "answered_on": (today - 30 * DAY).isoformat(),
            "what_they_said": "Hm.",
            "tone": "neutral",
        },
    )
    assert response.status_code == 200
    assert "the reply cannot come before that" in response.content.decode()
    assert stored(sent).status == RequestStatus.SENT


def test_it_explains_missing_answer_fields(auth_client, sent):
    response = auth_client.post(url("answer", sent), {"what_they_said": ""})
    body = response.content.decode()
    assert "Write down what they said, even in a few words." in body
    assert "Choose how the feedback came across." in body
    assert stored(sent).status == RequestStatus.SENT


def test_it_hides_the_answer_form_of_another_person(auth_client, strangers_request):
    assert auth_client.get(url("answer", strangers_request)).status_code == 404


def test_it_rejects_other_methods_on_answer(auth_client, sent):
    assert auth_client.delete(url("answer", sent)).status_code == 405


# --- close --------------------------------------------------------------------------------


def test_it_closes_as_declined(auth_client, sent, today):
    response = auth_client.post(url("close", sent), {"status": "declined"})
    assert response.status_code == 302
    assert (stored(sent).status, stored(sent).answered_on) == ("declined", today)


def test_it_closes_with_no_answer_through_htmx(auth_client, sent):
    response = auth_client.post(url("close", sent), {"status": "no_answer"}, **HTMX)
    assert response.status_code == 200
    assert "feedback-updated" in response["HX-Trigger"]
    assert "No reply came" in response.content.decode()
    assert stored(sent).status == RequestStatus.NO_ANSWER


def test_it_explains_why_a_draft_cannot_be_closed(auth_client, draft):
    response = auth_client.post(url("close", draft), {"status": "no_answer"})
    assert response.status_code == 200
    assert "only a sent request can be closed" in response.content.decode()
    assert stored(draft).status == RequestStatus.DRAFT


def test_it_explains_an_unknown_closing_status(auth_client, sent):
    response = auth_client.post(url("close", sent), {"status": "answered"})
    assert "Choose how the request ended." in response.content.decode()
    assert stored(sent).status == RequestStatus.SENT


def test_it_does_not_close_on_a_get(auth_client, sent):
    assert auth_client.get(url("close", sent)).status_code == 405


def test_it_does_not_close_another_persons_request(auth_client, strangers_request):
    assert (
        auth_client.post(url("close", strangers_request), {"status": "no_answer"}).status_code
        == 404
    )


# --- edit ---------------------------------------------------------------------------------


def test_it_edits_a_drafts_message_without_dates(auth_client, draft):
    body = auth_client.get(url("edit", draft)).content.decode()
    assert 'name="message"' in body and 'name="asked_on"' not in body
    response = auth_client.post(url("edit", draft), {"channel": "phone", "message": "Mine now."})
    assert response["Location"] == url("detail", draft)
    assert (stored(draft).channel, stored(draft).message) == ("phone", "Mine now.")


def test_it_edits_the_dates_of_a_sent_request(auth_client, sent, today):
    response = auth_client.post(
        url("edit", sent),
        {
            "channel": "email",
            "message": sent.message,
            "asked_on": (today - 4 * DAY).isoformat(),
            "follow_up_on": (today + 2 * DAY).isoformat(),
        },
    )
    assert response.status_code == 302
    assert stored(sent).follow_up_on == today + 2 * DAY


def test_it_explains_a_follow_up_before_the_asking_date(auth_client, sent, today):
    response = auth_client.post(
        url("edit", sent),
        {
            "channel": "email",
            "message": "x",
            "asked_on": (today - 4 * DAY).isoformat(),
            "follow_up_on": (today - 6 * DAY).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "choose that day or later to follow up" in response.content.decode()
    assert stored(sent).message != "x"


def test_it_hides_the_edit_form_of_another_person(auth_client, strangers_request):
    assert auth_client.get(url("edit", strangers_request)).status_code == 404
    assert auth_client.post(url("edit", strangers_request), {}).status_code == 404


def test_it_rejects_other_methods_on_edit(auth_client, draft):
    assert auth_client.put(url("edit", draft)).status_code == 405


# --- delete -------------------------------------------------------------------------------


def test_it_asks_before_deleting(auth_client, draft):
    body = auth_client.get(url("delete", draft)).content.decode()
    assert "Delete this feedback request?" in body
    assert FeedbackRequest.objects.exists()


def test_it_deletes_and_returns_to_the_list(auth_client, draft):
    response = auth_client.post(url("delete", draft))
    assert response["Location"] == url("list")
    assert not FeedbackRequest.objects.exists()


def test_it_does_not_delete_another_persons_request(auth_client, strangers_request):
    assert auth_client.post(url("delete", strangers_request)).status_code == 404
    assert FeedbackRequest.objects.filter(pk=strangers_request.pk).exists()


def test_it_rejects_other_methods_on_delete(auth_client, draft):
    assert auth_client.put(url("delete", draft)).status_code == 405


def test_it_links_feedback_in_the_navigation(auth_client):
    body = auth_client.get(url("list")).content.decode()
    assert f'<a href="{url("list")}" aria-current="page">Feedback</a>' in body


def test_it_explains_a_missing_asking_date_on_edit(auth_client, sent):
    response = auth_client.post(
        url("edit", sent), {"channel": "email", "message": "x", "asked_on": ""}
    )
    assert response.status_code == 200
    assert "Enter the date you asked." in response.content.decode()
    assert stored(sent).message != "x"
