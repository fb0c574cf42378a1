from django.db import models

from apps.core.fields import LimitedTextField
from apps.core.models import OwnedModel
from apps.inbox import rules


class Kind(models.TextChoices):
    REJECTION = rules.REJECTION, "Rejection"
    INTERVIEW = rules.INTERVIEW, "Interview"
    NEXT_STEPS = rules.NEXT_STEPS, "Next steps"
    OFFER = rules.OFFER, "Offer"
    ACKNOWLEDGEMENT = rules.ACKNOWLEDGEMENT, "Application received"
    OUTREACH = rules.OUTREACH, "Recruiter outreach"


class State(models.TextChoices):
    WAITING = "waiting", "Waiting for you"
    DONE = "done", "Done"
    DISMISSED = "dismissed", "Not about the search"


class Source(models.TextChoices):
    PASTE = "paste", "Pasted"
    UPLOAD = "upload", "Uploaded"
    MAILBOX = "mailbox", "From your mailbox"


class Suggestion(OwnedModel):
    """An email read as news about the search, waiting for the person to act on it or set it
    aside. Nothing else in their data changes until they do. Once acted on, the email lives
    on the application's timeline; once set aside, only its fingerprint stays, so the
    mailbox does not offer it again."""

    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=12, choices=State.choices, default=State.WAITING)
    source = models.CharField(max_length=12, choices=Source.choices)
    # SHA-256 of the Message-ID (or of the content when there is none): one suggestion
    # per email, however often it is pasted, uploaded or polled.
    fingerprint = models.CharField(max_length=64)
    sender = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    text = LimitedTextField(blank=True)
    company_name = models.CharField("company", max_length=200, blank=True)
    role_title = models.CharField("role", max_length=200, blank=True)
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    candidate_ids = models.JSONField(default=list, blank=True)
    match_note = models.CharField(max_length=200, blank=True)
    confidence = models.FloatField(default=0)
    reasons = models.JSONField(default=list, blank=True)
    proposed_at = models.DateTimeField("date found in the email", null=True, blank=True)
    acted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "state", "kind"])]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "fingerprint"], name="inbox_suggestion_one_per_email"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="inbox_suggestion_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=State.values), name="inbox_suggestion_state_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject or '(no subject)'}"


class Security(models.TextChoices):
    TLS = "tls", "TLS from the start (usually port 993)"
    STARTTLS = "starttls", "STARTTLS (usually port 143)"
    NONE = "none", "None (only for a server on this machine)"


class Mailbox(OwnedModel):
    """A person's IMAP mailbox, read without changing it. The app password is stored only
    encrypted (see crypto.py) and never shown back."""

    host = models.CharField("IMAP server", max_length=253)
    port = models.PositiveIntegerField(default=993)
    security = models.CharField(max_length=10, choices=Security.choices, default=Security.TLS)
    username = models.CharField(max_length=254)
    password_token = models.TextField(editable=False)
    folder = models.CharField(max_length=200, default="INBOX")
    since = models.DateField("read mail from", null=True, blank=True)
    enabled = models.BooleanField("read this mailbox", default=True)
    # Where reading stopped: the folder's UIDVALIDITY and the last UID read in it.
    uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    last_uid = models.BigIntegerField(default=0, editable=False)
    last_polled_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name_plural = "mailboxes"
        constraints = [
            models.UniqueConstraint(fields=["owner"], name="inbox_mailbox_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(port__gte=1) & models.Q(port__lte=65535),
                name="inbox_mailbox_port_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.username} at {self.host}"
