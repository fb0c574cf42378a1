from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from apps.core.fields import LimitedTextField
from apps.core.limits import TEXT_MAX_CHARS
from apps.core.models import OwnedModel, OwnedQuerySet


class Company(OwnedModel):
    name = models.CharField(max_length=200)
    website = models.URLField(blank=True)
    notes = LimitedTextField(blank=True)

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


class Status(models.TextChoices):
    WISHLIST = "wishlist", "Wishlist"
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NO_RESPONSE = "no_response", "No response"


# The columns of the board: applications still in play.
ACTIVE_STATUSES = (
    Status.WISHLIST,
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.OFFER,
)
CLOSED_STATUSES = (Status.ACCEPTED, Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE)
# How far along the hiring process each status is; closed statuses say nothing about depth.
PIPELINE_ORDER = (
    Status.WISHLIST,
    Status.APPLIED,
    Status.SCREENING,
    Status.INTERVIEWING,
    Status.OFFER,
    Status.ACCEPTED,
)
# Silence is only meaningful while the person is waiting to hear back.
STALE_STATUSES = (Status.APPLIED, Status.SCREENING)


class StageReached(models.TextChoices):
    """How far an application got in the hiring process (the rules are in stages.py)."""

    APPLIED = "applied", "After applying"
    SCREENING = "screening", "After screening"
    INTERVIEW = "interview", "After an interview round"
    FINAL = "final", "After the final round"
    OFFER = "offer", "After an offer"


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", "On-site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class Source(models.TextChoices):
    JOB_BOARD = "job_board", "Job board"
    COMPANY_SITE = "company_site", "Company website"
    REFERRAL = "referral", "Referral"
    RECRUITER = "recruiter", "Recruiter"
    NETWORK = "network", "Network"
    OTHER = "other", "Other"


RATING_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]


def _rating_in_range(field: str, *, nullable: bool) -> models.Q:
    in_range = models.Q(**{f"{field}__gte": 1}) & models.Q(**{f"{field}__lte": 5})
    return in_range | models.Q(**{f"{field}__isnull": True}) if nullable else in_range


class ApplicationQuerySet(OwnedQuerySet):
    def active(self) -> "ApplicationQuerySet":
        return self.filter(status__in=ACTIVE_STATUSES)

    def not_archived(self) -> "ApplicationQuerySet":
        return self.filter(archived=False)


class Application(OwnedModel):
    company = models.ForeignKey(Company, on_delete=models.RESTRICT, related_name="applications")
    role_title = models.CharField("role", max_length=200)
    posting_url = models.URLField("job posting", max_length=500, blank=True)
    location = models.CharField(max_length=200, blank=True)
    work_mode = models.CharField(max_length=16, choices=WorkMode.choices, blank=True)
    source = models.CharField(max_length=16, choices=Source.choices, blank=True)
    salary_min = models.PositiveIntegerField("salary from", null=True, blank=True)
    salary_max = models.PositiveIntegerField("salary up to", null=True, blank=True)
    salary_currency = models.CharField("currency", max_length=3, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.APPLIED)
    # The date of the latest move, kept by application_move: the board's "days since the
    # last move" and the no-response closure read it without touching the history.
    status_changed_on = models.DateField()
    applied_on = models.DateField("applied on", null=True, blank=True)
    next_follow_up_on = models.DateField("next follow-up", null=True, blank=True)
    excitement = models.PositiveSmallIntegerField(default=3, validators=RATING_VALIDATORS)
    fit_values = models.PositiveSmallIntegerField(
        "fit with your values", null=True, blank=True, validators=RATING_VALIDATORS
    )
    fit_interests = models.PositiveSmallIntegerField(
        "fit with your interests", null=True, blank=True, validators=RATING_VALIDATORS
    )
    fit_skills = models.PositiveSmallIntegerField(
        "fit with your skills", null=True, blank=True, validators=RATING_VALIDATORS
    )
    notes = LimitedTextField(blank=True)
    archived = models.BooleanField(default=False)
    # The furthest stage the history has reached; it only ever grows. Kept by the services
    # that add to the history (moves and interviews, through stages.stage_after), so the
    # pipeline's shares are one aggregate over this column instead of a look at every history.
    furthest_stage = models.CharField(
        max_length=16, choices=StageReached.choices, default=StageReached.APPLIED, editable=False
    )

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-status_changed_on", "-id"]
        indexes = [
            models.Index(fields=["owner", "status", "status_changed_on"]),
            models.Index(fields=["owner", "applied_on"]),
            models.Index(fields=["owner", "next_follow_up_on"]),
            # The table shows unarchived rows (the default view) sorted by one column with the
            # id as tie-break: one partial index per sort, read forwards or backwards.
            # "applied" and "follow-up" keep empty dates last both ways; their descending
            # order has PostgreSQL-only indexes (migration 0005: SQLite cannot index NULLS
            # LAST). Not indexed: the company sort orders by the joined company's name, which
            # an index on this table cannot hold, and the search matches words anywhere in
            # three columns, which a b-tree cannot serve (both read the person's rows once).
            models.Index(
                "owner",
                models.F("status_changed_on").desc(),
                models.F("id").desc(),
                name="app_table_moved",
                condition=models.Q(archived=False),
            ),
            models.Index(
                "owner",
                Lower("role_title"),
                "id",
                name="app_table_role",
                condition=models.Q(archived=False),
            ),
            models.Index(
                "owner", "status", "id", name="app_table_status", condition=models.Q(archived=False)
            ),
            models.Index(
                "owner",
                "excitement",
                "id",
                name="app_table_excitement",
                condition=models.Q(archived=False),
            ),
            models.Index(
                "owner",
                "applied_on",
                "id",
                name="app_table_applied",
                condition=models.Q(archived=False),
            ),
            models.Index(
                "owner",
                "next_follow_up_on",
                "id",
                name="app_table_follow_up",
                condition=models.Q(archived=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_min__isnull=True)
                | models.Q(salary_max__isnull=True)
                | models.Q(salary_min__lte=models.F("salary_max")),
                name="applications_application_salary_min_lte_max",
                violation_error_message="The lower salary figure must not be above the upper one.",
            ),
            models.CheckConstraint(
                condition=_rating_in_range("excitement", nullable=False),
                name="applications_application_excitement_1_to_5",
            ),
            models.CheckConstraint(
                condition=_rating_in_range("fit_values", nullable=True)
                & _rating_in_range("fit_interests", nullable=True)
                & _rating_in_range("fit_skills", nullable=True),
                name="applications_application_fit_1_to_5",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="applications_application_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(work_mode__in=[*WorkMode.values, ""]),
                name="applications_application_work_mode_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=[*Source.values, ""]),
                name="applications_application_source_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(furthest_stage__in=StageReached.values),
                name="applications_application_furthest_stage_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role_title} at {self.company.name}"

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def follow_up_is_due(self, today) -> bool:
        """The follow-up date has come for an application still in play (and on show)."""
        return (
            self.next_follow_up_on is not None
            and self.next_follow_up_on <= today
            and self.is_active
            and not self.archived
        )

    @property
    def has_salary(self) -> bool:
        return self.salary_min is not None or self.salary_max is not None


class StatusChange(OwnedModel):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    # Blank for the first entry: the status the application was created with.
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    on = models.DateField("date")
    note = LimitedTextField(blank=True)

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["owner", "to_status", "on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_status__in=Status.values)
                & (models.Q(from_status__in=Status.values) | models.Q(from_status="")),
                name="applications_statuschange_statuses_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="applications_statuschange_is_a_change",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_status or 'new'} → {self.to_status} on {self.on}"


class InterviewKind(models.TextChoices):
    PHONE_SCREEN = "phone_screen", "Phone screen"
    TECHNICAL = "technical", "Technical"
    TAKE_HOME = "take_home", "Take-home task"
    ON_SITE = "on_site", "On-site"
    FINAL = "final", "Final round"
    OTHER = "other", "Other"


class InterviewOutcome(models.TextChoices):
    PENDING = "pending", "Waiting to hear"
    PASSED = "passed", "Went through"
    NOT_PASSED = "not_passed", "Did not go through"


class Interview(OwnedModel):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    round_number = models.PositiveSmallIntegerField(
        "round", default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    kind = models.CharField(max_length=16, choices=InterviewKind.choices)
    scheduled_at = models.DateTimeField("date and time")
    with_whom = models.CharField("with whom", max_length=200, blank=True)
    notes = LimitedTextField(blank=True)
    outcome = models.CharField(
        max_length=16, choices=InterviewOutcome.choices, default=InterviewOutcome.PENDING
    )

    class Meta:
        ordering = ["scheduled_at", "id"]
        indexes = [models.Index(fields=["owner", "scheduled_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(round_number__gte=1) & models.Q(round_number__lte=20),
                name="applications_interview_round_1_to_20",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome__in=InterviewOutcome.values),
                name="applications_interview_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (round {self.round_number})"


# Long enough for any real letter; a pasted thread beyond this is cut.
CORRESPONDENCE_TEXT_LIMIT = TEXT_MAX_CHARS


class Correspondence(OwnedModel):
    """An email (or other message) about an application, kept on its timeline."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="correspondence"
    )
    sender = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField("date", null=True, blank=True)
    text = LimitedTextField(blank=True)

    class Meta:
        verbose_name_plural = "correspondence"
        ordering = ["sent_at", "id"]
        indexes = [models.Index(fields=["application", "sent_at"])]

    def __str__(self) -> str:
        return self.subject or "(no subject)"
