"""The same CSV files and ZIP as the "Your data" page, streamed."""

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router

from apps.core.dates import today_for, user_zone
from apps.exports.datasets import DATASETS, dataset_for
from apps.exports.streaming import csv_download, zip_download

router = Router()

DATASET_KEYS = ", ".join(f"`{dataset.key}`" for dataset in DATASETS)


def _download(content_type: str, description: str) -> dict:
    return {
        "responses": {
            200: {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


@router.get(
    "/all.zip",
    summary="Everything, as a ZIP of CSV files",
    openapi_extra=_download("application/zip", "Every dataset and a manifest."),
)
def export_everything(request: HttpRequest):
    exported_at = timezone.localtime(timezone.now(), user_zone(request.user))
    return zip_download(request.user, exported_at=exported_at)


@router.get(
    "/{dataset}.csv",
    summary="One dataset as CSV",
    description=f"The dataset is one of {DATASET_KEYS}: the files the export page offers, "
    "with the same columns.",
    openapi_extra=_download("text/csv", "The dataset, one row per line, with a header."),
)
def export_dataset(request: HttpRequest, dataset: str):
    found = dataset_for(dataset)
    if found is None:
        raise Http404("No such dataset.")
    return csv_download(found, found.queryset(request.user), day=today_for(request.user))
