from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse

from apps.applications.models import Application
from apps.applications.stages import StageReached
from apps.core.fields import LimitedTextField
from apps.core.models import OwnedModel


class Feeling(models.IntegerChoices):
    VERY_HARD = 1, "Really hard"
    HARD = 2, "Hard"
    MIXED = 3, "Mixed"
    OKAY = 4, "Okay"
    FINE = 5, "Fine, honestly"


class Rejection(OwnedModel):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="rejection"
    )
    received_on = models.DateField("heard on")
    stage_reached = models.CharField("stage reached", max_length=16, choices=StageReached.choices)
    reason_given = LimitedTextField("reason they gave", blank=True)
    feeling = models.PositiveSmallIntegerField(
        "how it feels", choices=Feeling.choices, null=True, blank=True
    )
    notes = LimitedTextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["owner", "received_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stage_reached__in=StageReached.values),
                name="rejections_rejection_stage_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(feeling__isnull=True)
                | (models.Q(feeling__gte=1) & models.Q(feeling__lte=5)),
                name="rejections_rejection_feeling_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Rejection for {self.application_id} on {self.received_on}"

    def get_absolute_url(self) -> str:
        return reverse("rejections:detail", kwargs={"pk": self.pk})


class Move(models.TextChoices):
    """The eight moves of the recovery plan, in the order the plan shows them."""

    PROCESS = "process", "Give yourself time"
    NOT_PERSONAL = "not_personal", "Don’t take it personally"
    ASK_FEEDBACK = "ask_feedback", "Ask for feedback"
    REFLECT = "reflect", "Reflect on your goals"
    SELF_CARE = "self_care", "Look after yourself"
    MOTIVATION = "motivation", "Stay motivated"
    NETWORK = "network", "Reach out to your network"
    MOVE_FORWARD = "move_forward", "Keep moving forward"


MOVE_ORDER = [move.value for move in Move]


class StepState(models.TextChoices):
    PENDING = "pending", "To do"
    DONE = "done", "Done"
    SKIPPED = "skipped", "Skipped"


class RecoveryStep(OwnedModel):
    rejection = models.ForeignKey(Rejection, on_delete=models.CASCADE, related_name="steps")
    move = models.CharField(max_length=16, choices=Move.choices)
    # The window in which the plan brings this move forward; an open end means "from then on".
    opens_on = models.DateField()
    closes_on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=8, choices=StepState.choices, default=StepState.PENDING)
    done_on = models.DateField(null=True, blank=True)
    note = LimitedTextField(blank=True)

    class Meta:
        ordering = ["rejection_id", "opens_on", "id"]
        indexes = [models.Index(fields=["owner", "state", "opens_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["rejection", "move"], name="rejections_step_one_per_move"
            ),
            models.CheckConstraint(
                condition=models.Q(move__in=Move.values), name="rejections_step_move_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=StepState.values),
                name="rejections_step_state_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="rejections_step_window_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(state="pending", done_on__isnull=True)
                | (~models.Q(state="pending") & models.Q(done_on__isnull=False)),
                name="rejections_step_done_on_matches_state",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_move_display()} ({self.get_state_display()})"

    @property
    def shows_todays_checkin(self) -> bool:
        """The self-care and motivation steps, while to do, show today's check-in and the
        streak, so they fetch themselves again when a check-in is saved."""
        return self.state == StepState.PENDING and self.move in (Move.SELF_CARE, Move.MOTIVATION)


FIT_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


class Reflection(OwnedModel):
    rejection = models.OneToOneField(Rejection, on_delete=models.CASCADE, related_name="reflection")
    fit_values = models.PositiveSmallIntegerField(
        "fit with your values", null=True, blank=True, validators=FIT_VALIDATORS
    )
    fit_interests = models.PositiveSmallIntegerField(
        "fit with your interests", null=True, blank=True, validators=FIT_VALIDATORS
    )
    fit_skills = models.PositiveSmallIntegerField(
        "fit with your skills", null=True, blank=True, validators=FIT_VALIDATORS
    )
    what_to_change = LimitedTextField("what you might change in your search", blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    (models.Q(fit_values__isnull=True) | models.Q(fit_values__range=(1, 5)))
                    & (models.Q(fit_interests__isnull=True) | models.Q(fit_interests__range=(1, 5)))
                    & (models.Q(fit_skills__isnull=True) | models.Q(fit_skills__range=(1, 5)))
                ),
                name="rejections_reflection_fit_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"Reflection on rejection {self.rejection_id}"
