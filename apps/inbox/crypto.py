"""The mailbox app password, encrypted at rest with Fernet (from `cryptography`).

The key comes from DJANGO_MAILBOX_KEY. Without it, debug (development) derives a key from
the secret key so `make run` works; with debug off, mailboxes cannot be connected until the
operator sets it (settings.MAILBOX_KEY is then empty and mailbox_key_available() is False).
"""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


class MailboxKeyMissing(RuntimeError):
    pass


def mailbox_key_available() -> bool:
    return bool(settings.MAILBOX_KEY) or settings.DEBUG


def _fernet() -> Fernet:
    key = settings.MAILBOX_KEY
    if not key:
        if not settings.DEBUG:
            raise MailboxKeyMissing("DJANGO_MAILBOX_KEY is not set.")
        digest = hashlib.sha256(f"rebound-mailbox:{settings.SECRET_KEY}".encode()).digest()
        key = base64.urlsafe_b64encode(digest).decode()
    return Fernet(key)


def encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def decrypt(token: str) -> str:
    """The password, or "" when the token cannot be read (the key changed)."""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except (InvalidToken, ValueError):
        return ""
