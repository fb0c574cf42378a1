"""Talking to an IMAP server with IMAPClient, strictly read-only: the folder is opened
with EXAMINE and every fetch uses BODY.PEEK, so no flag changes and nothing moves.

Errors become MailboxError with a sentence the person can act on.
"""

import contextlib
import datetime
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parseaddr

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

# UIDs handled per round trip: small enough to keep memory flat, large enough to be quick.
BATCH_SIZE = 250
# Bigger messages are not read at all: job-search mail is small, attachments aside.
MAX_MESSAGE_BYTES = 5 * 1024 * 1024
HEADER_FIELDS = b"BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)]"
HEADER_KEY = b"BODY[HEADER.FIELDS (FROM SUBJECT)]"


class MailboxError(Exception):
    pass


@dataclass(frozen=True)
class Account:
    host: str
    port: int
    security: str  # "tls", "starttls" or "none"
    username: str
    password: str
    folder: str = "INBOX"
    timeout: float = 20

    def __repr__(self) -> str:  # never print the password
        return f"Account({self.username!r} at {self.host}:{self.port})"


@dataclass
class Headers:
    sender_name: str
    sender_address: str
    subject: str


@dataclass
class Batch:
    last_uid: int
    headers_read: int
    bodies: list[bytes]


@dataclass
class PollResult:
    headers_read: int = 0
    bodies_read: int = 0
    created: int = 0
    error: str = ""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _connect(account: Account) -> IMAPClient:
    context = ssl.create_default_context()
    try:
        client = IMAPClient(
            account.host,
            port=account.port,
            ssl=account.security == "tls",
            ssl_context=context,
            timeout=account.timeout,
        )
        if account.security == "starttls":
            client.starttls(context)
    except ssl.SSLError as error:
        raise MailboxError(
            f"The secure connection to {account.host} failed ({error.reason or error}). "
            "Check the port and the security setting, or ask your provider."
        ) from None
    except (socket.gaierror, ConnectionError, TimeoutError, OSError) as error:
        raise MailboxError(
            f"Could not reach {account.host} on port {account.port} "
            f"({getattr(error, 'strerror', None) or error}). Check the server name and "
            "port, and that this server can reach it."
        ) from None
    except IMAPClientError as error:
        raise MailboxError(f"{account.host} did not answer as an IMAP server ({error}).") from None
    return client


class Session:
    def __init__(self, client: IMAPClient, account: Account):
        self.client = client
        self.account = account
        self.uidvalidity: int | None = None

    def open_folder(self) -> None:
        try:
            exists = self.client.folder_exists(self.account.folder)
        except IMAPClientError:
            exists = True  # some servers refuse LIST; let EXAMINE decide
        if not exists:
            raise MailboxError(
                f"The mailbox has no folder called “{self.account.folder}”. Check its name "
                "(INBOX is the usual one)."
            )
        try:
            info = self.client.select_folder(self.account.folder, readonly=True)
        except IMAPClientError:
            raise MailboxError(
                f"The folder “{self.account.folder}” could not be opened for reading."
            ) from None
        self.uidvalidity = int(info[b"UIDVALIDITY"])

    def new_messages(
        self,
        *,
        after_uid: int,
        since: datetime.date | None,
        want: Callable[[Headers], bool],
    ) -> Iterator[Batch]:
        """Batches of the messages after after_uid, oldest first: their headers are read,
        and the full message only of those `want` accepts."""
        criteria = ["UID", f"{after_uid + 1}:*"]
        if since:
            criteria += ["SINCE", since]
        # "n:*" always includes the newest message, even when it is older than n.
        uids = sorted(uid for uid in self.client.search(criteria) if uid > after_uid)
        for start in range(0, len(uids), BATCH_SIZE):
            chunk = uids[start : start + BATCH_SIZE]
            answers = self.client.fetch(chunk, [HEADER_FIELDS, b"RFC822.SIZE"])
            wanted = [
                uid
                for uid, data in answers.items()
                if data.get(b"RFC822.SIZE", 0) <= MAX_MESSAGE_BYTES
                and want(_headers(data.get(HEADER_KEY, b"")))
            ]
            bodies = []
            if wanted:
                for _uid, data in sorted(self.client.fetch(wanted, [b"BODY.PEEK[]"]).items()):
                    if data.get(b"BODY[]"):
                        bodies.append(data[b"BODY[]"])
            yield Batch(last_uid=chunk[-1], headers_read=len(chunk), bodies=bodies)


def _decoded(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError):
        return value


def _headers(raw: bytes) -> Headers:
    # The legacy policy parses headers several times faster than the modern one, which
    # counts when thousands of messages are looked at only to be passed over.
    message = BytesHeaderParser(policy=compat32).parsebytes(raw)
    name, address = parseaddr(_decoded(message.get("From", "")))
    return Headers(
        sender_name=name,
        sender_address=address.lower(),
        subject=" ".join(_decoded(message.get("Subject", "")).split()),
    )


@contextlib.contextmanager
def session(account: Account) -> Iterator[Session]:
    """A logged-in, read-only session on the account's folder. A connection lost midway
    raises MailboxError."""
    if not account.password:
        raise MailboxError(
            "The stored password cannot be read (the server's mailbox key changed). "
            "Enter the app password again."
        )
    client = _connect(account)
    try:
        try:
            client.login(account.username, account.password)
            current = Session(client, account)
            current.open_folder()
        except LoginError:
            raise MailboxError(
                "The server refused the username or app password. Check them; many "
                "providers need an app password made for this, not your usual one."
            ) from None
        except (OSError, IMAPClientError) as error:
            raise MailboxError(
                f"{account.host} closed the connection before the folder opened ({error})."
            ) from None
        try:
            yield current
        except (OSError, IMAPClientError) as error:
            raise MailboxError(
                f"The connection to {account.host} was lost while reading ({error}). What "
                "was read so far is kept; the rest will be read next time."
            ) from None
    finally:
        with contextlib.suppress(Exception):
            client.logout()
        with contextlib.suppress(Exception):
            client.shutdown()


def check(account: Account) -> str:
    """Log in and open the folder; the sentence to show when everything works."""
    with session(account) as current:
        count = len(current.client.search(["ALL"]))
    return f"Connected. The folder “{account.folder}” holds {count:,} messages."
