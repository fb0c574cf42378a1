"""Writes of the inbox: keeping a suggestion, acting on it with one click, setting it aside,
and the mailbox (its settings and its polling). Every change to another app's data goes
through that app's services."""

import datetime
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.applications.models import Application, InterviewKind, Status
from apps.applications.services import (
    application_create,
    application_move,
    correspondence_add,
    interview_schedule,
)
from apps.core.dates import today_for, user_zone
from apps.core.limits import TEXT_MAX_CHARS
from apps.inbox import crypto, imap
from apps.inbox.classify import is_candidate
from apps.inbox.matching import ApplicationIndex
from apps.inbox.models import Kind, Mailbox, Source, State, Suggestion
from apps.inbox.parsing import UnreadableEmail, parse_bytes
from apps.inbox.reading import Outcome, own_addresses, read_email
from apps.rejections.services import rejection_log, rejection_log_new

log = logging.getLogger(__name__)

KEPT_TEXT_LIMIT = TEXT_MAX_CHARS
# One step further along for "next steps" news.
NEXT_STATUS = {
    Status.WISHLIST: Status.SCREENING,
    Status.APPLIED: Status.SCREENING,
    Status.SCREENING: Status.INTERVIEWING,
}


class AlreadyHandled(Exception):
    """The suggestion was acted on or set aside already (a second click, another tab)."""


@transaction.atomic
def suggestion_keep(*, owner, outcome: Outcome, source: str) -> Suggestion:
    """Keep an email that is about the search as a suggestion; the same email twice gives
    the same suggestion back."""
    if not outcome.is_about_search:
        raise ValueError("Only emails about the search are kept.")
    existing = Suggestion.objects.for_user(owner).filter(fingerprint=outcome.fingerprint).first()
    if existing is not None:
        return existing
    parsed, match = outcome.parsed, outcome.match
    suggestion = Suggestion(
        owner=owner,
        kind=outcome.reading.kind,
        source=source,
        fingerprint=outcome.fingerprint,
        sender=parsed.sender[:300],
        subject=parsed.subject[:300],
        sent_at=parsed.sent_at,
        text=parsed.text[:KEPT_TEXT_LIMIT],
        company_name=match.company[:200],
        role_title=match.role[:200],
        application_id=match.application_id,
        candidate_ids=match.candidate_ids,
        match_note=match.how[:200],
        confidence=outcome.reading.confidence,
        reasons=outcome.reading.reasons,
        proposed_at=outcome.proposed_at,
    )
    suggestion.full_clean(exclude=["application"])
    try:
        # A savepoint, so losing a race with a parallel double submit keeps the transaction.
        with transaction.atomic():
            suggestion.save()
    except IntegrityError:
        return Suggestion.objects.for_user(owner).get(fingerprint=outcome.fingerprint)
    return suggestion


@transaction.atomic
def suggestion_reclassify(*, suggestion: Suggestion, kind: str) -> Suggestion:
    """The person says the email is another kind of news."""
    if kind not in Kind.values:
        raise ValidationError({"kind": "Choose one of the kinds of news."})
    suggestion.kind = kind
    suggestion.reasons = [f"you said it is {Kind(kind).label.lower()}"]
    suggestion.save(update_fields=["kind", "reasons", "updated_at"])
    return suggestion


@transaction.atomic
def suggestion_dismiss(*, suggestion: Suggestion) -> Suggestion:
    """Not about the search: everything read from the email is dropped; only its
    fingerprint stays so the mailbox does not offer it again."""
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.state != State.WAITING:
        raise AlreadyHandled
    for field in ("sender", "subject", "text", "company_name", "role_title", "match_note"):
        setattr(locked, field, "")
    locked.reasons, locked.candidate_ids = [], []
    locked.sent_at = locked.proposed_at = None
    locked.application = None
    locked.state = State.DISMISSED
    locked.acted_at = timezone.now()
    locked.save()
    return locked


def _heard_on(suggestion: Suggestion, application: Application | None) -> datetime.date:
    """The email's day where the person is; never in the future, never before the
    application's last move."""
    owner = suggestion.owner
    today = today_for(owner)
    day = today
    if suggestion.sent_at:
        day = min(timezone.localtime(suggestion.sent_at, user_zone(owner)).date(), today)
    if application is not None:
        day = max(day, application.status_changed_on)
    return day


def _new_application(suggestion: Suggestion, company_name: str, role_title: str, **extra):
    if not company_name.strip() or not role_title.strip():
        raise ValidationError("Type the company and the role, or choose an application.")
    return application_create(
        owner=suggestion.owner,
        company_name=company_name,
        role_title=role_title,
        note="Added from an email.",
        **extra,
    )


def _act_on_rejection(suggestion, application, company_name, role_title) -> Application:
    if application is None:
        day = _heard_on(suggestion, None)
        rejection = rejection_log_new(
            owner=suggestion.owner,
            company_name=company_name,
            role_title=role_title,
            received_on=day,
            notes="Logged from an email.",
        )
        return rejection.application
    rejection_log(
        application=application,
        received_on=_heard_on(suggestion, application),
        notes="Logged from an email.",
    )
    return application


def _act_on_interview(suggestion, application, interview_at, interview_kind) -> None:
    if interview_at is not None:
        interview_schedule(
            application=application,
            scheduled_at=interview_at,
            kind=interview_kind or InterviewKind.OTHER,
            notes=f"From the email “{suggestion.subject}”."[:500],
        )
    elif application.status in (Status.WISHLIST, Status.APPLIED, Status.SCREENING):
        application_move(
            application=application,
            status=Status.INTERVIEWING,
            on=_heard_on(suggestion, application),
            note="Interview arranged by email.",
        )


@transaction.atomic
def suggestion_act(
    *,
    suggestion: Suggestion,
    application: Application | None,
    company_name: str = "",
    role_title: str = "",
    interview_at: datetime.datetime | None = None,
    interview_kind: str = "",
) -> Application:
    """The one click: do what the news means for the application (or a new one for this
    company and role), keep the email on its timeline, and close the suggestion. All or
    nothing; a second click raises AlreadyHandled."""
    locked = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.state != State.WAITING:
        raise AlreadyHandled
    kind = locked.kind
    if application is not None and application.owner_id != locked.owner_id:
        raise ValidationError("Choose one of your applications.")
    if kind == Kind.REJECTION:
        application = _act_on_rejection(locked, application, company_name, role_title)
    elif application is None:
        status = Status.WISHLIST if kind == Kind.OUTREACH else Status.APPLIED
        extra = {"source": "recruiter"} if kind == Kind.OUTREACH else {}
        if status == Status.APPLIED:
            extra["applied_on"] = _heard_on(locked, None)
        application = _new_application(locked, company_name, role_title, status=status, **extra)
    if kind == Kind.INTERVIEW:
        _act_on_interview(locked, application, interview_at, interview_kind)
    elif kind == Kind.NEXT_STEPS and application.status in NEXT_STATUS:
        application_move(
            application=application,
            status=NEXT_STATUS[application.status],
            on=_heard_on(locked, application),
            note="Moved forward by email.",
        )
    elif kind == Kind.OFFER and application.status not in (Status.OFFER, Status.ACCEPTED):
        application_move(
            application=application,
            status=Status.OFFER,
            on=_heard_on(locked, application),
            note="Offer received by email.",
        )
    elif kind == Kind.ACKNOWLEDGEMENT and application.status == Status.WISHLIST:
        application_move(
            application=application,
            status=Status.APPLIED,
            on=_heard_on(locked, application),
            note="The application was confirmed by email.",
        )
    correspondence_add(
        application=application,
        sender=locked.sender,
        subject=locked.subject,
        sent_at=locked.sent_at,
        text=locked.text,
    )
    # The email now lives on the application's timeline; the suggestion keeps no copy.
    locked.text = ""
    locked.state = State.DONE
    locked.application = application
    locked.acted_at = timezone.now()
    locked.save()
    return application


# Mailbox ---------------------------------------------------------------------------------


@transaction.atomic
def mailbox_save(
    *,
    owner,
    host: str,
    port: int,
    security: str,
    username: str,
    password: str,
    folder: str,
    since: datetime.date | None,
    enabled: bool,
) -> Mailbox:
    """Create or change the person's mailbox. A blank password keeps the stored one.
    Pointing it at another server, account or folder starts reading afresh."""
    mailbox = Mailbox.objects.for_user(owner).first() or Mailbox(owner=owner)
    moved = (mailbox.host, mailbox.username, mailbox.folder) != (host, username, folder)
    if not password and not mailbox.password_token:
        raise ValidationError({"password": "Enter the app password for this mailbox."})
    if security == "none" and not imap.is_loopback(host):
        raise ValidationError(
            {"security": "Only a server on this machine may be read without encryption."}
        )
    mailbox.host, mailbox.port, mailbox.security = host, port, security
    mailbox.username, mailbox.folder, mailbox.since = username, folder or "INBOX", since
    mailbox.enabled = enabled
    if password:
        mailbox.password_token = crypto.encrypt(password)
    if moved or mailbox.pk is None:
        mailbox.uidvalidity, mailbox.last_uid = None, 0
        mailbox.last_error, mailbox.last_error_at = "", None
    mailbox.full_clean()
    mailbox.save()
    return mailbox


@transaction.atomic
def mailbox_delete(*, mailbox: Mailbox) -> None:
    mailbox.delete()


def mailbox_account(mailbox: Mailbox) -> imap.Account:
    return imap.Account(
        host=mailbox.host,
        port=mailbox.port,
        security=mailbox.security,
        username=mailbox.username,
        password=crypto.decrypt(mailbox.password_token),
        folder=mailbox.folder,
        timeout=settings.MAILBOX_TIMEOUT_SECONDS,
    )


def _record_error(mailbox: Mailbox, message: str) -> None:
    mailbox.last_error, mailbox.last_error_at = message, timezone.now()
    Mailbox.objects.filter(pk=mailbox.pk).update(
        last_error=message, last_error_at=mailbox.last_error_at
    )


def mailbox_poll(*, mailbox: Mailbox) -> imap.PollResult:
    """Read the new messages of one mailbox, read-only. Headers come first; only messages
    that may be about the search have their bodies fetched, and only those about it are
    kept. Each batch is written together with the UID reached, so a connection lost
    midway keeps what was done and the rest is read next time, never twice."""
    owner = mailbox.owner
    index = ApplicationIndex.for_user(owner)
    known = index.known_keys()
    addresses = own_addresses(owner, mailbox.username)
    result = imap.PollResult()

    def candidate(headers: imap.Headers) -> bool:
        return is_candidate(
            sender_name=headers.sender_name,
            sender_address=headers.sender_address,
            subject=headers.subject,
            known=known,
        )

    try:
        with imap.session(mailbox_account(mailbox)) as session:
            restart = session.uidvalidity != mailbox.uidvalidity
            after = 0 if restart else mailbox.last_uid
            for batch in session.new_messages(after_uid=after, since=mailbox.since, want=candidate):
                with transaction.atomic():
                    for raw in batch.bodies:
                        result.created += _keep_if_about_search(owner, raw, index, addresses)
                    Mailbox.objects.filter(pk=mailbox.pk).update(
                        uidvalidity=session.uidvalidity, last_uid=batch.last_uid
                    )
                mailbox.uidvalidity, mailbox.last_uid = session.uidvalidity, batch.last_uid
                result.headers_read += batch.headers_read
                result.bodies_read += len(batch.bodies)
    except imap.MailboxError as error:
        result.error = str(error)
        _record_error(mailbox, result.error)
        return result
    mailbox.last_polled_at, mailbox.last_error = timezone.now(), ""
    Mailbox.objects.filter(pk=mailbox.pk).update(
        last_polled_at=mailbox.last_polled_at, last_error="", last_error_at=None
    )
    return result


def _keep_if_about_search(owner, raw: bytes, index, addresses) -> int:
    try:
        parsed = parse_bytes(raw)
    except UnreadableEmail:
        return 0
    outcome = read_email(parsed, owner=owner, index=index, addresses=addresses)
    if not outcome.is_about_search:
        return 0
    before = Suggestion.objects.for_user(owner).filter(fingerprint=outcome.fingerprint).exists()
    suggestion_keep(owner=owner, outcome=outcome, source=Source.MAILBOX)
    return 0 if before else 1


def mailboxes_poll() -> int:
    """Poll every mailbox that is turned on (unless the operator switched mailbox reading
    off). Returns how many new suggestions were made. One mailbox's trouble is recorded on
    it and does not stop the others."""
    if not settings.MAILBOX_READING or not crypto.mailbox_key_available():
        return 0
    created = 0
    for mailbox in Mailbox.objects.filter(enabled=True).select_related("owner").order_by("pk"):
        result = mailbox_poll(mailbox=mailbox)
        if result.error:
            log.warning("Mailbox %s: %s", mailbox.pk, result.error)
        created += result.created
    return created
