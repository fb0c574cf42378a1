from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import TemplatesSetting

ENTER_A_DATE = "Enter a date, for example 2026-03-14."

# The largest id a database key holds (a signed 64-bit integer).
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """An id from text a person or a link sent: plain ASCII digits within a database key's
    range, else None. ("²".isdigit() is true and int() refuses it; a 23-digit number
    overflows SQLite inside a query.)"""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class IdsField(forms.ModelMultipleChoiceField):
    """Several of the person's rows by id. Every value must be an id first (parse_id), so a
    crafted one is a form error, never an overflow inside the `pk__in` query."""

    def _check_values(self, value):
        for pk in value:
            if parse_id(pk) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class ReboundFormRenderer(TemplatesSetting):
    """Renders every field through templates/forms/field.html: Pico-friendly markup,
    labels without a trailing colon, errors and help next to the input."""

    field_template_name = "forms/field.html"


class DateInput(forms.DateInput):
    """The browser's date picker. It sends and expects ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateField(forms.DateField):
    """A date chosen with the browser's picker, with a message that shows what to type."""

    widget = DateInput
    default_error_messages = {"invalid": ENTER_A_DATE}


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: each message on the field it names when
    the form shows that field, otherwise above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        shown = field in form.fields and field != NON_FIELD_ERRORS
        form.add_error(field if shown else None, messages)
