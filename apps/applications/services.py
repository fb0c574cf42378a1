from django.core.exceptions import ValidationError
from django.db import transaction

from apps.applications.models import Company


@transaction.atomic
def company_get_or_create(*, owner, name: str) -> Company:
    """The person's company with this name in any letter case, created if new."""
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError({"name": "Enter the company's name."})
    existing = Company.objects.for_user(owner).filter(name__iexact=clean_name).first()
    if existing is not None:
        return existing
    company = Company(owner=owner, name=clean_name)
    company.full_clean()
    company.save()
    return company
