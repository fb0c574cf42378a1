"""Pieces every resource uses: pages of results, binding JSON to Rebound's forms, and the
shared schema types."""

import datetime
from typing import Annotated, Generic, TypeVar

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from pydantic import ConfigDict, PlainSerializer

from apps.api.problems import InvalidInput

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100

# Stored in UTC; shown with the offset of the person's own timezone.
LocalDateTime = Annotated[
    datetime.datetime,
    PlainSerializer(lambda value: timezone.localtime(value), return_type=datetime.datetime),
]


class Input(Schema):
    """Request bodies: a field the API does not know is an error, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class PageParams(Schema):
    page: int = Field(1, ge=1, description="Which page, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="How many per page."
    )


class Page(Schema, Generic[T]):
    count: int = Field(description="How many there are in all, on every page.")
    page: int
    pages: int
    next: str | None = Field(description="The address of the next page, if there is one.")
    previous: str | None
    results: list[T]


def paginate(request: HttpRequest, rows: QuerySet, params: PageParams) -> dict:
    """One page of rows (which must be in a stable order), with links to its neighbours.
    A page past the end is a 404, so a loop following `next` always stops."""
    paginator = Paginator(rows, params.page_size)
    try:
        page = paginator.page(params.page)
    except EmptyPage:
        raise Http404("No such page.") from None

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": list(page.object_list),
    }


def cleaned(form: forms.BaseForm, *, api_names: dict[str, str] | None = None) -> dict:
    """The form's cleaned data; InvalidInput (a 422) with its messages when it has any,
    under the API's name for each field (``api_names`` maps form names to those). The API
    goes through the pages' forms so that a rule and its wording live in one place."""
    if not form.is_valid():
        names = api_names or {}
        raise InvalidInput(
            {names.get(field, field): list(errors) for field, errors in form.errors.items()}
        )
    return form.cleaned_data


def form_data(values: dict) -> dict:
    """JSON values as a page's form reads them: null is an empty field."""
    return {key: "" if value is None else value for key, value in values.items()}


def current_values(form: forms.BaseForm) -> dict:
    """What an unbound form shows for an object: the starting point of a partial update."""
    return {name: form[name].value() for name in form.fields}


def sent(data: Schema) -> dict:
    """The fields the client actually sent (for PATCH: what to change)."""
    return data.model_dump(exclude_unset=True)
