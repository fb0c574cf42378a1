import random

from django.apps import apps

from apps.core.models import OwnedModel
from apps.demo.seed import seed_everything


def test_the_demo_data_passes_the_models_own_rules(user):
    seed_everything(user, applications=40, rng=random.Random(3))
    checked = 0
    for model in apps.get_models():
        if model.__module__.startswith("apps.") and issubclass(model, OwnedModel):
            for row in model.objects.filter(owner=user)[:200]:
                row.full_clean()
                checked += 1
    assert checked > 300
