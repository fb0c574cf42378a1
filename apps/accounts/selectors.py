"""Reads of the accounts domain that other apps need."""

from django.db.models import QuerySet

from apps.accounts.models import ApiToken, Invite, User, api_token_digest


def user_by_calendar_token(token: str) -> User | None:
    """The active person whose private calendar address carries this secret, if any."""
    if not token:
        return None
    return User.objects.filter(calendar_token=token, is_active=True).first()


def api_tokens_for(*, user) -> QuerySet[ApiToken]:
    """The person's tokens, newest first."""
    return ApiToken.objects.for_user(user).order_by("-created_at", "-id")


def api_token_for_secret(*, secret: str) -> ApiToken | None:
    """The token this secret belongs to, with its owner, or None. Looked up by digest, so
    the comparison never touches the secret itself."""
    if not secret or len(secret) > 200:
        return None
    return ApiToken.objects.select_related("owner").filter(digest=api_token_digest(secret)).first()


def invites_for(*, user) -> QuerySet[Invite]:
    """The person's invite links, newest first."""
    return Invite.objects.for_user(user)
