"""The JSON API at /api/v1/, built with Django Ninja: typed schemas give the OpenAPI document
and the first check of every request; Rebound's own forms and services then apply the same
rules as the pages."""

import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, reverse
from ninja import NinjaAPI

from apps.api import applications, checkins, contacts, exports, feedback, rejections, summary
from apps.api.auth import SessionAuth, TokenAuth
from apps.api.docs import DESCRIPTION, ReboundSwagger
from apps.api.problems import HANDLERS, PROBLEM_CONTENT_TYPE, PROBLEM_SCHEMA, problem

BODY_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def _declared_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _api_view(view):
    """Wraps each of Ninja's views: bodies past the cap are refused before they are read,
    and a wrong method gets a problem document like every other error."""

    @functools.wraps(view)
    def api_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        limit = settings.API_MAX_BODY_BYTES
        if request.method in BODY_METHODS and _declared_length(request) > limit:
            return problem(
                413, f"The request body is larger than {limit // 1024} KiB. Send less at once."
            )
        response = view(request, *args, **kwargs)
        if response.status_code == 405 and response.get("Content-Type") != PROBLEM_CONTENT_TYPE:
            allowed = response.get("Allow", "")
            response = problem(405, f"This address answers {allowed}.")
            response["Allow"] = allowed
        return response

    # The API answers 401 itself instead of redirecting to the login page.
    api_view.login_required = False
    return api_view


def api_root(request: HttpRequest) -> HttpResponse:
    """/api/v1/ itself: where the documentation and the schema are."""
    return JsonResponse(
        {
            "name": "Rebound API",
            "version": "1",
            "docs": request.build_absolute_uri(reverse("api:docs")),
            "openapi": request.build_absolute_uri(reverse("api:v1:openapi-json")),
        }
    )


class ReboundAPI(NinjaAPI):
    def _get_urls(self) -> list:
        patterns = []
        for entry in super()._get_urls():
            view = api_root if entry.name == "api-root" else entry.callback
            patterns.append(
                URLPattern(entry.pattern, _api_view(view), entry.default_args, entry.name)
            )
        return patterns

    def get_openapi_operation_id(self, operation) -> str:
        # The view's name, which is also its URL name: list_applications, log_rejection...
        return operation.view_func.__name__

    def get_openapi_schema(self, **kwargs):
        """Ninja's schema, plus the problem document every error comes as."""
        schema = super().get_openapi_schema(**kwargs)
        schema["components"].setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem_response = {
            "description": "A problem: see `detail`, and `errors` for the fields concerned.",
            "content": {PROBLEM_CONTENT_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation["responses"].setdefault("4XX", problem_response)
        return schema


api = ReboundAPI(
    title="Rebound API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api:v1",
    auth=[TokenAuth(), SessionAuth()],
    docs=ReboundSwagger(),
    docs_url=None,
    openapi_url="/openapi.json",
)
for exception_class, handler in HANDLERS.items():
    api.add_exception_handler(exception_class, handler)

api.add_router("/applications", applications.router, tags=["Applications"])
api.add_router("/interviews", applications.interviews_router, tags=["Applications"])
api.add_router("/companies", applications.companies_router, tags=["Applications"])
api.add_router("/rejections", rejections.router, tags=["Rejections and the recovery plan"])
api.add_router(
    "/applications", rejections.for_application_router, tags=["Rejections and the recovery plan"]
)
api.add_router("/feedback-requests", feedback.router, tags=["Feedback requests"])
api.add_router("/contacts", contacts.router, tags=["Contacts and interactions"])
api.add_router("/interactions", contacts.interactions_router, tags=["Contacts and interactions"])
api.add_router("/checkins", checkins.router, tags=["Self-care check-ins"])
api.add_router("/summary", summary.router, tags=["Dashboard"])
api.add_router("/export", exports.router, tags=["Export"])
