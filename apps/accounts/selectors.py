"""Reads of the accounts domain that other apps (the API) use."""

from django.db.models import QuerySet

from apps.accounts.models import ApiToken, api_token_digest


def api_tokens_for(*, user) -> QuerySet[ApiToken]:
    """The person's tokens, newest first."""
    return ApiToken.objects.for_user(user).order_by("-created_at", "-id")


def api_token_for_secret(*, secret: str) -> ApiToken | None:
    """The token this secret belongs to, with its owner, or None. Looked up by digest, so
    the comparison never touches the secret itself."""
    if not secret or len(secret) > 200:
        return None
    return ApiToken.objects.select_related("owner").filter(digest=api_token_digest(secret)).first()
