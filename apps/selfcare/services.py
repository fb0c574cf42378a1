import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.core.dates import today_for
from apps.selfcare.models import CheckIn

# The optional parts of a check-in, besides the mood.
DETAIL_FIELDS = ("energy", "hours_slept", "moved", "ate_well", "connected", "took_break", "note")


def _apply(checkin: CheckIn, mood: int, details: dict, *, new: bool = False) -> CheckIn:
    checkin.mood = mood
    for key, value in details.items():
        setattr(checkin, key, value)
    # For a new row the database has the last word on "one per day" (see the retry below);
    # the range checks are mirrored by the fields' own validators.
    checkin.full_clean(validate_constraints=not new)
    checkin.save()
    return checkin


@transaction.atomic
def checkin_save(*, owner, mood: int, date: datetime.date | None = None, **details) -> CheckIn:
    """Save the person's check-in for a day (today, in their timezone, unless ``date`` is
    given). There is one check-in per day: saving again the same day updates it, and only
    the fields passed here change, so the one-click mood save keeps any details saved
    earlier that day."""
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    day = date or today_for(owner)
    if day > today_for(owner):
        raise ValidationError({"date": "A check-in is for today or a day that has passed."})
    existing = CheckIn.objects.select_for_update().filter(owner=owner, date=day).first()
    if existing is not None:
        return _apply(existing, mood, details)
    try:
        with transaction.atomic():
            return _apply(CheckIn(owner=owner, date=day), mood, details, new=True)
    except IntegrityError:
        # The same day was saved a moment ago (a double click): update that one instead.
        existing = CheckIn.objects.select_for_update().get(owner=owner, date=day)
        return _apply(existing, mood, details)
