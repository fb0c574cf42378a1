import hashlib
import secrets
import zoneinfo

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone as django_timezone

from apps.core.models import OwnedModel

STALE_AFTER_MIN, STALE_AFTER_MAX = 7, 365  # days of silence before closing is offered


def validate_timezone_name(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError("Choose a timezone from the list.")


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


class Digest(models.TextChoices):
    OFF = "off", "Off"
    DAILY = "daily", "Every day"
    WEEKLY = "weekly", "Every Monday"


REMINDER_HOURS_MAX = 168  # a week


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        return self.get(email__iexact=normalise_email(username))

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", max_length=254, unique=True)
    display_name = models.CharField(
        "display name", max_length=80, blank=True, help_text="What Rebound calls you."
    )
    timezone = models.CharField(
        max_length=64,
        default="UTC",
        validators=[validate_timezone_name],
        help_text="Dates such as “today” follow this timezone.",
    )
    weekly_application_goal = models.PositiveSmallIntegerField(
        "applications per week",
        default=5,
        validators=[MaxValueValidator(100)],
        help_text="How many applications you aim to send in a week.",
    )
    weekly_networking_goal = models.PositiveSmallIntegerField(
        "networking touches per week",
        default=2,
        validators=[MaxValueValidator(100)],
        help_text="Messages, calls or coffees with people in your network.",
    )
    resting_until = models.DateField(
        "resting until",
        null=True,
        blank=True,
        help_text="While you rest, Rebound stops nudging you and your streaks wait for you.",
    )
    stale_after_days = models.PositiveSmallIntegerField(
        "close silent applications after (days)",
        default=30,
        validators=[MinValueValidator(STALE_AFTER_MIN), MaxValueValidator(STALE_AFTER_MAX)],
        help_text="Applied or screening applications with no news for this long are offered "
        "for closing as “no response”.",
    )
    auto_close_stale = models.BooleanField(
        "close silent applications automatically",
        default=False,
        help_text="Let the nightly job mark them “no response” for you.",
    )
    digest = models.CharField(
        "digest email",
        max_length=8,
        choices=Digest.choices,
        default=Digest.OFF,
        help_text="A short email with what is coming up: follow-ups, interviews, people to "
        "reconnect with. Nothing to say, no email; none while you rest.",
    )
    digest_hour = models.PositiveSmallIntegerField(
        "send the digest at",
        default=8,
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        help_text="In your timezone.",
    )
    interview_reminders = models.BooleanField(
        "email me before an interview",
        default=True,
        help_text="A reminder with the time and who it is with. None while you rest.",
    )
    reminder_hours_before = models.PositiveSmallIntegerField(
        "hours before the interview",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(REMINDER_HOURS_MAX)],
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, editable=False, default=new_calendar_token
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=django_timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(weekly_application_goal__lte=100)
                & models.Q(weekly_networking_goal__lte=100),
                name="accounts_user_weekly_goals_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(digest__in=Digest.values)
                & models.Q(digest_hour__lte=23)
                & models.Q(reminder_hours_before__gte=1)
                & models.Q(reminder_hours_before__lte=REMINDER_HOURS_MAX),
                name="accounts_user_email_settings_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(stale_after_days__gte=STALE_AFTER_MIN)
                & models.Q(stale_after_days__lte=STALE_AFTER_MAX),
                name="accounts_user_stale_after_days_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def name(self) -> str:
        """What Rebound calls the person: the name they gave, or nothing. Never the email's
        local part, which is often not a name at all; drafts leave a placeholder instead."""
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email

    def is_resting_on(self, day) -> bool:
        return self.resting_until is not None and day <= self.resting_until


def api_token_digest(secret: str) -> str:
    """What is stored instead of an API token's secret. The secret has 256 random bits, so a
    plain SHA-256 is enough: there is nothing to guess that a slow hash would protect."""
    return hashlib.sha256(secret.encode()).hexdigest()


class TokenAccess(models.TextChoices):
    READ = "read", "Read only"
    READ_WRITE = "read_write", "Read and write"


class ApiToken(OwnedModel):
    """A personal access token for the JSON API. Only a SHA-256 digest of the secret is
    stored: the secret itself is shown once, when the token is made."""

    name = models.CharField(max_length=80, help_text="So you can tell your tokens apart.")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the secret: enough to recognise a token, useless to use one.
    hint = models.CharField(max_length=16, editable=False)
    access = models.CharField(max_length=16, choices=TokenAccess.choices, default=TokenAccess.READ)
    expires_on = models.DateField(
        "expires after", null=True, blank=True, help_text="Leave empty for a token that lasts."
    )
    last_used_at = models.DateTimeField("last used", null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(access__in=TokenAccess.values),
                name="accounts_apitoken_access_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def can_write(self) -> bool:
        return self.access == TokenAccess.READ_WRITE

    def is_expired_on(self, day) -> bool:
        """Valid through its expiry date, in the owner's timezone."""
        return self.expires_on is not None and day > self.expires_on


class Invite(OwnedModel):
    """A single-use link that lets one new person sign up when DJANGO_SIGNUP is "invite".
    Made by someone with an account, in settings; it works once and for a few weeks. Only a
    digest of its secret is kept (like API tokens): the link is shown once, when it is made."""

    note = models.CharField(
        "who it is for", max_length=100, blank=True, help_text="Only for you, to tell them apart."
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    expires_on = models.DateField(editable=False)
    used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.note or f"Invite of {self.created_at:%d %b %Y}"

    def is_open_on(self, day) -> bool:
        return self.used_at is None and day <= self.expires_on
