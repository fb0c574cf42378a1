from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from apps.core.fields import LimitedTextField
from apps.core.models import OwnedModel, OwnedQuerySet

STRENGTH_MAX = 5


class ContactKind(models.TextChoices):
    RECRUITER = "recruiter", "Recruiter"
    HIRING_MANAGER = "hiring_manager", "Hiring manager"
    REFERRER = "referrer", "Referrer"
    PEER = "peer", "Peer"
    MENTOR = "mentor", "Mentor"
    SUPPORT = "support", "Support person"


class Strength(models.IntegerChoices):
    NONE = 0, "0 · not really in touch"
    FAINT = 1, "1 · met once or twice"
    LIGHT = 2, "2 · friendly acquaintance"
    STEADY = 3, "3 · we talk now and then"
    GOOD = 4, "4 · someone I can ask a favour"
    CLOSE = 5, "5 · close, I could call any time"


class InteractionKind(models.TextChoices):
    MESSAGE = "message", "Message"
    CALL = "call", "Call"
    MEETING = "meeting", "Coffee or meeting"
    EVENT = "event", "Event or online group"
    REFERRAL_ASK = "referral_ask", "Referral ask"
    THANK_YOU = "thank_you", "Thank-you"
    OTHER = "other", "Other"


class LinkRole(models.TextChoices):
    REFERRER = "referrer", "Referrer"
    INTERVIEWER = "interviewer", "Interviewer"
    RECRUITER = "recruiter", "Recruiter"
    OTHER = "other", "Other"


class ContactQuerySet(OwnedQuerySet):
    def with_company(self) -> "ContactQuerySet":
        return self.select_related("company")


class Contact(OwnedModel):
    name = models.CharField(max_length=200)
    company = models.ForeignKey(
        "applications.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    title = models.CharField("job title", max_length=200, blank=True)
    email = models.EmailField("email address", max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    profile_url = models.URLField("LinkedIn or other profile", max_length=500, blank=True)
    how_we_met = models.CharField("how you met", max_length=300, blank=True)
    kind = models.CharField(max_length=16, choices=ContactKind.choices, default=ContactKind.PEER)
    strength = models.PositiveSmallIntegerField(
        "how close you are",
        choices=Strength.choices,
        default=Strength.FAINT,
        validators=[MaxValueValidator(STRENGTH_MAX)],
    )
    notes = LimitedTextField(blank=True)
    next_follow_up_on = models.DateField("next follow-up", null=True, blank=True)
    # Kept by the interaction services (the latest interaction's date); never typed in.
    last_contacted_on = models.DateField("last in touch", null=True, blank=True, editable=False)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = [Lower("name"), "id"]
        indexes = [
            models.Index(fields=["owner", "last_contacted_on"]),
            models.Index(fields=["owner", "next_follow_up_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                "owner",
                Lower("email"),
                condition=~models.Q(email=""),
                name="contacts_contact_owner_email_ci_unique",
                violation_error_message="You already have a contact with this email address.",
            ),
            models.CheckConstraint(
                condition=models.Q(strength__lte=STRENGTH_MAX),
                name="contacts_contact_strength_0_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ContactKind.values),
                name="contacts_contact_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def follow_up_is_due(self, today) -> bool:
        return self.next_follow_up_on is not None and self.next_follow_up_on <= today

    def get_absolute_url(self) -> str:
        return reverse("contacts:detail", kwargs={"pk": self.pk})


class Interaction(OwnedModel):
    # Empty only for an event or online group logged on its own, before anyone met there
    # becomes a contact.
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, null=True, blank=True, related_name="interactions"
    )
    happened_on = models.DateField("when")
    kind = models.CharField(
        "what it was",
        max_length=16,
        choices=InteractionKind.choices,
        default=InteractionKind.MESSAGE,
    )
    title = models.CharField(
        "event or group", max_length=200, blank=True, help_text="For example: “PyData meetup”."
    )
    notes = LimitedTextField(blank=True)
    people_met = LimitedTextField(
        "people you met", blank=True, help_text="One name per line. Each can become a contact."
    )
    follow_up_on = models.DateField("follow up on", null=True, blank=True)

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["owner", "kind", "happened_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact__isnull=False) | models.Q(kind=InteractionKind.EVENT),
                name="contacts_interaction_contact_or_event",
                violation_error_message="Choose who this was with, or log it as an event.",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=InteractionKind.values),
                name="contacts_interaction_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.happened_on}"

    @property
    def people_met_names(self) -> list[str]:
        return [line.strip() for line in self.people_met.splitlines() if line.strip()]


class ApplicationContact(OwnedModel):
    """A contact's part in one application: who referred the person, interviewed them,
    recruited for the role. Lives here because contacts may know about applications, not
    the other way round."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="contact_links"
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="application_links")
    role = models.CharField(max_length=16, choices=LinkRole.choices, default=LinkRole.OTHER)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "contact"],
                name="contacts_applicationcontact_once_per_application",
                violation_error_message="This person is already linked to that application.",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=LinkRole.values),
                name="contacts_applicationcontact_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.contact_id} as {self.role} on {self.application_id}"
