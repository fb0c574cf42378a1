"""Who is calling: a personal access token in `Authorization: Bearer`, or the browser session
(then with Django's CSRF check, as for any form). Tokens are checked here only, so they
never open a page or the settings."""

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from ninja.errors import AuthenticationError, AuthorizationError, Throttled
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from apps.accounts.selectors import api_token_for_secret
from apps.accounts.services import api_token_record_use
from apps.api.ratelimit import seconds_to_wait
from apps.core.dates import today_for, user_zone

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
MAKE_ONE = "Make one in Settings → API tokens."


class TokenAuth(HttpBearer):
    """A personal access token. A token that is sent but unusable is refused outright,
    never passed on to the session check."""

    def authenticate(self, request: HttpRequest, token: str):
        found = api_token_for_secret(secret=token.strip())
        if found is None or not found.owner.is_active:
            raise AuthenticationError(
                401, f"This token is not valid: it may have been revoked. {MAKE_ONE}"
            )
        owner = found.owner
        if found.is_expired_on(today_for(owner)):
            day = date_format(found.expires_on, "j F Y")
            raise AuthenticationError(401, f"This token stopped working after {day}. {MAKE_ONE}")
        if request.method not in SAFE_METHODS and not found.can_write:
            raise AuthorizationError(
                403, "This token can only read. Make a read-and-write token to change things."
            )
        wait = seconds_to_wait(token_id=found.pk)
        if wait is not None:
            allowed, period = settings.API_RATE_LIMIT
            refusal = Throttled(wait)
            refusal.message = (
                f"This token may make {allowed} requests every {period} seconds. "
                f"Try again in {wait} seconds."
            )
            raise refusal
        api_token_record_use(token=found)
        request.user = owner
        request.api_token = found
        # The session middleware saw nobody; dates and times follow this person from here.
        timezone.activate(user_zone(owner))
        return owner


class SessionAuth(APIKeyCookie):
    """The browser's session, for same-origin calls (the docs page's "Try it out", small
    scripts on Rebound's own pages). Writes need the X-CSRFToken header, as forms need their
    token."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None  # nobody signed in: not a CSRF problem, a 401
        if check_csrf(request):
            raise AuthorizationError(
                403,
                "The CSRF check failed. Calls made with the browser session must send the "
                "X-CSRFToken header; scripts should use a token instead.",
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None):
        return request.user if request.user.is_authenticated else None
