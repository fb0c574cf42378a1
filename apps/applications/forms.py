import datetime

from django import forms
from django.core.exceptions import ValidationError

from apps.applications.models import (
    CLOSED_STATUSES,
    PIPELINE_ORDER,
    Application,
    Interview,
    InterviewOutcome,
    Source,
    Status,
    WorkMode,
)
from apps.applications.selectors import (
    ARCHIVED_ACTIVE,
    ARCHIVED_ALL,
    ARCHIVED_ONLY,
    DEFAULT_SORT,
    OPEN,
    SORTS,
)
from apps.applications.services import APPLICATION_DETAIL_FIELDS, application_version
from apps.applications.validators import validate_applied_on
from apps.core.forms import DateField, IdsField

RATING_CHOICES = [(1, "1 (low)"), (2, "2"), (3, "3"), (4, "4"), (5, "5 (high)")]
FIT_CHOICES = [("", "Not sure"), *RATING_CHOICES]


def _fit_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=FIT_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


class ApplicationForm(forms.ModelForm):
    """Create and edit an application. The status is only asked for on creation: later
    changes go through a move, so they land in the history."""

    company_name = forms.CharField(
        label="Company",
        max_length=200,
        error_messages={"required": "Enter the company’s name."},
        help_text="If you have applied there before, the same company is reused.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    status = forms.ChoiceField(
        label="Stage",
        choices=Status.choices,
        initial=Status.APPLIED,
        help_text="Where this application stands today.",
    )
    excitement = forms.TypedChoiceField(
        label="How excited are you about it?",
        choices=RATING_CHOICES,
        coerce=int,
        initial=3,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a number from 1 to 5."},
    )
    # Declared here rather than from the model so it assumes https:// when left out.
    posting_url = forms.URLField(
        label="Link to the job posting",
        max_length=500,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter the whole web address, for example https://…"},
    )
    # The row's version when the form was shown (application_version): a save of a row that
    # changed since is refused with what changed, instead of overwriting it.
    version = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    fit_values = _fit_field("Fit with your values")
    fit_interests = _fit_field("Fit with your interests")
    fit_skills = _fit_field("Fit with your skills")

    field_order = ["company_name", "role_title", "status"]

    class Meta:
        model = Application
        fields = list(APPLICATION_DETAIL_FIELDS)
        labels = {
            "next_follow_up_on": "Follow up on",
            "salary_currency": "Currency",
            "archived": "Archived (hidden from the board and the default table view)",
        }
        help_texts = {
            "applied_on": "Leave empty for today. A wishlist role has no date yet.",
            "next_follow_up_on": "A reminder to check in. It shows in your calendar feed.",
            "salary_currency": "Three letters, such as EUR, USD or GBP.",
            "notes": "Anything worth remembering: who referred you, what stood out.",
        }
        error_messages = {
            "role_title": {"required": "Enter the role, for example “Backend developer”."},
            "salary_min": {"invalid": "Enter a whole number, without currency signs."},
            "salary_max": {"invalid": "Enter a whole number, without currency signs."},
        }
        field_classes = {"applied_on": DateField, "next_follow_up_on": DateField}
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 4}),
            "salary_currency": forms.TextInput(
                attrs={"size": 3, "autocapitalize": "characters", "maxlength": 3}
            ),
            "salary_min": forms.NumberInput(attrs={"min": 0, "step": 1000}),
            "salary_max": forms.NumberInput(attrs={"min": 0, "step": 1000}),
        }

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["work_mode"].choices = [("", "Not sure yet"), *WorkMode.choices]
        self.fields["source"].choices = [("", "Choose one"), *Source.choices]
        if self.instance.pk:
            # Moves, not edits, change the stage.
            del self.fields["status"]
            self.fields["company_name"].initial = self.instance.company.name
            self.fields["version"].initial = application_version(self.instance)
        else:
            del self.fields["archived"]
            del self.fields["version"]

    # What a link may fill in on the add form (the "Save to Rebound" bookmarklet sends what
    # it read on a job posting): shown for the person to check, saved only when they press
    # the button.
    PREFILLED_FROM_QUERY = (
        "company_name",
        "role_title",
        "status",
        "posting_url",
        "location",
        "work_mode",
        "salary_min",
        "salary_max",
        "salary_currency",
        "notes",
    )

    @classmethod
    def initial_from_query(cls, params) -> dict:
        """Initial values from a query string. Text too long for its field is cut short; an
        address too long, or a value that is not one of the choices or not a whole number,
        is left out."""
        initial = {}
        for name in cls.PREFILLED_FROM_QUERY:
            field = cls.base_fields[name]
            value = params.get(name, "").strip()
            limit = getattr(field, "max_length", None) or 2000
            if not value or (isinstance(field, forms.URLField) and len(value) > limit):
                continue
            value = value[:limit]
            if isinstance(field, forms.ChoiceField) and value not in dict(field.choices):
                continue
            if isinstance(field, forms.IntegerField) and not (value.isascii() and value.isdigit()):
                continue
            initial[name] = value
        return initial

    def clean_applied_on(self):
        applied_on = self.cleaned_data.get("applied_on")
        validate_applied_on(applied_on, today=self.today)
        return applied_on

    def clean_salary_currency(self) -> str:
        currency = (self.cleaned_data.get("salary_currency") or "").strip().upper()
        if currency and not (len(currency) == 3 and currency.isalpha() and currency.isascii()):
            raise ValidationError("Use a three-letter currency code, such as EUR, USD or GBP.")
        return currency

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "salary_max",
                "This is below the “salary from” figure. Swap them, or leave one empty.",
            )
        status = cleaned.get("status")
        applied_on = cleaned.get("applied_on")
        if status == Status.WISHLIST and applied_on:
            self.add_error(
                "applied_on",
                "A wishlist role has not been applied to yet: leave the date empty, "
                "or choose the stage it is at.",
            )
        follow_up = cleaned.get("next_follow_up_on")
        if follow_up and applied_on and follow_up < applied_on:
            self.add_error(
                "next_follow_up_on", "Choose a follow-up date on or after the day you applied."
            )
        elif follow_up and follow_up > self.today + datetime.timedelta(days=366):
            self.add_error("next_follow_up_on", "Choose a date within the next year.")
        return cleaned


def _next_stage(status: str) -> str:
    """The stage an application usually goes to next: the menu's first guess."""
    if status in PIPELINE_ORDER[:-1]:
        return PIPELINE_ORDER[PIPELINE_ORDER.index(status) + 1]
    return Status.APPLIED


class MoveForm(forms.Form):
    status = forms.ChoiceField(label="Move to", choices=Status.choices)
    on = DateField(label="When", error_messages={"required": "Enter the date it happened."})
    note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.TextInput,
        help_text="Optional, for example who got in touch.",
    )

    def __init__(self, *args, application: Application, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        choices = [(value, label) for value, label in Status.choices if value != application.status]
        self.fields["on"].initial = today
        self.closed = application.status in CLOSED_STATUSES
        if self.closed:
            # A closed application has no likely next stage: nothing is chosen for the person.
            choices.insert(0, ("", "Choose a stage"))
            self.fields["status"].error_messages["required"] = "Choose the stage it moved to."
        else:
            self.fields["status"].initial = _next_stage(application.status)
        self.fields["status"].choices = choices
        self.fields["status"].widget.attrs["id"] = f"id_move_status_{application.pk}"

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise ValidationError("A move can’t be dated in the future.")
        return on


class FollowUpForm(forms.Form):
    next_follow_up_on = DateField(
        label="Follow up on", required=False, help_text="Leave empty to clear the reminder."
    )

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_next_follow_up_on(self):
        on = self.cleaned_data.get("next_follow_up_on")
        if on and on > self.today + datetime.timedelta(days=366):
            raise ValidationError("Choose a date within the next year.")
        return on


class BoardMoveForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)


class InterviewForm(forms.ModelForm):
    round_number = forms.IntegerField(
        label="Round",
        required=False,
        min_value=1,
        max_value=20,
        help_text="Leave empty to count on from the last round.",
        error_messages={
            "min_value": "Rounds are numbered from 1 to 20.",
            "max_value": "Rounds are numbered from 1 to 20.",
            "invalid": "Enter a whole number.",
        },
    )

    class Meta:
        model = Interview
        fields = ["kind", "scheduled_at", "round_number", "with_whom", "notes"]
        labels = {"kind": "Kind of interview", "scheduled_at": "Date and time"}
        help_texts = {
            "scheduled_at": "In your own timezone.",
            "with_whom": "Names or roles, for example “Sam, engineering manager”.",
        }
        error_messages = {
            "kind": {"required": "Choose the kind of interview."},
            "scheduled_at": {
                "required": "Enter the date and time.",
                "invalid": "Enter a date and time, for example 2026-03-14 14:30.",
            },
        }
        widgets = {
            "scheduled_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["round_number"].required = True
            self.fields["outcome"] = forms.ChoiceField(
                label="Outcome", choices=InterviewOutcome.choices, initial=self.instance.outcome
            )

    def clean_scheduled_at(self):
        scheduled_at = self.cleaned_data["scheduled_at"]
        now = datetime.datetime.now(datetime.UTC)
        if abs(scheduled_at - now) > datetime.timedelta(days=730):
            raise ValidationError("Choose a date within two years of today.")
        return scheduled_at


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label="Outcome", choices=InterviewOutcome.choices)


NOT_AN_OPTION = {"invalid_choice": "“%(value)s” is not one of the options, so it was left out."}


class FilterForm(forms.Form):
    """The table's search and filters, read from the query string. Values it does not
    understand are reported and left out; they never stop the table from showing."""

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"placeholder": "Company, role or notes"}),
    )
    status = forms.ChoiceField(
        label="Stage",
        required=False,
        error_messages=NOT_AN_OPTION,
        choices=[("", "Any stage"), (OPEN, "Still open"), *Status.choices],
    )
    source = forms.ChoiceField(
        label="Source",
        required=False,
        error_messages=NOT_AN_OPTION,
        choices=[("", "Any source"), *Source.choices],
    )
    work_mode = forms.ChoiceField(
        label="Work mode",
        required=False,
        error_messages=NOT_AN_OPTION,
        choices=[("", "Any work mode"), *WorkMode.choices],
    )
    applied_from = DateField(label="Applied from", required=False)
    applied_to = DateField(label="Applied until", required=False)
    follow_up_due = forms.BooleanField(label="Follow-up due", required=False)
    archived = forms.ChoiceField(
        label="Show",
        required=False,
        error_messages=NOT_AN_OPTION,
        choices=[
            (ARCHIVED_ACTIVE, "Not archived"),
            (ARCHIVED_ONLY, "Archived only"),
            (ARCHIVED_ALL, "Everything"),
        ],
    )
    sort = forms.ChoiceField(
        required=False,
        error_messages=NOT_AN_OPTION,
        choices=[(key, key) for key in SORTS],
        widget=forms.HiddenInput,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("applied_from"), cleaned.get("applied_to")
        if start and end and start > end:
            self.add_error("applied_to", "This is before the “applied from” date.")
        return cleaned

    def filters(self) -> dict:
        """The valid filters, with defaults for anything missing or not understood."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "search": cleaned.get("q") or "",
            "status": cleaned.get("status") or "",
            "source": cleaned.get("source") or "",
            "work_mode": cleaned.get("work_mode") or "",
            "applied_from": cleaned.get("applied_from"),
            "applied_to": cleaned.get("applied_to"),
            "follow_up_due": bool(cleaned.get("follow_up_due")),
            "archived": cleaned.get("archived") or ARCHIVED_ACTIVE,
            "sort": cleaned.get("sort") or DEFAULT_SORT,
        }

    def active(self) -> list[str]:
        """The folded filters that are set, in words ("Stage: Applied"), so "Filters" can say
        what is on while closed. The search box stays in view, so it is not listed."""
        filters = self.filters()
        shown = []
        for name in ("status", "source", "work_mode", "archived"):
            value = filters[name]
            if value and not (name == "archived" and value == ARCHIVED_ACTIVE):
                field = self.fields[name]
                shown.append(f"{field.label}: {dict(field.choices)[value]}")
        for name in ("applied_from", "applied_to"):
            if day := filters[name]:
                shown.append(f"{self.fields[name].label} {day.day} {day:%b %Y}")
        if filters["follow_up_due"]:
            shown.append(self.fields["follow_up_due"].label)
        return shown


BULK_MOVE = "move"
BULK_ARCHIVE = "archive"
BULK_UNARCHIVE = "unarchive"


class BulkForm(forms.Form):
    ids = IdsField(
        queryset=Application.objects.none(),
        error_messages={
            "required": "Select at least one application first.",
            "invalid_choice": "Some of the selected applications are gone. Reload the page "
            "and try again.",
            "invalid_pk_value": "Select applications from the table.",
        },
    )
    action = forms.ChoiceField(
        label="With the selected",
        choices=[
            (BULK_MOVE, "Move to the stage below"),
            (BULK_ARCHIVE, "Archive"),
            (BULK_UNARCHIVE, "Bring back from the archive"),
        ],
        error_messages={"required": "Choose what to do with them."},
    )
    status = forms.ChoiceField(label="Stage", required=False, choices=Status.choices)
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].queryset = Application.objects.for_user(user)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == BULK_MOVE and not cleaned.get("status"):
            self.add_error("status", "Choose the stage to move them to.")
        return cleaned


class StaleCloseForm(forms.Form):
    ids = IdsField(
        queryset=Application.objects.none(),
        error_messages={
            "required": "Tick at least one application to close.",
            "invalid_choice": "Some of these have changed since the page loaded. "
            "Here is the list as it is now.",
            "invalid_pk_value": "Tick applications from the list.",
        },
    )

    def __init__(self, *args, stale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].queryset = stale
