"""The models' own database constraints, checked in Python against rows that are not saved
yet, so a restore can say which row breaks which rule before it writes anything.

Django can validate constraints itself, but it asks the database once per constraint per
row; a restore of a large export would take minutes. The constraints Rebound uses are plain
comparisons, which are read here straight from each model's Meta. A lookup this module does
not understand raises UnsupportedConstraint, and a test walks every exported model so a new
constraint of an unknown shape is noticed at once.
"""

from collections.abc import Callable

from django.db.models import CheckConstraint, F, Model, Q, UniqueConstraint
from django.db.models.functions import Lower

# Plain words for the constraints that carry no message of their own.
MESSAGES = {
    "applications_application_salary_min_lte_max": "The lower salary is above the upper one.",
    "applications_statuschange_is_a_change": "A move must go to a different status.",
    "rejections_step_window_in_order": "The step closes before it opens.",
    "rejections_step_done_on_matches_state": (
        "A step that is done or skipped needs the day it happened; one still to do has none."
    ),
    "rejections_step_one_per_move": "A plan has each move only once.",
    "applications_company_owner_name_ci_unique": "Two companies have the same name.",
    "selfcare_checkin_one_per_owner_per_day": "There are two check-ins for the same day.",
}


class UnsupportedConstraint(Exception):
    pass


Getter = Callable[[str], object]

_COMPARE = {
    "exact": lambda a, b: a == b,
    "gt": lambda a, b: a > b,
    "gte": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "lte": lambda a, b: a <= b,
}


def _resolve(value, get: Getter):
    if isinstance(value, F):
        return get(value.name)
    return value


def _lookup(key: str, expected, get: Getter) -> bool | None:
    """SQL semantics: a comparison with NULL is unknown (None), not false."""
    field, _, lookup = key.partition("__")
    lookup = lookup or "exact"
    if "__" in lookup:
        raise UnsupportedConstraint(key)
    actual = get(field)
    if lookup == "isnull":
        return (actual is None) == bool(expected)
    expected = _resolve(expected, get)
    if actual is None:
        return None
    if lookup == "in":
        return actual in [_resolve(item, get) for item in expected]
    if lookup == "range":
        low, high = (_resolve(item, get) for item in expected)
        if low is None or high is None:
            return None
        return low <= actual <= high
    if lookup in _COMPARE:
        if expected is None:
            return None
        return _COMPARE[lookup](actual, expected)
    raise UnsupportedConstraint(key)


def evaluate(condition: Q, get: Getter) -> bool | None:
    """True, False or None (unknown) for a Q object, with SQL's three-valued logic."""
    if condition.connector not in (Q.AND, Q.OR):
        raise UnsupportedConstraint(condition.connector)
    results = []
    for child in condition.children:
        if isinstance(child, Q):
            results.append(evaluate(child, get))
        elif isinstance(child, tuple):
            results.append(_lookup(child[0], child[1], get))
        else:
            raise UnsupportedConstraint(repr(child))
    if condition.connector == Q.AND:
        value = False if False in results else (None if None in results else True)
    else:
        value = True if True in results else (None if None in results else False)
    if condition.negated and value is not None:
        value = not value
    return value


def message_for(constraint) -> str:
    if constraint.name in MESSAGES:
        return MESSAGES[constraint.name]
    custom = constraint.violation_error_message
    default = constraint.default_violation_error_message
    if custom and custom != default:
        return str(custom)
    return f"This row breaks one of Rebound’s rules ({constraint.name})."


def check_row(model: type[Model], get: Getter) -> list[str]:
    """Messages for each check constraint this row would break (unknown passes, as in SQL)."""
    errors = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, CheckConstraint) and evaluate(constraint.condition, get) is False:
            errors.append(message_for(constraint))
    return errors


def _part(expression, get: Getter):
    if isinstance(expression, str):
        return get(expression)
    if isinstance(expression, F):
        return get(expression.name)
    if isinstance(expression, Lower):
        (inner,) = expression.get_source_expressions()
        value = _part(inner, get)
        return value.lower() if isinstance(value, str) else value
    raise UnsupportedConstraint(repr(expression))


class UniqueKeys:
    """Keys that must not repeat among one person's rows of a model: its unique fields and
    unique constraints, without the owner (every row in a restore has the same one)."""

    def __init__(self, model: type[Model]):
        self.rules: list[tuple[str, list, Q | None]] = []
        for field in model._meta.concrete_fields:
            if field.unique and not field.primary_key:
                message = f"Two rows share the same {field.verbose_name}."
                self.rules.append((message, [field.name], None))
        for constraint in model._meta.constraints:
            if isinstance(constraint, UniqueConstraint):
                parts = list(constraint.fields) or list(constraint.expressions)
                parts = [part for part in parts if part != "owner" and _name(part) != "owner"]
                self.rules.append((message_for(constraint), parts, constraint.condition))
        self.seen: list[set] = [set() for _ in self.rules]

    def check(self, get: Getter) -> list[str]:
        errors = []
        for (message, parts, condition), seen in zip(self.rules, self.seen, strict=True):
            if condition is not None and evaluate(condition, get) is not True:
                continue
            key = tuple(_part(part, get) for part in parts)
            if None in key:
                continue  # NULLs never clash in a unique index
            if key in seen:
                errors.append(message)
            seen.add(key)
        return errors


def _name(part) -> str | None:
    if isinstance(part, F):
        return part.name
    return None
