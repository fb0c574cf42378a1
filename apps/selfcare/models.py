from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from apps.core.fields import LimitedTextField
from apps.core.models import OwnedModel


class Mood(models.IntegerChoices):
    ROUGH = 1, "Rough"
    LOW = 2, "Low"
    OKAY = 3, "Okay"
    GOOD = 4, "Good"
    GREAT = 5, "Great"


class Energy(models.IntegerChoices):
    DRAINED = 1, "Drained"
    LOW = 2, "Low"
    STEADY = 3, "Steady"
    GOOD = 4, "Good"
    HIGH = 5, "Lots"


def _one_to_five(field: str, *, nullable: bool) -> models.Q:
    in_range = models.Q(**{f"{field}__gte": 1}) & models.Q(**{f"{field}__lte": 5})
    return in_range | models.Q(**{f"{field}__isnull": True}) if nullable else in_range


class CheckIn(OwnedModel):
    """How the person was doing on one day. One per person per day: saving again the same
    day updates it (selfcare.services.checkin_save)."""

    date = models.DateField()
    mood = models.PositiveSmallIntegerField(choices=Mood.choices)
    energy = models.PositiveSmallIntegerField(choices=Energy.choices, null=True, blank=True)
    hours_slept = models.DecimalField(
        "hours slept",
        max_digits=3,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(24)],
    )
    moved = models.BooleanField("moved or exercised", default=False)
    ate_well = models.BooleanField("ate well", default=False)
    connected = models.BooleanField("connected with someone", default=False)
    took_break = models.BooleanField("took a real break", default=False)
    note = LimitedTextField(blank=True)

    class Meta:
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "date"],
                name="selfcare_checkin_one_per_owner_per_day",
                violation_error_message="There is already a check-in for this day.",
            ),
            models.CheckConstraint(
                condition=_one_to_five("mood", nullable=False),
                name="selfcare_checkin_mood_1_to_5",
            ),
            models.CheckConstraint(
                condition=_one_to_five("energy", nullable=True),
                name="selfcare_checkin_energy_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(hours_slept__isnull=True)
                | (models.Q(hours_slept__gte=0) & models.Q(hours_slept__lte=24)),
                name="selfcare_checkin_hours_slept_0_to_24",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.get_mood_display()}"
