from apps.accounts.models import normalise_email


def username_from_request(request, credentials) -> str:
    """Count failed logins per address however it was typed (case, spaces)."""
    if credentials and credentials.get("username"):
        return normalise_email(credentials["username"])
    return normalise_email(request.POST.get("username", ""))
