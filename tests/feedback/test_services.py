import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.applications.models import InterviewKind, Status
from apps.applications.services import application_move, interview_schedule
from apps.contacts.services import contact_create
from apps.feedback.models import FeedbackRequest, RequestStatus, Tone
from apps.feedback.services import (
    feedback_request_close,
    feedback_request_create,
    feedback_request_delete,
    feedback_request_mark_sent,
    feedback_request_record_answer,
    feedback_request_start,
    feedback_request_update,
)

DAY = datetime.timedelta(days=1)


@pytest.fixture
def draft(user, application):
    return feedback_request_create(owner=user, application=application)


@pytest.fixture
def sent(draft, today):
    return feedback_request_mark_sent(feedback_request=draft, asked_on=today - 10 * DAY)


def stored(feedback_request) -> FeedbackRequest:
    return FeedbackRequest.objects.get(pk=feedback_request.pk)


# --- creating and drafting ------------------------------------------------------------------


def test_it_creates_a_draft_with_the_persons_name_role_company_and_stage(user, application, today):
    application_move(application=application, status=Status.INTERVIEWING, on=today - 5 * DAY)
    interview_schedule(
        application=application,
        kind=InterviewKind.FINAL,
        scheduled_at=datetime.datetime.combine(
            today - 3 * DAY, datetime.time(10), tzinfo=datetime.UTC
        ),
    )
    application_move(application=application, status=Status.REJECTED, on=today)

    request = feedback_request_create(owner=user, application=application)

    request = stored(request)
    assert request.status == RequestStatus.DRAFT
    assert request.channel == "email"
    assert request.asked_on is None and request.follow_up_on is None
    assert "Data Analyst role at Hooli" in request.message
    assert "the final round" in request.message
    assert request.message.rstrip().endswith("Alice")


def test_it_names_the_stage_the_application_reached(user, application, today):
    application_move(application=application, status=Status.SCREENING, on=today)
    application_move(application=application, status=Status.REJECTED, on=today)
    request = feedback_request_create(owner=user, application=application)
    assert "I got as far as the screening stage" in request.message


def test_it_keeps_a_message_the_person_wrote(user, application):
    request = feedback_request_create(
        owner=user, application=application, channel="linkedin", message="Hi Sam, quick one…"
    )
    assert (stored(request).message, stored(request).channel) == ("Hi Sam, quick one…", "linkedin")


def test_it_drafts_when_the_message_is_left_blank(user, application):
    request = feedback_request_create(owner=user, application=application, message="   ")
    assert "Data Analyst role at Hooli" in request.message


def test_it_greets_the_contact_in_the_draft(user, application):
    contact = contact_create(owner=user, name="Gavin Belson", company_name="Hooli")
    request = feedback_request_create(owner=user, application=application, contact=contact)
    assert stored(request).contact == contact
    assert request.message.startswith("Hello Gavin Belson,")


def test_it_refuses_another_persons_application_and_writes_nothing(user, other_application):
    with pytest.raises(ValidationError) as caught:
        feedback_request_create(owner=user, application=other_application)
    assert "application" in caught.value.message_dict
    assert not FeedbackRequest.objects.exists()


def test_it_refuses_another_persons_contact(user, other_user, application):
    contact = contact_create(owner=other_user, name="Someone Else")
    with pytest.raises(ValidationError) as caught:
        feedback_request_create(owner=user, application=application, contact=contact)
    assert "contact" in caught.value.message_dict
    assert not FeedbackRequest.objects.exists()


def test_it_refuses_an_unknown_channel_and_writes_nothing(user, application):
    with pytest.raises(ValidationError):
        feedback_request_create(owner=user, application=application, channel="carrier pigeon")
    assert not FeedbackRequest.objects.exists()


def test_it_starts_one_request_then_reuses_it(user, application):
    first, created = feedback_request_start(owner=user, application=application)
    again, created_again = feedback_request_start(owner=user, application=application)
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert FeedbackRequest.objects.count() == 1


def test_it_starts_a_new_request_when_the_earlier_one_is_closed(user, application, today):
    first, _ = feedback_request_start(owner=user, application=application)
    feedback_request_mark_sent(feedback_request=first, asked_on=today - 9 * DAY)
    feedback_request_close(feedback_request=first, status=RequestStatus.NO_ANSWER)
    second, created = feedback_request_start(owner=user, application=application)
    assert created and second.pk != first.pk


def test_it_can_still_create_a_second_request_directly(user, application, draft):
    another = feedback_request_create(owner=user, application=application)
    assert another.pk != draft.pk


# --- sending ------------------------------------------------------------------------------


def test_it_marks_sent_today_with_a_follow_up_a_week_later(draft, today):
    feedback_request_mark_sent(feedback_request=draft)
    request = stored(draft)
    assert request.status == RequestStatus.SENT
    assert request.asked_on == today
    assert request.follow_up_on == today + 7 * DAY


def test_it_marks_sent_on_the_dates_given(draft, today):
    feedback_request_mark_sent(
        feedback_request=draft, asked_on=today - 2 * DAY, follow_up_on=today + 3 * DAY
    )
    request = stored(draft)
    assert (request.asked_on, request.follow_up_on) == (today - 2 * DAY, today + 3 * DAY)


def test_it_follows_up_a_week_after_a_past_asking_date(draft, today):
    feedback_request_mark_sent(feedback_request=draft, asked_on=today - 2 * DAY)
    assert stored(draft).follow_up_on == today + 5 * DAY


def test_it_refuses_a_sending_date_in_the_future_and_writes_nothing(draft, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_mark_sent(feedback_request=draft, asked_on=today + DAY)
    assert "future" in caught.value.message_dict["asked_on"][0]
    request = stored(draft)
    assert (request.status, request.asked_on, request.follow_up_on) == ("draft", None, None)


def test_it_refuses_a_follow_up_before_the_asking_date(draft, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_mark_sent(
            feedback_request=draft, asked_on=today - DAY, follow_up_on=today - 2 * DAY
        )
    assert "follow_up_on" in caught.value.message_dict
    assert stored(draft).status == RequestStatus.DRAFT


def test_it_does_not_mark_a_request_sent_twice(sent, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_mark_sent(feedback_request=sent)
    assert "status" in caught.value.message_dict
    assert stored(sent).asked_on == today - 10 * DAY


# --- answers and closing ------------------------------------------------------------------


def test_it_records_an_answer_dated_today_by_default(sent, today):
    feedback_request_record_answer(
        feedback_request=sent,
        what_they_said="Great SQL; the case study ran long.",
        my_takeaways="Time-box the case study.",
        tone=Tone.ENCOURAGING,
    )
    request = stored(sent)
    assert request.status == RequestStatus.ANSWERED
    assert request.answered_on == today
    assert request.tone == "encouraging"
    assert request.my_takeaways == "Time-box the case study."


def test_it_refuses_an_answer_before_the_request_and_writes_nothing(sent, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_record_answer(
            feedback_request=sent,
            what_they_said="Thanks for asking.",
            my_takeaways="",
            tone=Tone.NEUTRAL,
            answered_on=today - 11 * DAY,
        )
    assert "cannot come before" in caught.value.message_dict["answered_on"][0]
    request = stored(sent)
    assert (request.status, request.answered_on, request.what_they_said) == ("sent", None, "")


def test_it_refuses_an_answer_dated_in_the_future(sent, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_record_answer(
            feedback_request=sent,
            what_they_said="Noted.",
            tone=Tone.NEUTRAL,
            answered_on=today + DAY,
        )
    assert "answered_on" in caught.value.message_dict


def test_it_needs_a_tone_and_their_words_for_an_answer(sent):
    with pytest.raises(ValidationError) as caught:
        feedback_request_record_answer(feedback_request=sent, what_they_said=" ", tone="")
    assert {"tone", "what_they_said"} <= set(caught.value.message_dict)
    assert stored(sent).status == RequestStatus.SENT


def test_it_records_an_answer_given_in_the_same_call_as_the_ask(draft, today):
    feedback_request_record_answer(
        feedback_request=draft,
        what_they_said="Said it on the phone.",
        tone=Tone.CRITICAL,
        answered_on=today - DAY,
    )
    request = stored(draft)
    assert (request.asked_on, request.answered_on) == (today - DAY, today - DAY)


def test_it_records_a_late_answer_after_closing_with_no_answer(sent, today):
    feedback_request_close(feedback_request=sent, status=RequestStatus.NO_ANSWER)
    feedback_request_record_answer(
        feedback_request=sent, what_they_said="Sorry for the delay!", tone=Tone.ENCOURAGING
    )
    assert stored(sent).status == RequestStatus.ANSWERED


def test_it_closes_a_declined_request_with_the_reply_date(sent, today):
    feedback_request_close(feedback_request=sent, status=RequestStatus.DECLINED)
    request = stored(sent)
    assert (request.status, request.answered_on) == ("declined", today)


def test_it_closes_a_request_with_no_answer(sent):
    feedback_request_close(feedback_request=sent, status=RequestStatus.NO_ANSWER)
    request = stored(sent)
    assert (request.status, request.answered_on) == ("no_answer", None)


def test_it_does_not_close_a_draft(draft):
    with pytest.raises(ValidationError):
        feedback_request_close(feedback_request=draft, status=RequestStatus.NO_ANSWER)
    assert stored(draft).status == RequestStatus.DRAFT


def test_it_closes_only_with_declined_or_no_answer(sent):
    with pytest.raises(ValidationError):
        feedback_request_close(feedback_request=sent, status=RequestStatus.ANSWERED)
    assert stored(sent).status == RequestStatus.SENT


# --- editing and deleting -----------------------------------------------------------------


def test_it_updates_the_message_and_channel(draft):
    feedback_request_update(feedback_request=draft, message="My own words.", channel="phone")
    assert (stored(draft).message, stored(draft).channel) == ("My own words.", "phone")


def test_it_keeps_the_asking_date_off_a_draft(draft, today):
    with pytest.raises(ValidationError) as caught:
        feedback_request_update(feedback_request=draft, asked_on=today)
    assert "Mark the request as sent" in caught.value.message_dict["asked_on"][0]
    assert stored(draft).asked_on is None


def test_it_refuses_to_move_the_asking_date_after_the_answer(sent, today):
    feedback_request_record_answer(
        feedback_request=sent,
        what_they_said="Fine.",
        tone=Tone.NEUTRAL,
        answered_on=today - 5 * DAY,
    )
    with pytest.raises(ValidationError) as caught:
        feedback_request_update(feedback_request=sent, asked_on=today - 2 * DAY)
    assert "answered_on" in caught.value.message_dict
    assert stored(sent).asked_on == today - 10 * DAY


def test_it_rejects_fields_it_does_not_edit(draft):
    with pytest.raises(TypeError):
        feedback_request_update(feedback_request=draft, status="answered")


def test_it_deletes_a_request(draft):
    feedback_request_delete(feedback_request=draft)
    assert not FeedbackRequest.objects.exists()


def test_it_is_deleted_with_its_application(draft, application):
    application.delete()
    assert not FeedbackRequest.objects.exists()


# --- the database guards the invariants too -----------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"answered_on_offset": -1, "status": "answered", "tone": "neutral"},
        {"status": "sent", "asked_on": None},
        {"status": "draft"},
        {"status": "answered", "tone": "", "answered_on_offset": 0},
        {"follow_up_offset": -1},
        {"status": "no_answer", "answered_on_offset": 0},
    ],
)
def test_it_refuses_impossible_rows_in_the_database(sent, changes):
    changes = dict(changes)
    if "answered_on_offset" in changes:
        changes["answered_on"] = sent.asked_on + changes.pop("answered_on_offset") * DAY
    if "follow_up_offset" in changes:
        changes["follow_up_on"] = sent.asked_on + changes.pop("follow_up_offset") * DAY
    with pytest.raises(IntegrityError), transaction.atomic():
        FeedbackRequest.objects.filter(pk=sent.pk).update(**changes)


def test_it_stores_plain_newlines_whatever_the_browser_sent(user, application):
    request = feedback_request_create(
        owner=user, application=application, message="Hello,\r\n\r\nThanks.\r\n"
    )
    assert stored(request).message == "Hello,\n\nThanks.\n"
