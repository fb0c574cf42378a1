import pytest
from django.db import DatabaseError
from django.urls import reverse

from apps.core import views as core_views


@pytest.mark.django_db
def test_it_reports_the_database_as_healthy(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_it_rejects_post(client):
    assert client.post(reverse("healthz")).status_code == 405


class UnreachableDatabase:
    def cursor(self):
        raise DatabaseError("connection refused")


def test_it_answers_503_when_the_database_is_unreachable(client, db, monkeypatch):
    # Simulates a database outage for this view only; the rest of the request is real.
    monkeypatch.setattr(core_views, "connection", UnreachableDatabase())
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
