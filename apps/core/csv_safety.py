# A spreadsheet treats a cell that starts with one of these as a formula (or, for the
# control characters, as something that can smuggle one in).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
NEUTRALISER = "'"


def _needs_quote(text: str) -> bool:
    # Text that already starts with quotes before a trigger gets one more too, so that
    # restore_cell, which takes exactly one off, gives every value back exactly.
    return text.lstrip(NEUTRALISER).startswith(FORMULA_TRIGGERS)


def neutralise_cell(value: object) -> object:
    """Prefix text a spreadsheet would run with a single quote so it shows as plain text."""
    if isinstance(value, str) and _needs_quote(value):
        return NEUTRALISER + value
    return value


def restore_cell(value: str) -> str:
    """Undo neutralise_cell for a value that Rebound itself exported."""
    if value.startswith(NEUTRALISER) and _needs_quote(value[1:]):
        return value[1:]
    return value
