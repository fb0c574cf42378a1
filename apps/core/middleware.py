from django.core.exceptions import BadRequest
from django.utils import timezone

from apps.core.dates import user_zone


class UserTimezoneMiddleware:
    """Shows every datetime in the signed-in person's own timezone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user_zone(user))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class RefuseNulBytesMiddleware:
    """A NUL byte has no place in an address: PostgreSQL cannot store or even compare text
    that holds one, so a search or a token carrying it would end in a server error. Such a
    request is answered 400 (templates/400.html) before any view reads it. Posted forms
    refuse NUL themselves (every CharField prohibits it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("A NUL character in the address.")
        return self.get_response(request)
