"""Routes that take an object id, with a way to make an object of that kind for any owner.

Every route with URL arguments must appear here (or in NOT_OWNED_ROUTES), so the test
that proves "another person's id is a 404" covers new routes without being edited.
"""

from collections.abc import Callable

# route name -> function(owner) returning the URL kwargs of a fresh object owned by owner
OWNED_ROUTES: dict[str, Callable[..., dict]] = {}

# Routes whose arguments are not a user's object id.
NOT_OWNED_ROUTES = {
    "accounts:password_reset_confirm",  # a signed token, checked by Django
    "jobs:unsubscribe",  # a signed per-person token (tests/jobs/test_emails.py)
}


# --- rejections ---------------------------------------------------------------------------
def _logged_rejection(owner):
    from apps.applications.services import application_create
    from apps.rejections.services import rejection_log

    application = application_create(owner=owner, company_name="Hooli", role_title="Analyst")
    return rejection_log(application=application, received_on=application.applied_on)


def _step(move):
    def make(owner):
        return {"pk": _logged_rejection(owner).steps.get(move=move).pk}

    return make


def _tracked_application(owner):
    from apps.applications.services import application_create

    return {"pk": application_create(owner=owner, company_name="Pied", role_title="Dev").pk}


OWNED_ROUTES.update(
    {
        "rejections:log_for_application": _tracked_application,
        "rejections:detail": lambda owner: {"pk": _logged_rejection(owner).pk},
        "rejections:plan_body": lambda owner: {"pk": _logged_rejection(owner).pk},
        "rejections:edit": lambda owner: {"pk": _logged_rejection(owner).pk},
        "rejections:reflect": lambda owner: {"pk": _logged_rejection(owner).pk},
        "rejections:step_update": _step("self_care"),
        "rejections:step_card": _step("self_care"),
        "rejections:step_rest": _step("process"),
        "rejections:step_ask_feedback": _step("ask_feedback"),
    }
)


# --- feedback -----------------------------------------------------------------------------
def _feedback_request(owner):
    from apps.applications.services import application_create
    from apps.feedback.services import feedback_request_create

    application = application_create(owner=owner, company_name="Initech", role_title="Tester")
    return {"pk": feedback_request_create(owner=owner, application=application).pk}


def _application_for_feedback(owner):
    from apps.applications.services import application_create

    application = application_create(owner=owner, company_name="Globex", role_title="Writer")
    return {"application_pk": application.pk}


OWNED_ROUTES.update(
    {
        "feedback:ask": _application_for_feedback,
        "feedback:detail": _feedback_request,
        "feedback:edit": _feedback_request,
        "feedback:mark_sent": _feedback_request,
        "feedback:answer": _feedback_request,
        "feedback:close": _feedback_request,
        "feedback:delete": _feedback_request,
    }
)


# --- contacts and self-care ---------------------------------------------------------------
def _contact(owner):
    from tests.factories import ContactFactory

    return {"pk": ContactFactory(owner=owner).pk}


def _interaction(owner):
    from tests.factories import InteractionFactory

    return {"pk": InteractionFactory(contact__owner=owner).pk}


def _application_for_link(owner):
    from tests.factories import ApplicationFactory

    return {"pk": ApplicationFactory(owner=owner).pk}


def _application_contact(owner):
    from tests.factories import ApplicationContactFactory

    return {"pk": ApplicationContactFactory(application__owner=owner).pk}


OWNED_ROUTES.update(
    {
        "contacts:detail": _contact,
        "contacts:edit": _contact,
        "contacts:delete": _contact,
        "contacts:log": _contact,
        "contacts:interaction_delete": _interaction,
        "contacts:link_application": _contact,
        "contacts:link_contact": _application_for_link,
        "contacts:unlink": _application_contact,
    }
)


# --- applications -------------------------------------------------------------------------
def _application(owner):
    from tests.factories import ApplicationFactory

    return {"pk": ApplicationFactory(owner=owner).pk}


def _interview(owner):
    from tests.factories import InterviewFactory

    return {"pk": InterviewFactory(application__owner=owner).pk}


OWNED_ROUTES.update(
    {
        "applications:detail": _application,
        "applications:edit": _application,
        "applications:delete": _application,
        "applications:move": _application,
        "applications:follow_up": _application,
        "applications:board_move": _application,
        "applications:interview_create": _application,
        "applications:interview_edit": _interview,
        "applications:interview_outcome": _interview,
        "applications:interview_delete": _interview,
    }
)
NOT_OWNED_ROUTES.add("applications:calendar_feed")  # a secret token; a wrong one is a 404


# --- exports ------------------------------------------------------------------------------
def _pending_import(owner):
    from apps.exports.services import pending_import_create
    from apps.exports.spreadsheet import read_spreadsheet

    sheet = read_spreadsheet(b"Company,Role\nAcme,Developer\n")
    return {"token": pending_import_create(owner=owner, sheet=sheet, file_name="old.csv").token}


OWNED_ROUTES.update(
    {
        "exports:import_mapping": _pending_import,
        "exports:import_preview": _pending_import,
        "exports:import_confirm": _pending_import,
        "exports:import_discard": _pending_import,
        "exports:import_progress": _pending_import,
    }
)


def _background_restore(owner):
    from apps.exports.models import BackgroundRestore

    return {"pk": BackgroundRestore.objects.create(owner=owner, total_rows=5000).pk}


OWNED_ROUTES["exports:restore_progress"] = _background_restore
NOT_OWNED_ROUTES.add("exports:dataset")  # the name of a dataset; each holds only your rows


# --- inbox --------------------------------------------------------------------------------
def _suggestion(owner):
    import uuid

    from apps.inbox.models import Suggestion

    suggestion = Suggestion.objects.create(
        owner=owner,
        kind="rejection",
        source="paste",
        fingerprint=uuid.uuid4().hex,
        subject="Your application",
        text="We have decided to move forward with other candidates.",
        company_name="Hooli",
        role_title="Analyst",
    )
    return {"pk": suggestion.pk}


OWNED_ROUTES.update(
    {
        "inbox:act": _suggestion,
        "inbox:dismiss": _suggestion,
        "inbox:reclassify": _suggestion,
    }
)


# --- the JSON API -------------------------------------------------------------------------
def _company(owner):
    from tests.factories import CompanyFactory

    return {"pk": CompanyFactory(owner=owner).pk}


def _rejection(owner):
    return {"pk": _logged_rejection(owner).pk}


OWNED_ROUTES.update(
    {
        **{
            f"api:v1:{name}": _application
            for name in (
                "get_application",
                "update_application",
                "delete_application",
                "move_application",
                "application_history",
                "list_interviews",
                "create_interview",
            )
        },
        "api:v1:log_rejection": _tracked_application,
        "api:v1:update_interview": _interview,
        "api:v1:delete_interview": _interview,
        "api:v1:get_company": _company,
        "api:v1:get_rejection": _rejection,
        "api:v1:update_rejection": _rejection,
        "api:v1:update_step": _step("self_care"),
        **{
            f"api:v1:{name}": _feedback_request
            for name in (
                "get_feedback_request",
                "update_feedback_request",
                "mark_feedback_request_sent",
                "answer_feedback_request",
                "close_feedback_request",
                "delete_feedback_request",
            )
        },
        **{
            f"api:v1:{name}": _contact
            for name in (
                "get_contact",
                "update_contact",
                "delete_contact",
                "list_interactions",
                "log_interaction",
            )
        },
        "api:v1:delete_interaction": _interaction,
    }
)
NOT_OWNED_ROUTES.add("api:v1:export_dataset")  # a dataset's name; each holds only your rows

# Bodies that pass the API's schema check, so that a stranger's id reaches the ownership
# check (the schema is checked first, and would answer 400 to an empty body).
API_BODIES: dict[str, dict] = {
    "api:v1:update_application": {"notes": "A note."},
    "api:v1:move_application": {"status": "screening"},
    "api:v1:create_interview": {"kind": "technical", "scheduled_at": "2030-01-07T10:00:00+00:00"},
    "api:v1:update_interview": {"notes": "A note."},
    "api:v1:update_rejection": {"notes": "A note."},
    "api:v1:update_step": {"state": "done"},
    "api:v1:update_feedback_request": {"message": "Hello."},
    "api:v1:answer_feedback_request": {"what_they_said": "Kind words.", "tone": "neutral"},
    "api:v1:close_feedback_request": {"status": "no_answer"},
    "api:v1:update_contact": {"name": "Sam"},
    "api:v1:create_application": {"company_name": "Acme", "role_title": "Analyst"},
    "api:v1:create_feedback_request": {"application_id": 1},
    "api:v1:create_contact": {"name": "Sam"},
    "api:v1:save_todays_checkin": {"mood": 3},
}


# --- accounts -----------------------------------------------------------------------------
def _api_token(owner):
    from apps.accounts.services import api_token_create

    token, _secret = api_token_create(owner=owner, name="script", access="read")
    return {"pk": token.pk}


OWNED_ROUTES["accounts:api_token_revoke"] = _api_token


def _invite(owner):
    from apps.accounts.services import invite_create

    invite, _secret = invite_create(owner=owner, note="Sam")
    return {"pk": invite.pk}


OWNED_ROUTES["accounts:invite_revoke"] = _invite
