"""Reading one email, from the raw message (an .eml file, IMAP) or from pasted text.

The standard library's parser with the modern policy decodes headers (non-ASCII names
included), quoted-printable and base64 bodies and every declared charset. HTML parts become
plain text (see htmltext); nothing of an email is ever rendered as HTML.
"""

import datetime
import email
import email.policy
import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError, MessageDefect
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime

from apps.inbox.htmltext import html_to_text

# The most of a body that is read: classification looks at the start of a message, and a
# kept message is cut far shorter than this anyway.
TEXT_LIMIT = 100_000
# Defects after which a multipart message cannot be trusted to say where its parts are.
BROKEN_STRUCTURE = (
    email.errors.NoBoundaryInMultipartDefect,
    email.errors.StartBoundaryNotFoundDefect,
    email.errors.MultipartInvariantViolationDefect,
)
HEADER_LINE = re.compile(r"^([A-Za-zÀ-ÿ][\w\-]*(?: [\w\-]+)?)\s*:\s?(.*)$")
# How mail programs label the visible headers of a copied message, in a few languages.
LOCAL_HEADER_NAMES = {
    "from": "From", "von": "From", "de": "From", "van": "From",
    "to": "To", "an": "To", "à": "To", "a": "To",
    "cc": "Cc", "subject": "Subject", "betreff": "Subject", "objet": "Subject",
    "onderwerp": "Subject", "date": "Date", "sent": "Date", "datum": "Date",
    "gesendet": "Date", "envoyé": "Date", "envoyé le": "Date", "verzonden": "Date",
    "reply-to": "Reply-To", "message-id": "Message-ID",
}  # fmt: skip
# Headers whose presence means the first block of a paste is a real header block.
RAW_HEADER_NAMES = {
    "received", "return-path", "mime-version", "content-type", "delivered-to",
    "content-transfer-encoding", "list-unsubscribe", "list-id", "precedence",
    "in-reply-to", "references", "auto-submitted", "dkim-signature",
}  # fmt: skip


class UnreadableEmail(ValueError):
    """The input is not an email Rebound can read; the message says why, for the person."""


@dataclass
class ParsedEmail:
    sender_name: str = ""
    sender_address: str = ""
    subject: str = ""
    sent_at: datetime.datetime | None = None
    message_id: str = ""
    text: str = ""
    is_reply: bool = False
    is_bulk: bool = False  # list or bulk headers: newsletters, digests, marketing
    recipients: list[str] = field(default_factory=list)

    @property
    def sender(self) -> str:
        if self.sender_name and self.sender_address:
            return f"{self.sender_name} <{self.sender_address}>"
        return self.sender_name or self.sender_address

    @property
    def sender_domain(self) -> str:
        return self.sender_address.rpartition("@")[2]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\0" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return bool(sample) and controls / len(sample) > 0.05


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except (HeaderParseError, IndexError, ValueError, AttributeError):
        return ""
    return " ".join(str(value).split()) if value is not None else ""


def _date(message: EmailMessage) -> datetime.datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        value = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    return value


def _part_text(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except (LookupError, UnicodeError, AssertionError, ValueError, AttributeError, KeyError):
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def _body_text(message: EmailMessage) -> str:
    """The plain text part; the HTML part turned into text when the plain one is missing or
    is only a stub ("view this email in your browser")."""
    plain, html = "", ""
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        content_type = part.get_content_type()
        if content_type == "text/plain" and not plain:
            plain = _part_text(part)
        elif content_type == "text/html" and not html:
            html = _part_text(part)
    if not html:
        return plain
    html_text = html_to_text(html[: TEXT_LIMIT * 4])
    if not plain.strip() or (len(plain.strip()) < 40 and len(html_text) > 3 * len(plain)):
        return html_text
    return plain


def _from_message(message: EmailMessage) -> ParsedEmail:
    name, address = "", ""
    senders = getaddresses([_header(message, "From")])
    if senders:
        name, address = senders[0]
    recipients = [addr.lower() for _, addr in getaddresses([_header(message, "To")]) if addr]
    subject = _header(message, "Subject")
    precedence = _header(message, "Precedence").lower()
    text = _body_text(message).replace("\r\n", "\n")
    return ParsedEmail(
        sender_name=name.strip().strip('"'),
        sender_address=address.strip().lower(),
        subject=subject,
        sent_at=_date(message),
        message_id=_header(message, "Message-ID").strip("<>"),
        text=text[:TEXT_LIMIT].strip(),
        is_reply=bool(_header(message, "In-Reply-To"))
        or bool(re.match(r"^(re|aw|sv|antw|réf|ref)\s*:", subject, re.IGNORECASE)),
        is_bulk=bool(_header(message, "List-Unsubscribe") or _header(message, "List-Id"))
        or precedence in ("bulk", "list", "junk"),
        recipients=recipients,
    )


def parse_bytes(data: bytes) -> ParsedEmail:
    """An email from its raw bytes (an .eml file or a message fetched over IMAP)."""
    if not data or not data.strip():
        raise UnreadableEmail("The file is empty.")
    if _looks_binary(data):
        raise UnreadableEmail("This file is not an email: it holds binary data.")
    message = email.message_from_bytes(data, policy=email.policy.default)
    known = {key.lower() for key in message}
    if not known & {"from", "subject", "date", "message-id"}:
        raise UnreadableEmail(
            "This does not look like an email file: it has no From, Subject or Date line."
        )
    defects = list(message.defects)
    for part in message.walk():
        defects.extend(part.defects)
    if any(isinstance(defect, BROKEN_STRUCTURE) for defect in defects):
        raise UnreadableEmail(
            "The email's parts are broken (its MIME boundaries do not match), so it cannot "
            "be read safely. Save it again from your mail program, or paste its text."
        )
    parsed = _from_message(message)
    if not parsed.text and not parsed.subject:
        raise UnreadableEmail("The email has no subject and no text to read.")
    return parsed


def _header_block(lines: list[str]) -> list[tuple[str, str]] | None:
    """The (name, value) pairs of a pasted header block, or None when it is not one."""
    pairs: list[tuple[str, str]] = []
    for line in lines:
        if line[:1] in (" ", "\t") and pairs:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]} {line.strip()}")
            continue
        match = HEADER_LINE.match(line.strip())
        if not match:
            return None
        pairs.append((match.group(1).lower(), match.group(2).strip()))
    names = {name for name, _ in pairs}
    if "from" in names or "subject" in names or names & RAW_HEADER_NAMES:
        return pairs
    localised = {LOCAL_HEADER_NAMES.get(name) for name in names}
    return pairs if {"From", "Subject"} & localised else None


def parse_paste(text: str) -> ParsedEmail:
    """An email pasted into the page: the whole message with its headers (as a mail program
    shows or exports it, in English, German, French or Dutch), or only its text."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        raise UnreadableEmail("Paste the email first: the box was empty.")
    if "\0" in text:
        raise UnreadableEmail("The pasted text holds binary data; paste the email's text.")
    head, _, body = text.partition("\n\n")
    pairs = _header_block([line for line in head.split("\n") if line.strip()])
    if pairs is None:
        return ParsedEmail(text=text[:TEXT_LIMIT].strip())
    if {name for name, _ in pairs} & RAW_HEADER_NAMES:
        # A message's source: let the parser handle MIME parts and encodings.
        return _from_message(email.message_from_string(text, policy=email.policy.default))
    message = EmailMessage(policy=email.policy.default)
    for name, value in pairs:
        standard = LOCAL_HEADER_NAMES.get(name)
        if standard and standard not in message:
            try:
                message[standard] = value
            except (HeaderParseError, ValueError, MessageDefect):
                continue
    parsed = _from_message(message)
    parsed.text = body[:TEXT_LIMIT].strip()
    if parsed.sent_at is None and "Date" in message:
        parsed.sent_at = loose_date(_header(message, "Date"))
    return parsed


def loose_date(value: str) -> datetime.datetime | None:
    """A date as a mail program shows it ("Monday, 3 March 2025 14:02"), at noon UTC when
    no time is given; None when it cannot be read."""
    from apps.inbox.dates import find_datetime

    found = find_datetime(value, reference=None)
    return found.value if found else None
