"""Reads of the exports app. Every dataset is read through its model's `for_user`."""

from apps.exports.datasets import DATASETS, Dataset


def dataset_counts(*, user) -> list[tuple[Dataset, int]]:
    """Each dataset with how many rows the person has in it (one count query each)."""
    return [(dataset, dataset.queryset(user).order_by().count()) for dataset in DATASETS]


def account_is_empty(user) -> bool:
    """True when the person has no rows in any dataset yet."""
    return not any(dataset.queryset(user).order_by().exists() for dataset in DATASETS)
