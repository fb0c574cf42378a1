"""Reading the values in a spreadsheet's cells as Rebound's fields: a stage from the words
people use for it, a date in the orders spreadsheets write them, a salary figure or range with
its currency. Each says plainly what it could not read."""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from apps.applications.models import Status


def normalise_header(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


STATUS_WORDS: dict[str, tuple[str, ...]] = {
    Status.WISHLIST: (
        "wishlist", "wish list", "saved", "bookmarked", "bookmark", "interested", "to apply",
        "want to apply", "not applied", "not yet applied", "idea", "considering", "applying",
        "prospect", "planned", "backlog", "draft",
    ),
    Status.APPLIED: (
        "applied", "submitted", "application sent", "sent", "application submitted",
        "in review", "under review", "pending", "waiting",
    ),
    Status.SCREENING: (
        "screening", "screen", "phone screen", "phone screening", "recruiter call",
        "recruiter screen", "hr call", "hr screen", "assessment", "online assessment",
    ),
    Status.INTERVIEWING: (
        "interviewing", "interview", "interviews", "interview scheduled", "onsite", "on site",
        "technical interview", "final round", "final interview", "in progress", "in process",
    ),
    Status.OFFER: ("offer", "offered", "offer received", "negotiating", "negotiation"),
    Status.ACCEPTED: ("accepted", "offer accepted", "hired", "signed", "accepted offer"),
    Status.REJECTED: (
        "rejected", "rejection", "not selected", "declined by company", "turned down",
        "unsuccessful", "not moving forward", "closed rejected",
    ),
    Status.WITHDRAWN: (
        "withdrawn", "withdrew", "i withdrew", "withdrawn by me", "declined offer",
        "not interested", "no longer interested", "archived",
    ),
    Status.NO_RESPONSE: (
        "no response", "no reply", "no answer", "ghosted", "no news", "silence", "expired",
    ),
}  # fmt: skip
_STATUS_LOOKUP = {
    **{normalise_header(value): value for value in Status.values},
    **{normalise_header(label): value for value, label in Status.choices},
    **{word: status for status, words in STATUS_WORDS.items() for word in words},
}


def status_for(text: str) -> str | None:
    return _STATUS_LOOKUP.get(normalise_header(text))


DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
_NUMERIC_DATE = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T].*)?$")
_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_NAMED_FORMATS = (
    "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d %b %y", "%b %d %y", "%d-%b-%Y",
    "%d-%b-%y", "%a %d %b %Y", "%A %d %B %Y", "%a %b %d %Y", "%A %B %d %Y", "%B %Y", "%b %Y",
)  # fmt: skip
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def guess_date_order(cells: list[str]) -> str:
    """Day first unless the column only makes sense month first (a "day" above 12)."""
    day_first = month_first = False
    for cell in cells:
        match = _NUMERIC_DATE.match(cell.strip())
        if match and match.group(2) != ".":
            first, second = int(match.group(1)), int(match.group(3))
            day_first |= first > 12
            month_first |= second > 12
    return MONTH_FIRST if month_first and not day_first else DAY_FIRST


def parse_date(text: str, order: str) -> datetime.date:
    text = text.strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    if match := _NUMERIC_DATE.match(text):
        first, separator, second, year = match.groups()
        day, month = int(first), int(second)
        if order == MONTH_FIRST and separator != ".":
            day, month = month, day
        year_number = int(year) + (2000 if len(year) == 2 else 0)
        return datetime.date(year_number, month, day)
    if re.fullmatch(r"\d{5}(\.\d+)?", text):  # a spreadsheet's serial day number
        serial = int(float(text))
        if 20000 <= serial <= 80000:
            return EXCEL_EPOCH + datetime.timedelta(days=serial)
    cleaned = " ".join(re.sub(r"(?<=\d)(st|nd|rd|th)\b|,", " ", text).split())
    for pattern in _NAMED_FORMATS:
        try:
            return datetime.datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


CURRENCY_SIGNS = (
    ("US$", "USD"), ("CA$", "CAD"), ("C$", "CAD"), ("A$", "AUD"), ("AU$", "AUD"),
    ("NZ$", "NZD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₹", "INR"), ("$", "USD"),
    ("kr", "SEK"), ("zł", "PLN"), ("Fr.", "CHF"),
)  # fmt: skip
CURRENCY_CODES = {
    "EUR", "USD", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF",
    "JPY", "INR", "SGD", "HKD", "ZAR", "BRL", "MXN", "ILS", "AED", "CNY", "KRW", "RON", "TRY",
}  # fmt: skip
_AMOUNT = re.compile(r"(\d[\d.,'\s]*\d|\d)\s*([kKmM])?(?![a-zA-Z])")
MAX_SALARY = 2_147_483_647


def _number(text: str) -> Decimal:
    digits = re.sub(r"[\s']", "", text)
    if "," in digits and "." in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        digits = digits.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        groups = digits.split(mark)
        if len(groups) > 2 or all(len(group) == 3 for group in groups[1:]):
            digits = digits.replace(mark, "")  # thousands: 50,000 or 1.250.000
        else:
            digits = digits.replace(mark, ".")  # a decimal: 50.5
    return Decimal(digits)


def parse_salary(text: str) -> tuple[int | None, int | None, str]:
    """(from, up to, currency) for "50k-60k", "€50,000 - 60,000", "USD 120000" and the like.
    ValueError when there is no figure in it."""
    currency = ""
    upper = text.upper()
    for code in re.findall(r"\b[A-Z]{3}\b", upper):
        if code in CURRENCY_CODES:
            currency = code
            break
    if not currency:
        for sign, code in CURRENCY_SIGNS:
            if sign.upper() in upper if sign.isalpha() else sign in text:
                currency = code
                break
    cleaned = re.sub(r"\s+(to|bis|à|a)\s+|[–—−‐]", "-", text, flags=re.IGNORECASE)
    amounts = []
    for match in _AMOUNT.finditer(cleaned):
        try:
            value = _number(match.group(1).strip())
        except InvalidOperation:
            continue
        suffix = (match.group(2) or "").lower()
        amounts.append([value, suffix])
    if not amounts or len(amounts) > 2:
        raise ValueError(text)
    if len(amounts) == 2 and not amounts[0][1] and amounts[1][1] and amounts[0][0] < 1000:
        amounts[0][1] = amounts[1][1]  # "50-60k" means 50k to 60k
    figures = []
    for value, suffix in amounts:
        value *= {"k": 1000, "m": 1_000_000}.get(suffix, 1)
        figures.append(int(value))
    low, high = figures[0], figures[-1]
    if max(figures) > MAX_SALARY:
        raise ValueError(text)
    return low, high, currency
