from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.renderers import TemplatesSetting

ENTER_A_DATE = "Enter a date, for example 2026-03-14."


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
