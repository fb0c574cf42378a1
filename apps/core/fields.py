from functools import cached_property

from django.core.validators import MaxLengthValidator
from django.db import models

from apps.core.limits import TEXT_MAX_CHARS


class LimitedTextField(models.TextField):
    """Free text with Rebound's length limit (apps.core.limits.TEXT_MAX_CHARS). A plain
    TextField's max_length only reaches the form's widget; this one is also a validator, so
    full_clean, every ModelForm, the spreadsheet import and the restore refuse longer text
    alike."""

    def __init__(self, *args, max_length: int = TEXT_MAX_CHARS, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    @cached_property
    def validators(self):
        return [*super().validators, MaxLengthValidator(self.max_length)]
