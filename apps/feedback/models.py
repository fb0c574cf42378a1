from django.db import models
from django.urls import reverse

from apps.applications.models import Application
from apps.core.fields import LimitedTextField
from apps.core.models import OwnedModel, OwnedQuerySet


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    LINKEDIN = "linkedin", "LinkedIn"
    PHONE = "phone", "Phone"
    OTHER = "other", "Other"


class RequestStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent, waiting"
    ANSWERED = "answered", "Answered"
    DECLINED = "declined", "They preferred not to"
    NO_ANSWER = "no_answer", "No answer"


class Tone(models.TextChoices):
    ENCOURAGING = "encouraging", "Encouraging"
    NEUTRAL = "neutral", "Neutral"
    CRITICAL = "critical", "Critical"


# Still in play: a one-click "ask for feedback" reuses one of these instead of making another.
OPEN_STATUSES = (RequestStatus.DRAFT, RequestStatus.SENT)
# Left the person's hands: these count as "sent" in the response rate.
ASKED_STATUSES = (
    RequestStatus.SENT,
    RequestStatus.ANSWERED,
    RequestStatus.DECLINED,
    RequestStatus.NO_ANSWER,
)
# A reply came back, so there is a date for it.
REPLIED_STATUSES = (RequestStatus.ANSWERED, RequestStatus.DECLINED)


class FeedbackRequestQuerySet(OwnedQuerySet):
    def open(self) -> "FeedbackRequestQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def asked(self) -> "FeedbackRequestQuerySet":
        return self.filter(status__in=ASKED_STATUSES)


class FeedbackRequest(OwnedModel):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="feedback_requests"
    )
    # Who the request went to, if they are in the person's contacts.
    contact = models.ForeignKey(
        "contacts.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_requests",
        verbose_name="who you asked",
    )
    channel = models.CharField(
        "how you ask", max_length=16, choices=Channel.choices, default=Channel.EMAIL
    )
    status = models.CharField(
        max_length=16, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    asked_on = models.DateField("asked on", null=True, blank=True)
    follow_up_on = models.DateField("follow up on", null=True, blank=True)
    answered_on = models.DateField("answered on", null=True, blank=True)
    message = LimitedTextField("your message", blank=True)
    what_they_said = LimitedTextField("what they said", blank=True)
    my_takeaways = LimitedTextField("your takeaways", blank=True)
    tone = models.CharField(max_length=16, choices=Tone.choices, blank=True)

    objects = FeedbackRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "status", "follow_up_on"]),
            models.Index(fields=["owner", "answered_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RequestStatus.values),
                name="feedback_feedbackrequest_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values),
                name="feedback_feedbackrequest_channel_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(tone__in=Tone.values) | models.Q(tone=""),
                name="feedback_feedbackrequest_tone_valid",
            ),
            # A draft has not been asked yet; anything past draft has.
            models.CheckConstraint(
                condition=models.Q(status=RequestStatus.DRAFT, asked_on__isnull=True)
                | (~models.Q(status=RequestStatus.DRAFT) & models.Q(asked_on__isnull=False)),
                name="feedback_feedbackrequest_asked_on_iff_not_draft",
                violation_error_message="A request that has been sent needs the date you asked.",
            ),
            # A reply has a date; nothing else does.
            models.CheckConstraint(
                condition=models.Q(status__in=REPLIED_STATUSES, answered_on__isnull=False)
                | (~models.Q(status__in=REPLIED_STATUSES) & models.Q(answered_on__isnull=True)),
                name="feedback_feedbackrequest_answered_on_iff_replied",
                violation_error_message="A reply needs the date it came in.",
            ),
            models.CheckConstraint(
                condition=models.Q(answered_on__isnull=True)
                | models.Q(asked_on__isnull=True)
                | models.Q(answered_on__gte=models.F("asked_on")),
                name="feedback_feedbackrequest_answered_not_before_asked",
                violation_error_message="The answer cannot come before you asked.",
            ),
            models.CheckConstraint(
                condition=models.Q(follow_up_on__isnull=True)
                | models.Q(asked_on__isnull=True)
                | models.Q(follow_up_on__gte=models.F("asked_on")),
                name="feedback_feedbackrequest_follow_up_not_before_asked",
                violation_error_message="The follow-up date cannot be before you asked.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RequestStatus.ANSWERED) | ~models.Q(tone=""),
                name="feedback_feedbackrequest_answered_has_tone",
                violation_error_message="Choose how the feedback came across.",
            ),
        ]

    def __str__(self) -> str:
        return f"Feedback request for application {self.application_id}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def follow_up_is_due(self, today) -> bool:
        return (
            self.status == RequestStatus.SENT
            and self.follow_up_on is not None
            and self.follow_up_on <= today
        )
