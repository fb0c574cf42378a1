"""The messages Rebound drafts for a feedback request.

They are a starting point the person edits and sends themselves: short, warm and
professional, asking for help rather than arguing with the decision.
"""

import datetime

from django.utils.formats import date_format

from apps.applications.stages import STAGE_PHRASES, stage_reached


def _greeting(recipient_name: str) -> str:
    recipient_name = " ".join((recipient_name or "").split())
    return f"Hello {recipient_name}," if recipient_name else "Hello,"


# Without a name the draft says where one goes, rather than guessing from the email address.
NAME_PLACEHOLDER = "[Your name]"


def _sign_off(person_name: str) -> str:
    person_name = " ".join((person_name or "").split())
    return f"Best wishes,\n{person_name or NAME_PLACEHOLDER}"


def request_message(
    *,
    person_name: str,
    role_title: str,
    company_name: str,
    stage_phrase: str,
    recipient_name: str = "",
) -> str:
    """A request for feedback on one application.

    stage_phrase reads inside "I got as far as {stage_phrase}", as the values of
    apps.applications.stages.STAGE_PHRASES do ("the final round").
    """
    paragraphs = [
        _greeting(recipient_name),
        f"Thank you for considering me for the {role_title} role at {company_name}, "
        "and for the time you and the team gave my application.",
        f"I got as far as {stage_phrase}, and I would be grateful for any feedback you "
        "are able to share: what came across well, and what I could do better next time. "
        "A few lines would already help me a great deal.",
        "Thank you again. I hope our paths cross in the future.",
        _sign_off(person_name),
    ]
    return "\n\n".join(paragraphs)


def follow_up_message(
    *,
    person_name: str,
    role_title: str,
    company_name: str,
    asked_on: datetime.date | None = None,
    recipient_name: str = "",
) -> str:
    """A gentle second note for a request that has gone unanswered past its follow-up date."""
    when = f"on {date_format(asked_on, 'j F')} " if asked_on else ""
    paragraphs = [
        _greeting(recipient_name),
        f"I hope you are well. I wrote {when}to ask for a little feedback on my application "
        f"for the {role_title} role at {company_name}.",
        "I know how full the days get, so there is no pressure at all. If you do find a "
        "moment, even a sentence or two would help me. And if sharing feedback is not "
        "possible, I completely understand.",
        "Thank you for your time.",
        _sign_off(person_name),
    ]
    return "\n\n".join(paragraphs)


def request_draft_for(*, application, person_name: str, recipient_name: str = "") -> str:
    """The request message for one of the person's applications, signed with their name,
    with the stage it reached read from its history (two small queries)."""
    return request_message(
        person_name=person_name,
        role_title=application.role_title,
        company_name=application.company.name,
        stage_phrase=STAGE_PHRASES[stage_reached(application)],
        recipient_name=recipient_name,
    )


def follow_up_draft_for(*, feedback_request, person_name: str, recipient_name: str = "") -> str:
    application = feedback_request.application
    return follow_up_message(
        person_name=person_name,
        role_title=application.role_title,
        company_name=application.company.name,
        asked_on=feedback_request.asked_on,
        recipient_name=recipient_name,
    )
