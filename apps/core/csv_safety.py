# A spreadsheet treats a cell that starts with one of these as a formula (or, for the
# control characters, as something that can smuggle one in).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
NEUTRALISER = "'"


def _needs_quote(text: str) -> bool:
    # Text that already starts with quotes before a trigger gets one more too, so that
    # restore_cell, which takes exactly one off, gives every value back exactly.
    return text.lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS)


# Only text starting with one of these can need the quote: one set look-up settles almost
# every cell of an export before the full rule is asked.
_RISKY_FIRST = frozenset((*FORMULA_TRIGGERS, NEUTRALISER))


def neutralise_text(text: str) -> str:
    """Prefix text a spreadsheet would run with a single quote so it shows as plain text."""
    if text and text[0] in _RISKY_FIRST and _needs_quote(text):
        return NEUTRALISER + text
    return text


def neutralise_cell(value: object) -> object:
    """neutralise_text for a cell that may not be text (numbers and dates pass unchanged)."""
    return neutralise_text(value) if isinstance(value, str) else value


def restore_cell(value: str) -> str:
    """Undo neutralise_cell for a value that Rebound itself exported."""
    if value.startswith(NEUTRALISER) and _needs_quote(value[1:]):
        return value[1:]
    return value
