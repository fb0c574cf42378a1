import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils import timezone as django_timezone

from apps.accounts.models import (
    ApiToken,
    Digest,
    Invite,
    TokenAccess,
    User,
    api_token_digest,
    new_calendar_token,
    normalise_email,
)
from apps.core.dates import today_for

# Every token starts with this, so a secret pasted in the wrong place is easy to recognise
# (and for secret scanners to find).
API_TOKEN_PREFIX = "rbt_"
# "Last used" is kept to the minute: a busy script must not write on every request.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


EMAIL_TAKEN = "An account with this email address already exists. Try logging in instead."


INVITE_LIFETIME = datetime.timedelta(days=21)
INVITE_NEEDED = (
    "Sign-up on this Rebound is by invitation. Ask the person who runs it for an invite "
    "link, then open that link to sign up."
)
INVITE_SPENT = (
    "This invite link has been used or has expired. Ask the person who sent it for a new one."
)


def signup_mode() -> str:
    """DJANGO_SIGNUP: "open" (anyone may sign up), "invite" (only with an invite link) or
    "closed" (no new accounts)."""
    return settings.SIGNUP_MODE


def _open_invite(secret: str | None) -> Invite | None:
    """The invite for this secret while it still works, locked until the transaction ends
    so two sign-ups with one link cannot both use it."""
    if not secret:
        return None
    invite = Invite.objects.select_for_update().filter(digest=api_token_digest(secret)).first()
    if invite is None or not invite.is_open_on(timezone.now().date()):
        return None
    return invite


def invite_is_open(secret: str | None) -> bool:
    if not secret:
        return False
    invite = Invite.objects.filter(digest=api_token_digest(secret)).first()
    return invite is not None and invite.is_open_on(timezone.now().date())


def signup_allowed(invite: str | None) -> bool:
    """Whether the sign-up form may be shown. By invitation, the very first account (the
    person setting the server up) needs no invite: nobody could have made one yet."""
    mode = signup_mode()
    if mode == "open":
        return True
    if mode == "closed":
        return False
    return invite_is_open(invite) or not User.objects.exists()


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str,
    display_name: str = "",
    timezone: str = "UTC",
    invite: str | None = None,
) -> User:
    """A new account, when this server's sign-up mode allows it: always when "open", with
    an unused invite link when "invite" (the invite is spent in the same transaction),
    never when "closed". Two sign-ups with one address at the same moment both pass the
    form's check; the database's unique key stops the second, which gets the form's message."""
    mode = signup_mode()
    if mode == "closed":
        raise ValidationError("Sign-up is closed on this Rebound.")
    found = _open_invite(invite) if mode == "invite" else None
    # By invitation, the first account (the person setting up the server) needs no invite.
    if mode == "invite" and found is None and User.objects.exists():
        raise ValidationError(INVITE_SPENT if invite else INVITE_NEEDED)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email, password=password, display_name=display_name, timezone=timezone
            )
    except (IntegrityError, ValidationError):
        if User.objects.filter(email__iexact=normalise_email(email)).exists():
            raise ValidationError({"email": EMAIL_TAKEN}) from None
        raise
    if found is not None:
        found.used_at = django_timezone.now()
        found.save(update_fields=["used_at", "updated_at"])
    return user


@transaction.atomic
def invite_create(*, owner: User, note: str = "") -> tuple[Invite, str]:
    """A new invite link's invite and secret. The secret is returned once, never stored."""
    secret = secrets.token_urlsafe(24)
    invite = Invite(
        owner=owner,
        note=note,
        digest=api_token_digest(secret),
        expires_on=django_timezone.now().date() + INVITE_LIFETIME,
    )
    invite.full_clean()
    invite.save()
    return invite, secret


@transaction.atomic
def invite_revoke(*, invite: Invite) -> None:
    invite.delete()


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
    "digest",
    "digest_hour",
    "interview_reminders",
    "reminder_hours_before",
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


EMAIL_KINDS = {"digest": {"digest": Digest.OFF}, "reminder": {"interview_reminders": False}}


def email_unsubscribe(*, user: User, kind: str) -> None:
    """Stop one kind of email (one-click unsubscribe, RFC 8058). Only that setting changes,
    so nothing else on the account can stand in the way."""
    User.objects.filter(pk=user.pk).update(**EMAIL_KINDS[kind])
    for field, value in EMAIL_KINDS[kind].items():
        setattr(user, field, value)


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
    transaction. Returns how many tokens were revoked.

    The calendar feed's secret address changes too: a new password often means something
    leaked, and the feed is read without logging in. (Password resets come here as well.)"""
    user.set_password(password)
    user.calendar_token = new_calendar_token()
    user.save(update_fields=["password", "calendar_token"])
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
