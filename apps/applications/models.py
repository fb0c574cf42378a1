from django.db import models
from django.db.models.functions import Lower

from apps.core.models import OwnedModel


class Company(OwnedModel):
    name = models.CharField(max_length=200)
    website = models.URLField(blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "companies"
        ordering = [Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="applications_company_owner_name_ci_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.name
