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


@transaction.atomic
def pause_mode_start(*, user: User, days: int) -> User:
    """Rest from the search for a few days: nudges go quiet and streaks wait until then."""
    if not 1 <= days <= 90:
        raise ValidationError({"resting_until": "Pause mode can last from 1 to 90 days."})
    user.resting_until = today_for(user) + datetime.timedelta(days=days)
    user.save(update_fields=["resting_until"])
    return user
