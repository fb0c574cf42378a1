"""URL configurations for proving both paths of "moving to rejected" whatever state the
rejections app is in: one without its form route, one with a stand-in for it."""

from django.http import HttpResponse
from django.urls import include, path

from apps.rejections import urls as rejection_urls
from config import urls as project_urls

handler404 = project_urls.handler404
handler500 = project_urls.handler500


def _stand_in_form(request, pk: int) -> HttpResponse:
    return HttpResponse(f"rejection form for {pk}")


def _project_urls_with(rejection_patterns: list) -> list:
    patterns = []
    for entry in project_urls.urlpatterns:
        if getattr(entry, "namespace", None) == "rejections":
            entry = path("rejections/", include((rejection_patterns, "rejections")))
        patterns.append(entry)
    return patterns


_others = [
    entry
    for entry in rejection_urls.urlpatterns
    if getattr(entry, "name", None) != "log_for_application"
]


def without_form() -> list:
    return _project_urls_with(_others)


def with_form() -> list:
    return _project_urls_with(
        [*_others, path("log/<int:pk>/", _stand_in_form, name="log_for_application")]
    )


WITHOUT_FORM = "tests.applications.urls_without_rejection_form"
WITH_FORM = "tests.applications.urls_with_rejection_form"
