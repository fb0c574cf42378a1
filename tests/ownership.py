"""Routes that take an object id, with a way to make an object of that kind for any owner.

Every route with URL arguments must appear here (or in NOT_OWNED_ROUTES), so the test
that proves "another person's id is a 404" covers new routes without being edited.
"""

from collections.abc import Callable

# route name -> function(owner) returning the URL kwargs of a fresh object owned by owner
OWNED_ROUTES: dict[str, Callable[..., dict]] = {}

# Routes whose arguments are not a user's object id.
NOT_OWNED_ROUTES = {
    "accounts:password_reset_confirm",  # a signed token, checked by Django
}
