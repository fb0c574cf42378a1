"""Reads of the accounts domain that other apps need."""

from apps.accounts.models import User


def user_by_calendar_token(token: str) -> User | None:
    """The active person whose private calendar address carries this secret, if any."""
    if not token:
        return None
    return User.objects.filter(calendar_token=token, is_active=True).first()
