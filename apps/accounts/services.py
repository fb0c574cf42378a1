import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.models import User
from apps.core.dates import today_for


@transaction.atomic
def user_create(
    *, email: str, password: str, display_name: str = "", timezone: str = "UTC"
) -> User:
    return User.objects.create_user(
        email=email, password=password, display_name=display_name, timezone=timezone
    )


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the person and, through CASCADE on every owner key, every row they own."""
    user.delete()


PAUSE_LIMIT_DAYS = 90
# What the settings page may change.
SETTINGS_FIELDS = (
    "display_name",
    "timezone",
    "weekly_application_goal",
    "weekly_networking_goal",
    "resting_until",
    "stale_after_days",
    "auto_close_stale",
)


def _check_resting_until(resting_until: datetime.date | None, *, today: datetime.date) -> None:
    """Pause mode ends today at the earliest and PAUSE_LIMIT_DAYS from today at the latest."""
    if resting_until is None:
        return
    if resting_until < today:
        raise ValidationError({"resting_until": "Choose today or a later date, or leave it empty."})
    if (resting_until - today).days > PAUSE_LIMIT_DAYS:
        raise ValidationError(
            {"resting_until": f"Pause mode can last up to {PAUSE_LIMIT_DAYS} days at a time."}
        )


@transaction.atomic
def user_settings_update(*, user: User, **fields) -> User:
    """Save the person's settings. Dates such as the end of pause mode are read in the
    timezone being saved. The instance passed in is updated."""
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    for field, value in fields.items():
        setattr(user, field, value)
    _check_resting_until(user.resting_until, today=today_for(user))
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(fields))
    return user


@transaction.atomic
def pause_mode_start(*, user: User, days: int) -> User:
    """Rest from the search for a few days: nudges go quiet and streaks wait until then."""
    if days < 1:
        raise ValidationError({"resting_until": "Choose at least one day of rest."})
    today = today_for(user)
    resting_until = today + datetime.timedelta(days=days)
    _check_resting_until(resting_until, today=today)
    user.resting_until = resting_until
    user.save(update_fields=["resting_until"])
    return user
