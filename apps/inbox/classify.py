"""Which kind of job-search news an email is, and why: a rule-based reading that can
explain itself. The rules live in rules.py; this module only combines them."""

import re
import unicodedata
from dataclasses import dataclass, field

from apps.inbox import rules
from apps.inbox.matching import company_key
from apps.inbox.parsing import ParsedEmail
from apps.inbox.senders import ats_name, is_job_board, registrable_domain

# A kind is suggested only when its evidence reaches this.
THRESHOLD = 0.5
# Rejections are read from the start of a message; footers and digests follow later.
READ_CHARS = 12_000
QUOTE_MARKERS = re.compile(
    r"^(>|-{2,}\s*(original message|forwarded message|ursprüngliche nachricht|"
    r"weitergeleitete nachricht|message d'origine|message transféré|message transmis)|"
    r"_{10,}$|begin forwarded message:)",
    re.IGNORECASE,
)
WROTE_LINE = re.compile(
    r"^(on .{4,200} wrote:|am .{4,200} schrieb .{0,200}:|le .{4,200} a écrit ?:|"
    r"(from|von|de): .+\n(sent|date|gesendet|datum|envoyé)( le)?: )",
    re.IGNORECASE | re.MULTILINE,
)
FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|wg|tr|fw)\s*:", re.IGNORECASE)
SUBJECT_HINTS = {
    rules.INTERVIEW: re.compile(
        r"\b(interview|vorstellungsgespräch|gespräch|entretien|call with|chat with)\b"
    ),
    rules.OFFER: re.compile(r"\b(offer letter|job offer|your offer|angebot|offre d'emploi)\b"),
    rules.ACKNOWLEDGEMENT: re.compile(
        r"\b(application (received|confirmation)|thank you for applying|eingangsbestätigung|"
        r"bewerbung eingegangen|candidature reçue|accusé de réception)\b"
    ),
}
# Subject words worth fetching a body for, besides the ones above.
SUBJECT_WORTH_READING = re.compile(
    r"\b(offer|opportunit\w*|zusage|absage|einladung|invitation|next steps?|update on|"
    r"prochaine étape|proposition|entretien|candidature|bewerbung|vorstellungsgespräch)\b"
)
SUBJECT_ABOUT_APPLICATION = re.compile(
    r"\b(your application|application (for|to|update|status)|candidacy|bewerbung|"
    r"candidature|your candidacy)\b"
)


@dataclass
class Reading:
    kind: str
    confidence: float
    reasons: list[str] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)

    @property
    def is_about_search(self) -> bool:
        return self.kind != rules.OTHER


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("’", "'").replace("‘", "'").replace("\u00ad", "").replace("\u200b", "")
    return re.sub(r"[ \t\xa0]+", " ", text.lower())


def own_words(text: str) -> str:
    """The text the sender wrote in this message: quoted replies and forwarded messages
    below it are left out, so a reply that quotes a rejection is not one."""
    match = WROTE_LINE.search(text)
    cut = match.start() if match else len(text)
    lines = []
    for line in text[:cut].split("\n"):
        if QUOTE_MARKERS.match(line.strip()):
            break
        lines.append(line)
    return "\n".join(lines).strip()


def sender_signal(parsed: ParsedEmail) -> tuple[float, str]:
    """How much the sender alone says the message is about a job application."""
    domain = parsed.sender_domain
    if name := ats_name(domain):
        return 0.3, f"the sender is an applicant tracking system ({name})"
    local = parsed.sender_address.partition("@")[0]
    if rules.RECRUITING_LOCAL_PARTS.match(local) or rules.RECRUITING_NAMES.search(
        parsed.sender_name
    ):
        return 0.15, "the sender is a recruiting or careers address"
    return 0.0, ""


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? "))
    right_candidates = [i for i in (text.find(m, end) for m in (". ", "\n", "! ", "? ")) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def _quote(text: str) -> str:
    snippet = " ".join(text.split())
    return f"“{snippet[:80]}”"


def _evidence(text: str, has_context: bool) -> dict[str, list[tuple[float, str]]]:
    found: dict[str, list[tuple[float, str]]] = {}
    for rule in rules.RULES:
        if rule.needs_context and not has_context:
            continue
        for match in rule.pattern.finditer(text):
            weight = rule.weight
            before = text[max(0, match.start() - 40) : match.start()]
            if rule.negatable and rules.NEGATION_BEFORE.search(before):
                continue
            if rule.conditional:
                sentence = _sentence_around(text, match.start(), match.end())
                if rules.CONDITIONAL.search(sentence):
                    weight /= 3
            start = match.start()
            while start > 0 and not text[start - 1].isspace():
                start -= 1  # quote whole words: "won't", not "n't"
            found.setdefault(rule.kind, []).append((weight, _quote(text[start : match.end()])))
            break  # a rule counts once, however often it matches
    return found


def _combine(weights: list[float]) -> float:
    """Independent signals add up without ever reaching certainty."""
    remaining = 1.0
    for weight in weights:
        remaining *= 1 - weight
    return 1 - remaining


def classify(parsed: ParsedEmail, *, own_addresses: frozenset[str] = frozenset()) -> Reading:
    """Read one email. own_addresses are the person's own addresses: what they wrote
    themselves is never news about their search."""
    if parsed.sender_address and parsed.sender_address in own_addresses:
        return Reading(rules.OTHER, 0.95, ["you wrote this message yourself"])
    subject = normalise(parsed.subject)
    # Plain-text mail wraps lines at ~75 characters: join them so phrases match across
    # the wrap, keeping paragraph breaks.
    body = re.sub(r"(?<!\n)\n(?!\n)", " ", own_words(normalise(parsed.text)[:READ_CHARS]))
    text = f"{subject}\n{body}"
    reasons: list[str] = []
    if FORWARD_SUBJECT.match(subject) and not body:
        return Reading(rules.OTHER, 0.8, ["a forward with nothing added: paste the original"])
    sender_weight, sender_reason = sender_signal(parsed)
    board = is_job_board(parsed.sender_domain)
    if rules.DIGEST.search(text) and not sender_weight:
        return Reading(rules.OTHER, 0.9, ["a job-alert digest, not news about an application"])
    has_context = bool(rules.JOB_CONTEXT.search(text)) or sender_weight > 0
    evidence = _evidence(text, has_context)
    damping = 1.0
    ats = bool(ats_name(parsed.sender_domain))
    if (parsed.is_bulk or rules.MARKETING.search(text)) and not ats:
        # Mailing lists write about rejection in general; they are not news about yours.
        damping = 0.5
        reasons.append("a newsletter or marketing message")
    if rules.EVENT_CANCELLED.search(text):
        evidence.pop(rules.REJECTION, None)
        reasons.append("an event was cancelled, which is not about an application")
    scores = {}
    for kind, items in evidence.items():
        weights = [weight for weight, _ in items]
        if sender_weight and max(weights) >= 0.3:
            weights.append(sender_weight)
        hint = SUBJECT_HINTS.get(kind)
        if hint and hint.search(subject):
            weights.append(0.2)
        elif SUBJECT_ABOUT_APPLICATION.search(subject) and max(weights) >= 0.3:
            weights.append(0.1)
        scores[kind] = round(_combine(weights) * damping, 3)
    if board and not sender_weight:
        # A job board relays some real news, but also endless alerts: ask for more.
        scores = {kind: round(score * 0.8, 3) for kind, score in scores.items()}
    best = max(
        rules.KIND_PRIORITY,
        key=lambda kind: (scores.get(kind, 0), -rules.KIND_PRIORITY.index(kind)),
    )
    # A clear "no" outweighs the polite words around it ("thank you for applying...").
    if scores.get(rules.REJECTION, 0) >= THRESHOLD and best in (
        rules.ACKNOWLEDGEMENT,
        rules.NEXT_STEPS,
        rules.OUTREACH,
    ):
        best = rules.REJECTION
    if scores.get(best, 0) < THRESHOLD:
        if not reasons:
            reasons.append("nothing in it reads as news about an application")
        return Reading(rules.OTHER, round(1 - scores.get(best, 0), 2), reasons, scores)
    quotes: list[str] = []
    for _, quote in sorted(evidence[best], key=lambda item: -item[0]):
        # Overlapping rules often match the same words: say them once.
        bare = quote.strip("“”")
        if not any(bare in other or other.strip("“”") in bare for other in quotes):
            quotes.append(quote)
    reasons = ([sender_reason] if sender_reason else []) + quotes[:3] + reasons
    return Reading(best, min(0.99, scores[best]), reasons, scores)


def is_candidate(*, sender_name: str, sender_address: str, subject: str, known: set[str]) -> bool:
    """From the headers alone: might this message be about the person's search? Only these
    have their bodies fetched. `known` holds the person's company names and domains,
    normalised (see matching.company_key)."""
    domain = sender_address.rpartition("@")[2].lower()
    if ats_name(domain):
        return True
    local = sender_address.partition("@")[0].lower()
    if rules.RECRUITING_LOCAL_PARTS.match(local) or rules.RECRUITING_NAMES.search(sender_name):
        return True
    text = normalise(f"{sender_name} {subject}")
    if any(
        pattern.search(text)
        for pattern in (SUBJECT_ABOUT_APPLICATION, SUBJECT_WORTH_READING, rules.JOB_CONTEXT)
    ):
        return True
    if any(hint.search(text) for hint in SUBJECT_HINTS.values()):
        return True
    if registrable_domain(domain) in known:
        return True
    name_key = company_key(sender_name)
    return bool(name_key) and name_key in known
