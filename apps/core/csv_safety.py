# A spreadsheet treats a cell that starts with one of these as a formula (or, for the
# control characters, as something that can smuggle one in).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")
NEUTRALISER = "'"


def neutralise_cell(value: object) -> object:
    """Prefix text a spreadsheet would run with a single quote so it shows as plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return NEUTRALISER + value
    return value


def restore_cell(value: str) -> str:
    """Undo neutralise_cell for a value that Rebound itself exported."""
    if value.startswith(NEUTRALISER) and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value
