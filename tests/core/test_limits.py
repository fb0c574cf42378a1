"""Every text field has a length limit, enforced by the model itself (so forms, the import
and the restore refuse too-long text alike)."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from apps.applications.models import Application
from apps.core.fields import LimitedTextField
from apps.core.limits import TEXT_MAX_CHARS
from apps.core.models import OwnedModel
from tests.factories import ApplicationFactory

# Written by Rebound itself, never from what a person sends.
NOT_FROM_INPUT = {("inbox.Mailbox", "password_token"), ("inbox.Mailbox", "last_error")}


def owned_text_fields():
    for model in apps.get_models():
        if not issubclass(model, OwnedModel):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.TextField):
                yield model, field


def test_every_text_field_a_person_writes_is_limited():
    unlimited = [
        (model._meta.label, field.name)
        for model, field in owned_text_fields()
        if not isinstance(field, LimitedTextField)
        and (model._meta.label, field.name) not in NOT_FROM_INPUT
    ]
    assert unlimited == []


def test_every_char_field_has_a_length():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField) and not isinstance(field, models.TextField):
                assert field.max_length, (model._meta.label, field.name)


@pytest.mark.django_db
def test_the_model_refuses_text_past_the_limit(user):
    application = ApplicationFactory(owner=user)
    application.notes = "x" * (TEXT_MAX_CHARS + 1)
    with pytest.raises(ValidationError) as refusal:
        application.full_clean()
    assert "notes" in refusal.value.message_dict


def test_the_form_refuses_a_note_past_the_limit(auth_client, user):
    data = {
        "company_name": "Acme",
        "role_title": "Dev",
        "status": "applied",
        "excitement": "3",
        "notes": "x" * (TEXT_MAX_CHARS + 1),
    }
    response = auth_client.post(reverse("applications:create"), data)
    assert response.status_code == 200
    assert f"at most {TEXT_MAX_CHARS} characters" in response.content.decode()
    assert not Application.objects.exists()
