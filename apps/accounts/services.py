from django.db import transaction

from apps.accounts.models import User


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
