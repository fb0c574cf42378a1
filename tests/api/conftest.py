import json

import pytest
from django.core.cache import cache

from apps.accounts.services import api_token_create


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


class ApiClient:
    """The Django test client speaking JSON with a bearer token."""

    def __init__(self, client, secret: str):
        self.client = client
        self.headers = {"Authorization": f"Bearer {secret}"}

    def _send(self, method: str, path: str, data=None, **extra):
        body = {}
        if data is not None:
            body = {
                "data": data if isinstance(data, str | bytes) else json.dumps(data),
                "content_type": "application/json",
            }
        return getattr(self.client, method)(path, headers=self.headers, **body, **extra)

    def get(self, path: str, params=None):
        return self.client.get(path, params or {}, headers=self.headers)

    def post(self, path: str, data=None):
        return self._send("post", path, data if data is not None else {})

    def put(self, path: str, data=None):
        return self._send("put", path, data)

    def patch(self, path: str, data=None):
        return self._send("patch", path, data)

    def delete(self, path: str):
        return self._send("delete", path)


@pytest.fixture
def api(client, user):
    _token, secret = api_token_create(owner=user, name="script", access="read_write")
    return ApiClient(client, secret)


@pytest.fixture
def read_only_api(client, user):
    _token, secret = api_token_create(owner=user, name="reader", access="read")
    return ApiClient(client, secret)
