"""Reads of the inbox: the waiting suggestions with what their cards need, and the count
the dashboard shows."""

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet

from apps.applications.models import Application, Status
from apps.applications.selectors import applications_for
from apps.inbox.forms import NEW_APPLICATION
from apps.inbox.models import Kind, Mailbox, Source, State, Suggestion

# Applications offered besides the matched ones, when the match is wrong.
OTHER_CHOICES = 40
PAGE_LIMIT = 50


def waiting_suggestions(*, user) -> QuerySet[Suggestion]:
    return Suggestion.objects.for_user(user).filter(state=State.WAITING)


def held_while_resting(user, today: datetime.date) -> bool:
    return user.is_resting_on(today)


def waiting_count(*, user, today: datetime.date) -> int:
    """Suggestions waiting for the person; a rejection read from the mailbox waits quietly
    while they rest."""
    waiting = waiting_suggestions(user=user)
    if held_while_resting(user, today):
        waiting = waiting.exclude(kind=Kind.REJECTION, source=Source.MAILBOX)
    return waiting.count()


@dataclass
class Card:
    suggestion: Suggestion
    matched: list[tuple[str, str]]  # the applications the email seems to be about
    others: list[tuple[str, str]]  # the person's other recent applications
    initial_target: str  # "" when several fit and the person picks

    @property
    def choices(self) -> list[tuple[str, str]]:
        """Every value the card's "which application?" menu may send."""
        return [*self.matched, (NEW_APPLICATION, "A new application"), *self.others]


@dataclass
class InboxPage:
    cards: list[Card] = field(default_factory=list)
    held: list[Card] = field(default_factory=list)  # rejections waiting for the rest to end
    more: int = 0


def _label(application: Application) -> str:
    return (
        f"{application.company.name}: {application.role_title} ({application.get_status_display()})"
    )


def cards_for(*, user, suggestions: list[Suggestion]) -> list[Card]:
    """Cards for these suggestions: each offers its matched or candidate applications first,
    then the person's most recently active ones, then "a new application". Two queries
    however many cards."""
    ids = {pk for s in suggestions for pk in (s.candidate_ids or [])}
    ids |= {s.application_id for s in suggestions if s.application_id}
    mine = applications_for(user=user)
    by_id = {app.pk: app for app in mine.filter(pk__in=ids)} if ids else {}
    recent = list(
        mine.filter(archived=False)
        .exclude(status__in=[Status.REJECTED, Status.ACCEPTED])
        .order_by("-status_changed_on", "-id")[:OTHER_CHOICES]
    )
    cards = []
    for suggestion in suggestions:
        first = [by_id[pk] for pk in suggestion.candidate_ids or [] if pk in by_id]
        if suggestion.application_id in by_id and by_id[suggestion.application_id] not in first:
            first.insert(0, by_id[suggestion.application_id])
        matched = [(f"app:{app.pk}", _label(app)) for app in first]
        others = [(f"app:{app.pk}", _label(app)) for app in recent if app not in first]
        if suggestion.application_id in by_id:
            initial = f"app:{suggestion.application_id}"
        elif first:
            initial = ""
        else:
            initial = NEW_APPLICATION
        cards.append(Card(suggestion, matched=matched, others=others, initial_target=initial))
    return cards


def inbox_page(*, user, today: datetime.date) -> InboxPage:
    waiting = waiting_suggestions(user=user).order_by("-created_at", "-id")
    rows = list(waiting[: PAGE_LIMIT + 1])
    more = max(0, len(rows) - PAGE_LIMIT)
    cards = cards_for(user=user, suggestions=rows[:PAGE_LIMIT])
    page = InboxPage(more=more)
    resting = held_while_resting(user, today)
    for card in cards:
        suggestion = card.suggestion
        held = resting and suggestion.kind == Kind.REJECTION and suggestion.source == Source.MAILBOX
        (page.held if held else page.cards).append(card)
    return page


def mailbox_for(*, user) -> Mailbox | None:
    return Mailbox.objects.for_user(user).first()
