import pytest
from django.test import RequestFactory

from apps.core.htmx import safe_next_url

FALLBACK = "/fallback/"


def _next_url(value: str, *, method: str = "post") -> str:
    factory = RequestFactory()
    if method == "post":
        request = factory.post("/somewhere/", {"next_url": value})
    else:
        request = factory.get("/somewhere/", {"next_url": value})
    return safe_next_url(request, fallback=FALLBACK)


@pytest.mark.parametrize("method", ["post", "get"])
def test_it_returns_to_a_path_on_this_site(method):
    assert _next_url("/applications/?status=applied", method=method) == (
        "/applications/?status=applied"
    )


@pytest.mark.parametrize(
    "value",
    [
        "",
        "0",
        "applications/",
        "javascript:alert(1)",
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "///evil.example/",
        "http://testserver/applications/",
    ],
)
def test_it_falls_back_for_anything_that_is_not_a_plain_local_path(value):
    assert _next_url(value) == FALLBACK


def test_it_reads_only_the_next_url_parameter():
    request = RequestFactory().post("/somewhere/", {"next": "/elsewhere/"})
    assert safe_next_url(request, fallback=FALLBACK) == FALLBACK
