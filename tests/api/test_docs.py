import re

from django.contrib.staticfiles import finders
from openapi_spec_validator import validate

from tests.routes import api_operations


def test_the_schema_is_valid_openapi(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["components"]["securitySchemes"]) == {"TokenAuth", "SessionAuth"}


def test_every_operation_documents_its_problems(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            problem = operation["responses"]["4XX"]["content"]["application/problem+json"]
            assert problem["schema"] == {"$ref": "#/components/schemas/Problem"}, (path, method)
            assert operation["summary"], (path, method)


def test_operation_ids_are_the_route_names(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids)) == len(api_operations())


def test_the_docs_page_runs_only_our_own_files(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'<script src="([^"]+)"', html)
    assert [source.rsplit("/", 1)[-1] for source in sources] == [
        "swagger-ui-bundle.js",
        "api-docs.js",
    ]
    for source in sources + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        assert source.startswith("/static/"), source
        assert finders.find(source.removeprefix("/static/")), source
    # The only other script element is the settings, as data.
    assert html.count("<script") == len(sources) + 1
    assert '<script id="swagger-settings" type="application/json">' in html
    assert "style=" not in html
    assert '"validatorUrl": null' in html


def test_the_docs_page_gives_try_it_out_the_csrf_token_when_signed_in(auth_client):
    html = auth_client.get("/api/docs/").content.decode()
    token = re.search(r'data-csrf-token="([^"]*)"', html).group(1)
    assert len(token) >= 32
