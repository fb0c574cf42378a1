"""Rules about applications that more than one place checks: the form, the services, and the
spreadsheet import all call these, so a rule and its wording live here once."""

import datetime

from django.core.exceptions import ValidationError

APPLIED_IN_FUTURE = "The date you applied can’t be in the future."


def validate_applied_on(applied_on: datetime.date | None, *, today: datetime.date) -> None:
    """An application cannot have been sent after today (in the person's timezone)."""
    if applied_on is not None and applied_on > today:
        raise ValidationError(APPLIED_IN_FUTURE, code="applied_in_future")
