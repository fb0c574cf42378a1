"""Which of the person's applications an email is about.

Company names are compared by a key that ignores letter case, accents, punctuation and legal
suffixes ("Globex GmbH" and "globex" are one company); a company's website domain counts
too. Roles are compared loosely, by their words. One clear application is a match; several
are offered as candidates; none means the person can add it.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from apps.applications.models import ACTIVE_STATUSES
from apps.applications.selectors import applications_for
from apps.inbox import rules
from apps.inbox.parsing import ParsedEmail
from apps.inbox.senders import ats_name, is_job_board, registrable_domain

LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "gbr", "ug", "ohg", "ev", "se", "sa", "sas",
    "sarl", "sasu", "eurl", "sca", "bv", "nv", "vof", "ab", "oy", "oyj", "as", "asa", "aps",
    "spa", "srl", "sl", "pty", "pte", "kk", "group", "holding", "holdings",
}  # fmt: skip
# Words around a company's name in a sender's display name.
SENDER_NOISE = re.compile(
    r"\b(via|from|at|the|talent( acquisition)?|recruit\w*|careers?|jobs?|hiring|team|hr|"
    r"people|no-?reply|notifications?|karriere|recrutement|rh|personalabteilung|"
    r"bewerber\w*|équipe|equipe|"
    r"human resources|ressources humaines|"
    + "|".join(re.escape(name.lower()) for name in set(rules.ATS_DOMAINS.values()))
    + r")\b",
    re.IGNORECASE,
)
GENERIC_SUBDOMAINS = {
    "mail", "email", "e", "m", "hire", "jobs", "job", "careers", "career", "app", "apps",
    "us", "eu", "www", "no-reply", "noreply", "notifications", "recruiting", "talent",
    "bounce", "mg", "em", "smtp", "mx", "news", "info", "wd1", "wd3", "wd5", "wd103",
}  # fmt: skip
NAME = r"([A-ZÀ-Ý0-9][\w&'’.\-]*(?: (?:[A-ZÀ-Ý0-9&][\w&'’.\-]*|de|of|and|&|und|et))*)"
COMPANY_PATTERNS = [
    re.compile(rf"\b(?:at|to|with|from|join|joining|bei|chez|auprès de|für) {NAME}"),
    re.compile(rf"\b(?:interest in|Interesse an|intérêt pour|applying to) {NAME}"),
    re.compile(rf"^{NAME}\s*[:|–-]\s"),
    re.compile(rf"^{NAME} (?:[Aa]pplication|[Bb]ewerbung|[Cc]andidature)\b"),
    re.compile(rf"\s[|–-]\s*{NAME}\s*$"),
]
# Words that open a subject line or a phrase but never name a company.
NOT_A_COMPANY_START = {
    "opportunity", "update", "application", "applications", "invitation", "interview",
    "offer", "next", "thank", "thanks", "re", "fwd", "fw", "aw", "wg", "tr", "your", "our",
    "the", "this", "ihre", "ihr", "ihrer", "unser", "unsere", "dein", "deine", "votre", "vos",
    "notre", "nos", "you", "us", "we", "le", "la", "les", "l'", "der", "die", "das", "merci",
    "entretien", "bewerbung", "candidature", "vorstellungsgespräch",
}  # fmt: skip
ROLE_END = (
    r"(?=\s+(?:at|with|bei|chez|in|for|im|au sein|position|role|job|has|have|was|is|will|"
    r"and|wurde|ist|a été|est)\b"
    r"|\s*[(|,.;:!\n–]|\s+-\s|$)"
)
ROLE = rf"(.{{3,70}}?){ROLE_END}"
ROLE_PATTERNS = [
    re.compile(rf"\b(?:position|role|job|opening|vacancy) (?:of|as) (?:an? )?{ROLE}"),
    re.compile(
        r"\b(?:for|about|regarding|to|in) (?:the|our|your|this) "
        r"((?:(?!\b(?:the|your|our|this|in|for|to|at)\b).){3,60}?) "
        r"(?:position|role|opening|vacancy|job)\b"
    ),
    re.compile(rf"\b(?:applied|applying|application) for (?:the |a |an )?{ROLE}"),
    re.compile(rf"\b(?:Bewerbung|Position|Stelle|Tätigkeit) als {ROLE}"),
    re.compile(rf"\b(?:au poste d['e] ?|pour le poste d['e] ?|poste d['e] ?){ROLE}"),
    re.compile(
        rf"^(?:re: |aw: )?(?:application|bewerbung|candidature)(?: \w+)?\s*[:–-]\s*{ROLE}",
        re.IGNORECASE,
    ),
]
GENDER_TAG = re.compile(r"\(\s*[mwfdxhv]\s*/\s*[mwfdxhv]\s*(?:/\s*[mwfdxhv])?\s*\)|\(all genders\)")
ROLE_SYNONYMS = {
    "developer": "engineer",
    "dev": "engineer",
    "sr": "senior",
    "jr": "junior",
    "mgr": "manager",
    "eng": "engineer",
    "entwickler": "engineer",
    "développeur": "engineer",
    "developpeur": "engineer",
    "ingénieur": "engineer",
}
ROLE_STOPWORDS = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "and",
    "in",
    "de",
    "der",
    "die",
    "das",
    "le",
    "la",
    "et",
    "und",
    "m",
    "w",
    "d",
    "f",
    "x",
    "h",
}
ROLE_LIKENESS = 0.6
# How many candidates a card offers when the email fits several applications.
CANDIDATE_LIMIT = 5


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def company_key(name: str) -> str:
    """ "Globex, Inc." -> "globex"; "Müller & Söhne GmbH" -> "muller sohne"."""
    text = re.sub(r"\b(?:\w\.){2,}", lambda m: m.group(0).replace(".", ""), _plain(name))
    words = re.sub(r"[^\w]+", " ", text.replace("&", " ")).split()
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def website_domain(url: str) -> str:
    if not url:
        return ""
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    return registrable_domain(host) if host else ""


def role_words(role: str) -> set[str]:
    text = GENDER_TAG.sub(" ", _plain(role))
    words = re.sub(r"[^\w]+", " ", text).split()
    return {ROLE_SYNONYMS.get(word, word) for word in words if word not in ROLE_STOPWORDS}


def role_likeness(a: str, b: str) -> float:
    """0 to 1: how alike two role titles are, by their words and then their spelling."""
    words_a, words_b = role_words(a), role_words(b)
    if not words_a or not words_b:
        return 0.0
    overlap = len(words_a & words_b) / min(len(words_a), len(words_b))
    spelled = difflib.SequenceMatcher(None, " ".join(sorted(words_a)), " ".join(sorted(words_b)))
    return max(overlap, spelled.ratio())


def _clean_role(text: str) -> str:
    text = GENDER_TAG.sub("", text)
    text = re.split(r"\s+(?:position|role|job)\b", text, maxsplit=1)[0]
    return " ".join(text.strip(" \"'“”«»").split())[:120]


def guess_role(parsed: ParsedEmail) -> str:
    for source in (parsed.subject, parsed.text[:3000]):
        for pattern in ROLE_PATTERNS:
            for match in pattern.finditer(source):
                role = _clean_role(match.group(1))
                if 2 < len(role) <= 80 and not re.match(r"(?i)^(your|our|this|it)\b", role):
                    return role
    return ""


def _company_from_sender(parsed: ParsedEmail) -> str:
    name = parsed.sender_name
    from_match = re.search(rf"\b(?:at|from|@|bei|chez)\s+{NAME}", name)
    if from_match:
        return from_match.group(1)
    if ats_name(parsed.sender_domain) or SENDER_NOISE.search(name):
        cleaned = " ".join(SENDER_NOISE.sub(" ", name).replace("|", " ").split()).strip(" -,")
        if cleaned:
            return cleaned
    return ""


def _company_from_domain(domain: str) -> str:
    if not domain or registrable_domain(domain) in rules.PERSONAL_MAIL_DOMAINS:
        return ""
    if is_job_board(domain):
        return ""
    labels = domain.lower().split(".")
    if ats_name(domain):
        owned = [label for label in labels[:-2] if label not in GENERIC_SUBDOMAINS]
        return owned[0].replace("-", " ").title() if owned else ""
    return registrable_domain(domain).split(".")[0].replace("-", " ").title()


def _could_be_company(name: str) -> bool:
    words = _plain(name).split()
    return (
        1 < len(name) <= 60
        and words[0] not in NOT_A_COMPANY_START
        and re.match(r"[^\W\d]", name) is not None  # "10:02" is a time, not a name
    )


def _until_sentence_end(name: str) -> str:
    """ "Relecloud. We have" -> "Relecloud", while "Contoso Inc. Europe" keeps its dot."""
    name = re.sub(r"\s+(?:and|und|et)\s+(?:I|I'm|I’m|we|wir|je|nous)\b.*$", "", name)
    kept, *rest = name.split(". ")
    for part in rest:
        if kept.split()[-1].lower() not in LEGAL_SUFFIXES:
            break
        kept = f"{kept}. {part}"
    return kept


def guess_company(parsed: ParsedEmail) -> str:
    if found := _company_from_sender(parsed):
        return found
    subject, body = parsed.subject, parsed.text[:2000]
    # The text after a dash at the end of a subject is as often the role as the company,
    # so it is asked last.
    *named_patterns, subject_tail = COMPANY_PATTERNS
    in_sentences = named_patterns[:2]  # "at Globex", "interest in Globex"
    places = [(subject, p) for p in named_patterns] + [(body, p) for p in in_sentences]
    for source, pattern in [*places, (subject, subject_tail)]:
        if match := pattern.search(source):
            name = _until_sentence_end(match.group(1)).strip(" .,'’-")
            if _could_be_company(name):
                return name
    if found := _company_from_signature(parsed.text):
        return found
    if found := _company_from_domain(parsed.sender_domain):
        return found
    return "" if ats_name(parsed.sender_domain) else parsed.sender_name


def _company_from_signature(text: str) -> str:
    """A sign-off such as "Tailwind Traders Recruiting" names the company beside a team."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    for line in reversed(lines[-3:]):
        if len(line) <= 60 and rules.RECRUITING_NAMES.search(line) and re.match(NAME, line):
            cleaned = " ".join(SENDER_NOISE.sub(" ", line).split()).strip(" -,.")
            if cleaned and _plain(cleaned).split()[0] not in NOT_A_COMPANY_START:
                return cleaned
    return ""


@dataclass
class Match:
    company: str = ""
    role: str = ""
    application_id: int | None = None
    candidate_ids: list[int] = field(default_factory=list)
    how: str = ""  # why this application, for the card


@dataclass
class ApplicationIndex:
    """The person's applications, read once and searched for every email (a poll reads
    many emails for one person)."""

    rows: list[dict]
    by_company: dict[str, list[dict]]
    by_domain: dict[str, str]

    @classmethod
    def for_user(cls, user) -> "ApplicationIndex":
        rows = list(
            applications_for(user=user)
            .order_by("-status_changed_on", "-id")
            .values("pk", "role_title", "status", "company__name", "company__website")
        )
        by_company: dict[str, list[dict]] = {}
        by_domain: dict[str, str] = {}
        for row in rows:
            key = company_key(row["company__name"])
            by_company.setdefault(key, []).append(row)
            if domain := website_domain(row["company__website"]):
                by_domain[domain] = key
        return cls(rows=rows, by_company=by_company, by_domain=by_domain)

    def known_keys(self) -> set[str]:
        return set(self.by_company) | set(self.by_domain)

    def _companies_in(self, parsed: ParsedEmail) -> tuple[list[str], str]:
        domain = parsed.sender_domain
        base = registrable_domain(domain) if domain else ""
        if base in self.by_domain:
            return [self.by_domain[base]], f"the sender's domain is {base}"
        label_keys = [company_key(label) for label in domain.split(".")[:-1]]
        if not ats_name(domain) and base not in rules.PERSONAL_MAIL_DOMAINS:
            label_keys = label_keys[-1:]
        for key in label_keys:
            if key in self.by_company and key not in GENERIC_SUBDOMAINS:
                return [key], f"the sender's domain is {domain}"
        places = (
            ("the sender's name mentions", parsed.sender_name),
            ("the subject mentions", parsed.subject),
            ("the email mentions", parsed.text[:3000]),
        )
        for where, text in places:
            padded = f" {company_key(text)} "
            hits = [key for key in self.by_company if len(key) > 2 and f" {key} " in padded]
            # "Globex Labs" beats "Globex" when both are tracked.
            hits = [key for key in hits if not any(key != other and key in other for other in hits)]
            if hits:
                return hits, f"{where} {self.by_company[hits[0]][0]['company__name']}"
        return [], ""

    def match(self, parsed: ParsedEmail, *, kind: str) -> Match:
        company_guess = guess_company(parsed)
        role_guess = guess_role(parsed)
        keys, how = self._companies_in(parsed)
        rows = [row for key in keys for row in self.by_company[key]]
        if kind == rules.REJECTION:
            # An application already closed with a "no" is not the one this "no" is about.
            open_rows = [row for row in rows if row["status"] != "rejected"]
            rows = open_rows or rows
        if not rows:
            return Match(company=company_guess, role=role_guess)
        chosen = rows
        if role_guess and len(rows) > 1:
            scored = [(role_likeness(role_guess, row["role_title"]), row) for row in rows]
            best = max(score for score, _ in scored)
            if best >= ROLE_LIKENESS:
                chosen = [row for score, row in scored if score == best]
        if len(chosen) > 1:
            active = [row for row in chosen if row["status"] in ACTIVE_STATUSES]
            if len(active) == 1:
                chosen = active
        first = chosen[0]
        company = first["company__name"]
        if len(chosen) == 1:
            return Match(
                company=company,
                role=first["role_title"],
                application_id=first["pk"],
                candidate_ids=[first["pk"]],
                how=how,
            )
        return Match(
            company=company,
            role=role_guess,
            candidate_ids=[row["pk"] for row in chosen[:CANDIDATE_LIMIT]],
            how=how,
        )
