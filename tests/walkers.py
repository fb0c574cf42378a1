"""Helpers for the walkers that post hostile values to every form, send hostile query
parameters to every page and check CSRF on every route. They read the URL configuration
and the pages themselves, so forms and routes added later are covered without an edit."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import Resolver404, resolve

from tests.ownership import NOT_OWNED_ROUTES, OWNED_ROUTES
from tests.routes import api_operations, iter_routes

# Routes that are not walked with hostile posts: logging out ends the walker's own session.
NOT_FUZZED = {"accounts:logout"}


@dataclass
class Field:
    name: str
    kind: str  # the input's type, or "select" / "textarea"
    value: str = ""
    options: list[str] = field(default_factory=list)


@dataclass
class PageForm:
    action: str
    route: str
    fields: dict[str, Field]

    def key(self) -> tuple:
        return (self.route, tuple(sorted(self.fields)))


class _Forms(HTMLParser):
    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: list[tuple[str, str, dict[str, Field]]] = []
        self._current: dict[str, Field] | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            action = attrs.get("action") or self.page_path
            self._current = {}
            self.forms.append((method, action, self._current))
            return
        if self._current is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            known = self._current.get(name)
            if known is not None and kind in ("radio", "checkbox"):
                known.options.append(attrs.get("value") or "on")
            else:
                value = attrs.get("value") or ""
                options = [value or "on"] if kind in ("radio", "checkbox") else []
                self._current[name] = Field(name, kind, value, options)
        elif tag == "textarea" and name:
            self._current[name] = Field(name, "textarea")
        elif tag == "select" and name:
            self._select = self._current[name] = Field(name, "select")
        elif tag == "option" and self._select is not None:
            self._select.options.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def post_forms(html: str, page_path: str) -> list[PageForm]:
    """The POST forms on a page whose action is one of our routes."""
    parser = _Forms(page_path)
    parser.feed(html)
    found = []
    for method, action, fields in parser.forms:
        if method != "post":
            continue
        path = urlsplit(action).path or page_path
        try:
            match = resolve(path)
        except Resolver404:
            continue
        found.append(PageForm(action=action, route=match.view_name, fields=fields))
    return found


def get_form_fields(html: str, page_path: str) -> set[str]:
    """Names of the fields of the GET forms on a page (filters, searches)."""
    parser = _Forms(page_path)
    parser.feed(html)
    return {name for method, _action, fields in parser.forms if method == "get" for name in fields}


def owner_urls(owner) -> list[tuple[str, str]]:
    """(route name, address) of every page route, with a fresh object of the owner's for
    routes that take an id. API routes and routes with secret arguments are left out."""
    api = api_operations()
    urls = []
    for route in iter_routes():
        if route.name in api or route.name.startswith("api:"):
            continue
        if route.converters:
            make = OWNED_ROUTES.get(route.name)
            if make is None:
                assert route.name in NOT_OWNED_ROUTES, route.name
                continue
            urls.append((route.name, route.url(**make(owner))))
        else:
            urls.append((route.name, route.url()))
    return urls


def crawl_forms(client, owner) -> tuple[list[PageForm], set[str]]:
    """Every distinct POST form on every page the owner can open, and every GET field name."""
    forms: dict[tuple, PageForm] = {}
    get_fields: set[str] = set()
    for _name, url in owner_urls(owner):
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        for form in post_forms(html, url):
            forms.setdefault(form.key(), form)
        get_fields |= get_form_fields(html, url)
    return list(forms.values()), get_fields


def row_counts() -> dict[str, int]:
    """How many rows each of our tables holds."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model.__module__.startswith("apps.")
    }
