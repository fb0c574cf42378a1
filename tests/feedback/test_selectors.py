import datetime

from apps.feedback.selectors import (
    feedback_requests_for,
    follow_ups_due,
    open_request_for,
    positive_feedback_count,
    response_rate,
    takeaways,
)
from tests.factories import ApplicationFactory, FeedbackRequestFactory

DAY = datetime.timedelta(days=1)


def make(owner, **fields):
    application = fields.pop("application", None) or ApplicationFactory(owner=owner)
    return FeedbackRequestFactory(application=application, **fields)


def test_it_counts_answers_against_every_request_that_left_draft(user, other_user):
    make(user)  # a draft is not sent yet
    make(user, sent=True)
    make(user, answered=True)
    make(user, answered=True, tone="critical")
    make(
        user,
        status="declined",
        asked_on=datetime.date(2026, 1, 5),
        answered_on=datetime.date(2026, 1, 6),
    )
    make(user, status="no_answer", asked_on=datetime.date(2026, 1, 5))
    make(other_user, answered=True)

    assert response_rate(user=user) == (2, 5)


def test_it_answers_zero_of_zero_for_a_new_person(user, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert response_rate(user=user) == (0, 0)


def test_it_lists_follow_ups_that_are_due(user, other_user, today):
    overdue = make(user, sent=True, asked_on=today - 10 * DAY, follow_up_on=today - 3 * DAY)
    due_today = make(user, sent=True, asked_on=today - 7 * DAY, follow_up_on=today)
    make(user, sent=True, asked_on=today - 2 * DAY, follow_up_on=today + 5 * DAY)
    make(user, sent=True, asked_on=today - 2 * DAY, follow_up_on=None)
    make(user, answered=True, follow_up_on=today - DAY)
    make(other_user, sent=True, asked_on=today - 10 * DAY, follow_up_on=today - 3 * DAY)

    assert list(follow_ups_due(user=user, today=today)) == [overdue, due_today]


def test_it_filters_the_persons_requests_by_status_and_due(user, other_user, today):
    draft = make(user)
    due = make(user, sent=True, asked_on=today - 10 * DAY, follow_up_on=today - DAY)
    waiting = make(user, sent=True)
    make(other_user)

    assert set(feedback_requests_for(user=user)) == {draft, due, waiting}
    assert list(feedback_requests_for(user=user, status="draft")) == [draft]
    assert set(feedback_requests_for(user=user, status="sent")) == {due, waiting}
    assert list(feedback_requests_for(user=user, due_only=True)) == [due]
    assert list(feedback_requests_for(user=user, status="draft", due_only=True)) == []


def test_it_lists_takeaways_newest_answer_first_with_company(
    user, other_user, today, django_assert_num_queries
):
    older = make(user, answered=True, answered_on=today - 4 * DAY, my_takeaways="Older lesson")
    newer = make(user, answered=True, answered_on=today - DAY, my_takeaways="Newer lesson")
    make(user, answered=True, my_takeaways="")
    make(user, sent=True, my_takeaways="Not answered yet")
    make(other_user, answered=True)

    with django_assert_num_queries(1):
        rows = list(takeaways(user=user))
        companies = [row.application.company.name for row in rows]
    assert rows == [newer, older]
    assert len(companies) == 2


def test_it_counts_encouraging_answers_as_wins(user, other_user):
    make(user, answered=True, tone="encouraging")
    make(user, answered=True, tone="encouraging")
    make(user, answered=True, tone="critical")
    make(other_user, answered=True, tone="encouraging")
    assert positive_feedback_count(user=user) == 2


def test_it_finds_the_open_request_for_an_application(user, today):
    application = ApplicationFactory(owner=user)
    make(user, application=application, status="no_answer", asked_on=today - 20 * DAY)
    assert open_request_for(application) is None

    waiting = make(user, application=application, sent=True)
    assert open_request_for(application) == waiting

    newer_draft = make(user, application=application)
    assert open_request_for(application=application) == newer_draft
