import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import ApiToken, TokenAccess, User, api_token_digest, normalise_email
from apps.core.dates import today_for

# Every token starts with this, so a secret pasted in the wrong place is easy to recognise
# (and for secret scanners to find).
API_TOKEN_PREFIX = "rbt_"
# "Last used" is kept to the minute: a busy script must not write on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


EMAIL_TAKEN = "An account with this email address already exists. Try logging in instead."


@transaction.atomic
def user_create(
    *, email: str, password: str, display_name: str = "", timezone: str = "UTC"
) -> User:
    """A new account. Two sign-ups with one address at the same moment both pass the form's
    check; the database's unique key stops the second, which gets the form's message."""
    try:
        with transaction.atomic():
            return User.objects.create_user(
                email=email, password=password, display_name=display_name, timezone=timezone
            )
    except (IntegrityError, ValidationError):
        if User.objects.filter(email__iexact=normalise_email(email)).exists():
            raise ValidationError({"email": EMAIL_TAKEN}) from None
        raise


def account_lock(*, user: User) -> None:
    """Hold the person's row until the surrounding transaction ends. Writes that first check
    and then create (a new company by name, "is the account still empty?") take this lock
    so two requests from one person run one after the other instead of both passing the
    check. Other people are never held up. Call it inside a transaction."""
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


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
    """A rest ends today at the earliest and PAUSE_LIMIT_DAYS from today at the latest."""
    if resting_until is None:
        return
    if resting_until < today:
        raise ValidationError({"resting_until": "Choose today or a later date, or leave it empty."})
    if (resting_until - today).days > PAUSE_LIMIT_DAYS:
        raise ValidationError(
            {"resting_until": f"You can rest for up to {PAUSE_LIMIT_DAYS} days at a time."}
        )


@transaction.atomic
def user_settings_update(*, user: User, **fields) -> User:
    """Save the person's settings. Dates such as the end of a rest are read in the
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


@transaction.atomic
def password_change(*, user: User, password: str, revoke_api_tokens: bool = False) -> int:
    """Set a new password and, when the person asks, revoke every API token in the same
    transaction. Returns how many tokens were revoked."""
    user.set_password(password)
    user.save(update_fields=["password"])
    return api_tokens_revoke_all(owner=user) if revoke_api_tokens else 0


@transaction.atomic
def api_token_create(
    *, owner: User, name: str, access: str, expires_on: datetime.date | None = None
) -> tuple[ApiToken, str]:
    """A new personal access token. Returns the token and its secret, which is not stored
    anywhere and so can be shown only this once."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Give the token a name, for example “phone shortcut”."})
    if access not in TokenAccess.values:
        raise ValidationError({"access": "Choose read only, or read and write."})
    if expires_on is not None and expires_on < today_for(owner):
        raise ValidationError({"expires_on": "Choose today or a later date, or leave it empty."})
    secret = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        owner=owner,
        name=name,
        access=access,
        expires_on=expires_on,
        digest=api_token_digest(secret),
        hint=secret[: len(API_TOKEN_PREFIX) + 4],
    )
    token.full_clean()
    token.save()
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken) -> None:
    """The token stops working at once: nothing is left to match its secret."""
    token.delete()


@transaction.atomic
def api_tokens_revoke_all(*, owner: User) -> int:
    deleted, _by_model = ApiToken.objects.for_user(owner).delete()
    return deleted


def api_token_record_use(*, token: ApiToken) -> None:
    """Remember when the token was last used, at most once a minute."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
