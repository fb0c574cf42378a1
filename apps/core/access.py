from typing import TypeVar

from django.db.models import Model
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def get_owned_or_404(model: type[M], user, **lookup) -> M:
    """The object if this person owns it; otherwise a 404, exactly as if it did not exist."""
    return get_object_or_404(model.objects.for_user(user), **lookup)
