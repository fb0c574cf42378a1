"""Login lockout (django-axes), set up in config/settings.py: five wrong passwords for one
email from one address lock that pair for the cool-off time, and every address also has a
cap on failures across all accounts, so nobody can try a few passwords on every account."""

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from apps.accounts.models import normalise_email


def username_from_request(request, credentials) -> str:
    """Count failed logins per address however it was typed (case, spaces)."""
    if credentials and credentials.get("username"):
        return normalise_email(credentials["username"])
    return normalise_email(request.POST.get("username", ""))


def failures_from_address(ip_address: str | None) -> int:
    """Failed logins from this address within the cool-off time, whichever accounts."""
    if not ip_address:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler, plus the cap per address across accounts. The address is the
    one axes worked out (request.axes_ip_address), so it follows DJANGO_PROXY_COUNT."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self._address_capped(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        # Axes marks the request for its lockout page by its own count only; the cap per
        # address gets the same page.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and not request.axes_locked_out and self._address_capped(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def _address_capped(self, request) -> bool:
        address = getattr(request, "axes_ip_address", None)
        return failures_from_address(address) >= settings.LOGIN_FAILURES_PER_ADDRESS
