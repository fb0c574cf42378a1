"""Walks the URL configuration so route-wide rules are proved for routes added later too."""

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, UUIDConverter


@dataclass(frozen=True)
class Route:
    name: str
    converters: dict

    def url(self, **kwargs) -> str:
        return reverse(self.name, kwargs=kwargs or None)

    def sample_kwargs(self) -> dict:
        values = {}
        for key, converter in self.converters.items():
            if isinstance(converter, IntConverter):
                values[key] = 987654
            elif isinstance(converter, UUIDConverter):
                values[key] = uuid.UUID(int=1)
            else:
                values[key] = "sample"
        return values


def iter_routes(
    resolver: URLResolver | None = None, namespace: str = "", converters=None
) -> Iterator[Route]:
    resolver = resolver or get_resolver()
    converters = converters or {}
    for entry in resolver.url_patterns:
        entry_converters = {**converters, **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            child_namespace = namespace
            if entry.namespace:
                child_namespace = f"{namespace}{entry.namespace}:"
            yield from iter_routes(entry, child_namespace, entry_converters)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"Every route needs a name; {entry.pattern} has none."
            yield Route(name=f"{namespace}{entry.name}", converters=entry_converters)


API_PREFIX = "api:v1:"


def api_operations() -> dict[str, str]:
    """Each API route's name with the one HTTP method it answers, read from the API's own
    OpenAPI document (whose operation ids are the route names)."""
    from apps.api.api import api

    schema = api.get_openapi_schema()
    return {
        f"{API_PREFIX}{operation['operationId']}": method.upper()
        for operations in schema["paths"].values()
        for method, operation in operations.items()
    }
