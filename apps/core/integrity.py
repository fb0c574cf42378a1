"""Integrity checks that hold for every owned model, whichever app defines it."""

from django.apps import apps
from django.db.models import F

from apps.core.models import OwnedModel


def owned_links_crossing_owners() -> list[str]:
    """Integrity: no orphan rows. Every link from one owned row to another stays within one
    person (a status change belongs to the owner of its application, and so on): a row
    linked to someone else's row would be invisible to its owner and survive their
    account's deletion. Missing targets are already refused by the foreign keys."""
    problems = []
    for model in apps.get_models():
        if not issubclass(model, OwnedModel):
            continue
        for field in model._meta.get_fields():
            target = getattr(field, "related_model", None)
            if (
                not (field.many_to_one or field.one_to_one)
                or not field.concrete
                or target is None
                or not issubclass(target, OwnedModel)
            ):
                continue
            crossing = (
                model.objects.filter(**{f"{field.name}__isnull": False})
                .exclude(**{f"{field.name}__owner": F("owner")})
                .count()
            )
            if crossing:
                problems.append(
                    f"{crossing} {model._meta.label} row(s) linked through {field.name} "
                    f"to another person's {target._meta.label}"
                )
    return problems
