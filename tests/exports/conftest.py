import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.applications.services import (
    application_create,
    application_move,
    correspondence_add,
    interview_schedule,
)
from apps.contacts.services import application_contact_link, contact_create, interaction_log
from apps.core.dates import today_for
from apps.feedback.services import (
    feedback_request_create,
    feedback_request_mark_sent,
    feedback_request_record_answer,
)
from apps.rejections.services import recovery_step_set_state, rejection_log, rejection_reflect
from apps.selfcare.services import checkin_save

DAY = datetime.timedelta(days=1)


def make_world(user, tag: str) -> dict:
    """One of everything Rebound stores, linked as the app links it, with `tag` in the text
    so another person's rows are easy to spot in an export."""
    today = today_for(user)
    application = application_create(
        owner=user,
        company_name=f"{tag} Labs",
        role_title=f"{tag} developer",
        applied_on=today - 20 * DAY,
        posting_url="https://example.com/jobs/1",
        location="Lisbon",
        salary_min=50000,
        salary_max=60000,
        salary_currency="EUR",
        notes=f"{tag} notes, with a comma\nand a second line",
    )
    application_move(application=application, status="screening", on=today - 15 * DAY)
    interview = interview_schedule(
        application=application,
        scheduled_at=timezone.now().replace(microsecond=0) - 10 * DAY,
        kind="technical",
        with_whom=f"{tag} interviewer",
    )
    rejection = rejection_log(
        application=application, received_on=today - 5 * DAY, reason_given=f"{tag} reason"
    )
    step = rejection.steps.get(move="process")
    recovery_step_set_state(step=step, state="done")
    reflection = rejection_reflect(
        rejection=rejection,
        fit_values=4,
        fit_interests=None,
        fit_skills=2,
        what_to_change=f"{tag} plan",
    )
    contact = contact_create(
        owner=user,
        name=f"{tag} Person",
        company_name=f"{tag} Labs",
        email=f"{tag.replace(' ', '.').lower()}@example.com",
    )
    interaction = interaction_log(
        owner=user, contact=contact, kind="call", happened_on=today - 2 * DAY, notes=f"{tag} call"
    )
    feedback = feedback_request_create(owner=user, application=application, contact=contact)
    feedback_request_mark_sent(feedback_request=feedback, asked_on=today - 4 * DAY)
    feedback_request_record_answer(
        feedback_request=feedback,
        what_they_said=f"{tag} said good things",
        answered_on=today - 3 * DAY,
        tone="encouraging",
    )
    link = application_contact_link(
        owner=user, application=application, contact=contact, role="referrer"
    )
    checkin = checkin_save(
        owner=user, mood=4, date=today - DAY, hours_slept=Decimal("7.5"), note=f"{tag} day"
    )
    email = correspondence_add(
        application=application,
        sender=f"{tag} Labs Careers <careers@example.com>",
        subject=f"{tag}: your application",
        sent_at=timezone.now().replace(microsecond=0) - 5 * DAY,
        text=f"{tag} wrote back, =with a formula-looking line\nand a second line",
    )
    return {
        "application": application,
        "company": application.company,
        "interview": interview,
        "rejection": rejection,
        "step": step,
        "reflection": reflection,
        "contact": contact,
        "interaction": interaction,
        "feedback": feedback,
        "link": link,
        "checkin": checkin,
        "email": email,
    }


@pytest.fixture
def world(user):
    return make_world(user, "Alice")


@pytest.fixture
def other_world(other_user):
    return make_world(other_user, "Bob")


def read_csv(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "The file starts with a UTF-8 byte-order mark."
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)
