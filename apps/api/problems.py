"""Every error the API answers is an RFC 9457 problem details object, served as
application/problem+json: the status's own title, a sentence saying what happened and what to
do about it, and for bad input an `errors` list naming each field concerned.

400 means the request could not be read (not JSON, a wrong type, an unknown field); 422 means
it was read but breaks one of Rebound's rules (the same rules, and words, as the pages)."""

import json
import logging
from http import HTTPStatus

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaError

PROBLEM_CONTENT_TYPE = "application/problem+json"

logger = logging.getLogger("apps.api")

PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "example": "about:blank"},
        "title": {"type": "string", "example": "Unprocessable Entity"},
        "status": {"type": "integer", "example": 422},
        "detail": {"type": "string", "example": "Nothing was saved: see errors."},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": ["string", "null"], "example": "applied_on"},
                    "detail": {"type": "string"},
                },
            },
        },
    },
}


class InvalidInput(Exception):
    """Input that was read but breaks a rule: messages by field ("" for the whole request)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def problem(status: int, detail: str, *, errors: list[dict] | None = None) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_CONTENT_TYPE
    )


def field_errors(errors: dict[str, list[str]]) -> list[dict]:
    return [
        {"field": None if field in ("", NON_FIELD_ERRORS) else field, "detail": str(message)}
        for field, messages in errors.items()
        for message in messages
    ]


def _schema_field(location: tuple) -> str | None:
    # ("body", "data", "applied_on") or ("query", "page"): the source and the name of the
    # view's body argument are not part of what the client sent.
    parts = [str(part) for part in location[1:]]
    if location and location[0] == "body" and parts:
        parts = parts[1:]
    return ".".join(parts) or None


def on_schema_error(request: HttpRequest, exc: SchemaError) -> HttpResponse:
    errors = [
        {"field": _schema_field(tuple(error.get("loc", ()))), "detail": error.get("msg", "")}
        for error in exc.errors
    ]
    return problem(400, "Some values are missing or of the wrong type; see errors.", errors=errors)


def on_invalid_input(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return problem(
        422, "Nothing was saved: see errors for what to change.", errors=field_errors(exc.errors)
    )


def on_rule_broken(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return on_invalid_input(request, InvalidInput(errors))


def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(404, "There is nothing here with that id, or that page of results.")


NO_CREDENTIALS = (
    "Send a personal access token (Authorization: Bearer <token>), or sign in and call "
    "from Rebound's own pages."
)


def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    if isinstance(exc.__cause__, UnicodeDecodeError | json.JSONDecodeError):
        detail = f"The request body is not valid JSON ({exc.__cause__})."
    elif type(exc) is AuthenticationError and detail == AuthenticationError().message:
        detail = NO_CREDENTIALS  # Ninja's own words when no way of signing in matched
    response = problem(exc.status_code, detail)
    if exc.status_code == 401:
        response["WWW-Authenticate"] = 'Bearer realm="Rebound API"'
    if isinstance(exc, Throttled) and exc.wait is not None:
        response["Retry-After"] = str(exc.wait)
    return response


def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.error("API error on %s %s", request.method, request.path, exc_info=exc)
    return problem(
        500,
        "Something went wrong on our side. Try again in a moment; if it keeps happening, "
        "tell whoever runs this Rebound.",
    )


HANDLERS = {
    SchemaError: on_schema_error,
    InvalidInput: on_invalid_input,
    DjangoValidationError: on_rule_broken,
    Http404: on_not_found,
    HttpError: on_http_error,
    Exception: on_unexpected,
}
