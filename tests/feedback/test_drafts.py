import datetime

import pytest

from apps.applications.stages import STAGE_PHRASES
from apps.feedback.drafts import follow_up_message, request_message


def test_it_writes_a_request_with_the_name_role_company_and_stage():
    text = request_message(
        person_name="Alice Moreau",
        role_title="Data Analyst",
        company_name="Hooli",
        stage_phrase="the final round",
    )
    assert "Data Analyst role at Hooli" in text
    assert "I got as far as the final round" in text
    assert text.startswith("Hello,")
    assert text.rstrip().endswith("Alice Moreau")


def test_it_greets_the_recipient_by_name_when_known():
    text = request_message(
        person_name="Alice",
        role_title="Analyst",
        company_name="Hooli",
        stage_phrase="the interviews",
        recipient_name="  Gavin   Belson ",
    )
    assert text.startswith("Hello Gavin Belson,")


def test_it_reads_well_for_every_stage():
    for phrase in STAGE_PHRASES.values():
        text = request_message(
            person_name="Alice", role_title="Analyst", company_name="Hooli", stage_phrase=phrase
        )
        assert f"I got as far as {phrase}, and" in text


def test_it_keeps_the_request_brief_and_free_of_defensive_wording():
    text = request_message(
        person_name="Alice", role_title="Analyst", company_name="Hooli", stage_phrase="an offer"
    )
    assert len(text.split()) < 120
    for word in ("unfair", "disappointed", "why did", "mistake", "reconsider"):
        assert word not in text.lower()


def test_it_writes_a_polite_follow_up_that_mentions_when_they_asked():
    text = follow_up_message(
        person_name="Alice",
        role_title="Data Analyst",
        company_name="Hooli",
        asked_on=datetime.date(2026, 3, 4),
    )
    assert "I wrote on 4 March to ask" in text
    assert "Data Analyst role at Hooli" in text
    assert "no pressure" in text
    assert text.rstrip().endswith("Alice")


def test_it_writes_a_follow_up_without_a_date():
    text = follow_up_message(person_name="Alice", role_title="Analyst", company_name="Hooli")
    assert "I wrote to ask" in text


@pytest.mark.django_db
def test_without_a_name_the_draft_leaves_a_placeholder_never_the_email():
    from apps.feedback.services import feedback_request_create
    from tests.factories import ApplicationFactory, UserFactory

    person = UserFactory(email="jdoe1987@example.com", display_name="")
    application = ApplicationFactory(owner=person)
    draft = feedback_request_create(owner=person, application=application).message
    assert draft.rstrip().endswith("[Your name]")
    assert "jdoe1987" not in draft
