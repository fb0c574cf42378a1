from django import forms

from apps.applications.models import Status
from apps.exports.spreadsheet import (
    MAX_BYTES,
    REQUIRED_TARGETS,
    TARGET_LABELS,
    TARGETS,
    Mapping,
    Sheet,
    SpreadsheetError,
    column_labels,
    guess_mapping,
    read_spreadsheet,
)
from apps.exports.values import DAY_FIRST, MONTH_FIRST, guess_date_order

NOT_IN_FILE = ""


class SpreadsheetUploadForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet (CSV)",
        help_text="Up to 5 MB and 20,000 rows. Commas or semicolons both work; the first row "
        "should name the columns.",
        error_messages={
            "required": "Choose a CSV file of at most 5 MB to upload.",
            "empty": "The file is empty. Check that you picked the right one.",
            "invalid": "That upload did not arrive as a file. Please try again.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                "The file is larger than 5 MB. Split it into smaller files and import them "
                "one after the other."
            )
        try:
            self.sheet: Sheet = read_spreadsheet(upload.read())
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class MappingForm(forms.Form):
    """Which column of the file holds each of Rebound's fields."""

    default_status = forms.ChoiceField(
        label="Stages Rebound does not recognise become",
        choices=Status.choices,
        initial=Status.APPLIED,
        help_text="Also used for rows with no stage at all.",
    )
    date_order = forms.ChoiceField(
        label="Dates written like 03/04/2026 mean",
        choices=[(DAY_FIRST, "3 April (day first)"), (MONTH_FIRST, "March 4 (month first)")],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, sheet: Sheet, saved: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        labels = column_labels(sheet.header)
        choices = [(NOT_IN_FILE, "Not in this file"), *((str(i), t) for i, t in enumerate(labels))]
        guessed = guess_mapping(sheet.header)
        saved_mapping = Mapping.from_json(saved) if saved else None
        columns = saved_mapping.columns if saved_mapping else guessed
        for target in TARGETS:
            required = target in REQUIRED_TARGETS
            index = columns.get(target)
            self.fields[target] = forms.ChoiceField(
                label=TARGET_LABELS[target],
                choices=choices,
                required=required,
                initial=NOT_IN_FILE if index is None else str(index),
                error_messages={
                    "required": f"Choose the column that holds the "
                    f"{TARGET_LABELS[target].lower()}; every application needs one.",
                },
            )
        self.fields["date_order"].initial = (
            saved_mapping.date_order if saved_mapping else self._guessed_order(guessed)
        )
        if saved_mapping:
            self.fields["default_status"].initial = saved_mapping.default_status
        self.order_fields([*TARGETS, "default_status", "date_order"])
        self.missing_required = [
            TARGET_LABELS[target] for target in REQUIRED_TARGETS if columns.get(target) is None
        ]

    def _guessed_order(self, guessed: dict) -> str:
        index = guessed.get("applied_on")
        if index is None:
            return DAY_FIRST
        return guess_date_order([row[index] for row in self.sheet.rows if index < len(row)])

    def target_fields(self):
        return [self[target] for target in TARGETS]

    def samples(self) -> dict[str, list[str]]:
        """A few values from each column, to show beside the choices."""
        labels = column_labels(self.sheet.header)
        found: dict[str, list[str]] = {label: [] for label in labels}
        for row in self.sheet.rows[:50]:
            for index, label in enumerate(labels):
                if index < len(row) and row[index].strip() and len(found[label]) < 3:
                    found[label].append(row[index].strip()[:60])
        return found

    def clean(self):
        cleaned = super().clean()
        used: dict[str, str] = {}
        for target in TARGETS:
            value = cleaned.get(target)
            if not value:
                continue
            if value in used:
                self.add_error(
                    target,
                    f"This column is already chosen for “{TARGET_LABELS[used[value]]}”. "
                    "Choose each column once.",
                )
            used[value] = target
        return cleaned

    def mapping(self) -> Mapping:
        columns = {
            target: int(self.cleaned_data[target]) if self.cleaned_data.get(target) else None
            for target in TARGETS
        }
        return Mapping(
            columns=columns,
            default_status=self.cleaned_data["default_status"],
            date_order=self.cleaned_data["date_order"],
        )


IMPORT_ALL = "all"
IMPORT_VALID_ONLY = "valid_only"


class ConfirmImportForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[(IMPORT_ALL, "Import every row"), (IMPORT_VALID_ONLY, "Import the ready rows")],
        initial=IMPORT_ALL,
        widget=forms.HiddenInput,
    )


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="Rebound export (all.zip)",
        help_text="The ZIP from “Download everything”, exactly as it was downloaded.",
        error_messages={
            "required": "Choose the all.zip file to restore (at most 50 MB).",
            "empty": "The file is empty. Check that you picked the right one.",
            "invalid": "That upload did not arrive as a file. Please try again.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
