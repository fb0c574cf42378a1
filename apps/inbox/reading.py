"""One email read from start to finish: what kind of news it is, which application it is
about, and any date it proposes. Reads only; services.py keeps what the person wants."""

import datetime
import hashlib
from dataclasses import dataclass

from django.utils import timezone

from apps.core.dates import today_for, user_zone
from apps.inbox import rules
from apps.inbox.classify import Reading, classify
from apps.inbox.dates import find_datetime
from apps.inbox.matching import ApplicationIndex, Match
from apps.inbox.parsing import ParsedEmail

KIND_LABELS = {
    rules.REJECTION: "a rejection",
    rules.INTERVIEW: "an interview",
    rules.NEXT_STEPS: "next steps",
    rules.OFFER: "an offer",
    rules.ACKNOWLEDGEMENT: "an application received",
    rules.OUTREACH: "recruiter outreach",
}


@dataclass
class Outcome:
    parsed: ParsedEmail
    reading: Reading
    match: Match | None
    proposed_at: datetime.datetime | None
    fingerprint: str

    @property
    def is_about_search(self) -> bool:
        return self.reading.is_about_search


def email_fingerprint(parsed: ParsedEmail) -> str:
    """The same email gives the same fingerprint whether pasted, uploaded or polled."""
    if parsed.message_id:
        basis = f"id:{parsed.message_id.lower()}"
    else:
        basis = "text:" + " ".join(f"{parsed.subject} {parsed.text}".split()).lower()
    return hashlib.sha256(basis.encode()).hexdigest()


def own_addresses(owner, *extra: str) -> frozenset[str]:
    addresses = {owner.email.lower(), *(value.lower() for value in extra if "@" in value)}
    return frozenset(addresses)


def read_email(
    parsed: ParsedEmail,
    *,
    owner,
    index: ApplicationIndex,
    addresses: frozenset[str] | None = None,
    forced_kind: str = "",
) -> Outcome:
    """Classify the email, match it to the person's applications and look for a date.
    forced_kind is the person's own answer to "what is it?" and wins over the rules."""
    reading = classify(parsed, own_addresses=addresses or own_addresses(owner))
    if forced_kind and forced_kind in KIND_LABELS:
        reading = Reading(forced_kind, 1.0, [f"you said it is {KIND_LABELS[forced_kind]}"])
    match = index.match(parsed, kind=reading.kind) if reading.is_about_search else None
    proposed_at = None
    if reading.kind in (rules.INTERVIEW, rules.NEXT_STEPS):
        zone = user_zone(owner)
        if parsed.sent_at:
            sent_day = timezone.localtime(parsed.sent_at, zone).date()
        else:
            sent_day = today_for(owner)
        found = find_datetime(parsed.text[:5000], reference=sent_day, zone=zone)
        proposed_at = found.value if found else None
    return Outcome(parsed, reading, match, proposed_at, email_fingerprint(parsed))
