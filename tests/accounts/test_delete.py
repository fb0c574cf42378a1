from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from apps.accounts.models import User
from apps.core.models import OwnedModel

URL = reverse("accounts:delete")


def test_it_asks_for_the_password_first(auth_client):
    response = auth_client.get(URL)
    assert response.status_code == 200
    assert b"Your password" in response.content


def test_it_keeps_the_account_when_the_password_is_wrong(auth_client, user):
    response = auth_client.post(URL, {"password": "not-mine"})
    assert response.status_code == 200
    assert b"Nothing was deleted" in response.content
    assert User.objects.filter(pk=user.pk).exists()


def test_it_deletes_the_account_and_signs_out(auth_client, user, other_user, password):
    response = auth_client.post(URL, {"password": password})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert User.objects.filter(pk=other_user.pk).exists()
    assert "_auth_user_id" not in auth_client.session


def test_every_owned_table_is_deleted_with_its_owner():
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for model in apps.get_models():
        if not model.__module__.startswith("apps."):
            continue
        if issubclass(model, OwnedModel):
            assert model._meta.get_field("owner").remote_field.on_delete is models.CASCADE
        for field in model._meta.get_fields():
            if field.is_relation and field.many_to_one and field.related_model is user_model:
                assert field.remote_field.on_delete is models.CASCADE, (
                    f"{model.__name__}.{field.name} would outlive its owner"
                )


def test_deleting_an_account_leaves_no_row_behind(auth_client, user, other_user, password):
    import random

    from apps.demo.seed import seed_everything

    seed_everything(user, applications=30, rng=random.Random(1))
    seed_everything(other_user, applications=5, rng=random.Random(2))
    owned_models = [
        model
        for model in apps.get_models()
        if model.__module__.startswith("apps.") and issubclass(model, OwnedModel)
    ]
    filled = [model for model in owned_models if model.objects.filter(owner=user).exists()]
    assert len(filled) >= 5, "the demo data should reach most tables"
    others_before = {
        model: model.objects.filter(owner=other_user).count() for model in owned_models
    }

    response = auth_client.post(URL, {"password": password})

    assert response.status_code == 302
    for model in owned_models:
        assert not model.objects.filter(owner_id=user.pk).exists(), model.__name__
        assert model.objects.filter(owner=other_user).count() == others_before[model]
