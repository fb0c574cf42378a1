"""Every dataset Rebound exports, each defined once: its file name, its columns, and how each
column is read from the database and parsed back. The export page, the CSV files, the ZIP's
manifest, the restore and the tests all read these definitions.

A column reads one `values_list` lookup, so a whole dataset is one query however many rows
it has. Columns marked `restore=False` are there for people reading the file (a company
name beside its id); a restore rebuilds them from the links instead.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Model, QuerySet, TextField
from django.db.models.functions import Cast

from apps.applications.models import (
    Application,
    Company,
    Correspondence,
    Interview,
    StatusChange,
)
from apps.contacts.models import ApplicationContact, Contact, Interaction
from apps.exports.cells import Kind, format_cell, row_formatter
from apps.feedback.models import FeedbackRequest
from apps.rejections.models import RecoveryStep, Reflection, Rejection
from apps.selfcare.models import CheckIn

# Rows fetched from the database at a time while streaming.
CHUNK_SIZE = 2000

TIMESTAMP_FIELDS = ("created_at", "updated_at")


@dataclass(frozen=True)
class Column:
    header: str
    lookup: str
    kind: Kind = Kind.TEXT
    restore: bool = True
    ref: str | None = None  # for Kind.REF: the key of the dataset it points into

    @property
    def field(self) -> str:
        """The model field a restore sets from this column."""
        return self.lookup.removesuffix("_id") if self.kind == Kind.REF else self.lookup

    @property
    def is_timestamp(self) -> bool:
        return self.lookup in TIMESTAMP_FIELDS

    def format(self, value) -> str:
        return format_cell(self.kind, value)


def _id(header: str = "ID") -> Column:
    return Column(header, "id", Kind.ID, restore=False)


def _ref(header: str, lookup: str, dataset: str) -> Column:
    return Column(header, lookup, Kind.REF, ref=dataset)


def _shown(header: str, lookup: str) -> Column:
    return Column(header, lookup, restore=False)


TIMESTAMPS = (
    Column("Created at", "created_at", Kind.DATETIME, restore=False),
    Column("Updated at", "updated_at", Kind.DATETIME, restore=False),
)


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    model: type[Model]
    columns: tuple[Column, ...]

    @property
    def file_name(self) -> str:
        return f"{self.key}.csv"

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]

    @property
    def refs(self) -> list[Column]:
        return [column for column in self.columns if column.kind == Kind.REF]

    def queryset(self, user) -> QuerySet:
        """The person's rows, oldest first: a restore creates them in the same order."""
        return self.model.objects.for_user(user).order_by("id")

    def values(self, queryset: QuerySet) -> QuerySet:
        return queryset.values_list(*(column.lookup for column in self.columns))

    def rows(self, queryset: QuerySet) -> Iterator[list]:
        """One list of cells per row (for csv.writer), read in chunks so memory stays flat.

        Timestamps are read as the database's own text: the driver's timestamp parser (the
        one Django installs) is pure Python and took a quarter of an export's time, while
        cells.format_datetime reads the text with datetime.fromisoformat. The cell's format
        is still decided there, in Python, and nowhere else."""
        lookups: list[str] = []
        as_text: dict[str, Cast] = {}
        for index, column in enumerate(self.columns):
            if column.kind == Kind.DATETIME:
                lookups.append(f"_text_{index}")
                as_text[lookups[-1]] = Cast(column.lookup, TextField())
            else:
                lookups.append(column.lookup)
        cells = row_formatter([column.kind for column in self.columns])
        rows = queryset.annotate(**as_text).values_list(*lookups)
        for values in rows.iterator(chunk_size=CHUNK_SIZE):
            yield cells(values)


COMPANIES = Dataset(
    key="companies",
    title="Companies",
    description="Every company you applied to or know someone at.",
    model=Company,
    columns=(
        _id(),
        Column("Name", "name"),
        Column("Website", "website"),
        Column("Notes", "notes"),
        *TIMESTAMPS,
    ),
)

APPLICATIONS = Dataset(
    key="applications",
    title="Applications",
    description="Each application with its company and where it stands now.",
    model=Application,
    columns=(
        _id(),
        _ref("Company ID", "company_id", "companies"),
        _shown("Company", "company__name"),
        Column("Role", "role_title"),
        Column("Status", "status"),
        Column("Status since", "status_changed_on", Kind.DATE),
        Column("Applied on", "applied_on", Kind.DATE),
        Column("Next follow-up on", "next_follow_up_on", Kind.DATE),
        Column("Job posting", "posting_url"),
        Column("Location", "location"),
        Column("Work mode", "work_mode"),
        Column("Source", "source"),
        Column("Salary from", "salary_min", Kind.INT),
        Column("Salary up to", "salary_max", Kind.INT),
        Column("Currency", "salary_currency"),
        Column("Excitement", "excitement", Kind.INT),
        Column("Fit with values", "fit_values", Kind.INT),
        Column("Fit with interests", "fit_interests", Kind.INT),
        Column("Fit with skills", "fit_skills", Kind.INT),
        Column("Notes", "notes"),
        Column("Archived", "archived", Kind.BOOL),
        *TIMESTAMPS,
    ),
)

STATUS_HISTORY = Dataset(
    key="status-history",
    title="Status history",
    description="Every move of every application, from its first stage on.",
    model=StatusChange,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        Column("From status", "from_status"),
        Column("To status", "to_status"),
        Column("Date", "on", Kind.DATE),
        Column("Note", "note"),
        *TIMESTAMPS,
    ),
)

INTERVIEWS = Dataset(
    key="interviews",
    title="Interviews",
    description="Interview rounds, with when they were and how they went.",
    model=Interview,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        Column("Round", "round_number", Kind.INT),
        Column("Kind", "kind"),
        Column("Scheduled at", "scheduled_at", Kind.DATETIME),
        Column("With whom", "with_whom"),
        Column("Notes", "notes"),
        Column("Outcome", "outcome"),
        *TIMESTAMPS,
    ),
)

EMAILS = Dataset(
    key="emails",
    title="Emails",
    description="Emails you kept on an application's timeline, as plain text.",
    model=Correspondence,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        Column("From", "sender"),
        Column("Subject", "subject"),
        Column("Date", "sent_at", Kind.DATETIME),
        Column("Text", "text"),
        *TIMESTAMPS,
    ),
)

REJECTIONS = Dataset(
    key="rejections",
    title="Rejections",
    description="The no’s you logged, how far you got and how it felt.",
    model=Rejection,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        Column("Heard on", "received_on", Kind.DATE),
        Column("Stage reached", "stage_reached"),
        Column("Reason given", "reason_given"),
        Column("Feeling", "feeling", Kind.INT),
        Column("Notes", "notes"),
        *TIMESTAMPS,
    ),
)

RECOVERY_STEPS = Dataset(
    key="recovery-steps",
    title="Recovery steps",
    description="The steps of each recovery plan: done, skipped or still to do.",
    model=RecoveryStep,
    columns=(
        _id(),
        _ref("Rejection ID", "rejection_id", "rejections"),
        _shown("Company", "rejection__application__company__name"),
        Column("Move", "move"),
        Column("Opens on", "opens_on", Kind.DATE),
        Column("Closes on", "closes_on", Kind.DATE),
        Column("State", "state"),
        Column("Done on", "done_on", Kind.DATE),
        Column("Note", "note"),
        *TIMESTAMPS,
    ),
)

REFLECTIONS = Dataset(
    key="reflections",
    title="Reflections",
    description="What you thought about each role’s fit afterwards.",
    model=Reflection,
    columns=(
        _id(),
        _ref("Rejection ID", "rejection_id", "rejections"),
        _shown("Company", "rejection__application__company__name"),
        Column("Fit with values", "fit_values", Kind.INT),
        Column("Fit with interests", "fit_interests", Kind.INT),
        Column("Fit with skills", "fit_skills", Kind.INT),
        Column("What to change", "what_to_change"),
        *TIMESTAMPS,
    ),
)

FEEDBACK_REQUESTS = Dataset(
    key="feedback-requests",
    title="Feedback requests",
    description="Who you asked for feedback, and what they said.",
    model=FeedbackRequest,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _ref("Contact ID", "contact_id", "contacts"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        _shown("Contact", "contact__name"),
        Column("Channel", "channel"),
        Column("Status", "status"),
        Column("Asked on", "asked_on", Kind.DATE),
        Column("Follow up on", "follow_up_on", Kind.DATE),
        Column("Answered on", "answered_on", Kind.DATE),
        Column("Message", "message"),
        Column("What they said", "what_they_said"),
        Column("Your takeaways", "my_takeaways"),
        Column("Tone", "tone"),
        *TIMESTAMPS,
    ),
)

CONTACTS = Dataset(
    key="contacts",
    title="Contacts",
    description="The people in your network, with how you know them.",
    model=Contact,
    columns=(
        _id(),
        _ref("Company ID", "company_id", "companies"),
        _shown("Company", "company__name"),
        Column("Name", "name"),
        Column("Job title", "title"),
        Column("Email", "email"),
        Column("Phone", "phone"),
        Column("Profile", "profile_url"),
        Column("How you met", "how_we_met"),
        Column("Kind", "kind"),
        Column("Closeness", "strength", Kind.INT),
        Column("Notes", "notes"),
        Column("Next follow-up on", "next_follow_up_on", Kind.DATE),
        Column("Last in touch", "last_contacted_on", Kind.DATE),
        *TIMESTAMPS,
    ),
)

INTERACTIONS = Dataset(
    key="interactions",
    title="Interactions",
    description="Messages, calls, coffees and events with your network.",
    model=Interaction,
    columns=(
        _id(),
        _ref("Contact ID", "contact_id", "contacts"),
        _shown("Contact", "contact__name"),
        Column("Date", "happened_on", Kind.DATE),
        Column("Kind", "kind"),
        Column("Event or group", "title"),
        Column("Notes", "notes"),
        Column("People met", "people_met"),
        Column("Follow up on", "follow_up_on", Kind.DATE),
        *TIMESTAMPS,
    ),
)

APPLICATION_CONTACTS = Dataset(
    key="application-contacts",
    title="Application contacts",
    description="Which contact referred, interviewed or recruited you for which application.",
    model=ApplicationContact,
    columns=(
        _id(),
        _ref("Application ID", "application_id", "applications"),
        _ref("Contact ID", "contact_id", "contacts"),
        _shown("Company", "application__company__name"),
        _shown("Role", "application__role_title"),
        _shown("Contact", "contact__name"),
        Column("Their part", "role"),
        *TIMESTAMPS,
    ),
)

CHECK_INS = Dataset(
    key="check-ins",
    title="Check-ins",
    description="Your daily self-care check-ins: mood, energy, sleep and the rest.",
    model=CheckIn,
    columns=(
        _id(),
        Column("Date", "date", Kind.DATE),
        Column("Mood", "mood", Kind.INT),
        Column("Energy", "energy", Kind.INT),
        Column("Hours slept", "hours_slept", Kind.DECIMAL),
        Column("Moved", "moved", Kind.BOOL),
        Column("Ate well", "ate_well", Kind.BOOL),
        Column("Connected", "connected", Kind.BOOL),
        Column("Took a break", "took_break", Kind.BOOL),
        Column("Note", "note"),
        *TIMESTAMPS,
    ),
)

# In the order the export page lists them.
DATASETS: tuple[Dataset, ...] = (
    APPLICATIONS,
    STATUS_HISTORY,
    INTERVIEWS,
    EMAILS,
    REJECTIONS,
    RECOVERY_STEPS,
    REFLECTIONS,
    FEEDBACK_REQUESTS,
    CONTACTS,
    INTERACTIONS,
    APPLICATION_CONTACTS,
    CHECK_INS,
    COMPANIES,
)
BY_KEY = {dataset.key: dataset for dataset in DATASETS}

# A restore creates them in this order, so every link points at a row already written.
RESTORE_ORDER: tuple[Dataset, ...] = (
    COMPANIES,
    APPLICATIONS,
    STATUS_HISTORY,
    INTERVIEWS,
    EMAILS,
    REJECTIONS,
    RECOVERY_STEPS,
    REFLECTIONS,
    CONTACTS,
    FEEDBACK_REQUESTS,
    INTERACTIONS,
    APPLICATION_CONTACTS,
    CHECK_INS,
)


def dataset_for(key: str) -> Dataset | None:
    return BY_KEY.get(key)
