from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apps.applications import selectors as application_selectors
from apps.applications.forms import FilterForm
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for, user_zone
from apps.core.htmx import HtmxHttpRequest, render_page_or_partial
from apps.exports import selectors, services
from apps.exports.datasets import APPLICATIONS, DATASETS, Dataset, dataset_for
from apps.exports.forms import (
    IMPORT_VALID_ONLY,
    ConfirmImportForm,
    MappingForm,
    RestoreForm,
    SpreadsheetUploadForm,
)
from apps.exports.models import BackgroundRestore, PendingImport
from apps.exports.restore import RestoreError, manifest_rows, read_bundle
from apps.exports.spreadsheet import Sheet
from apps.exports.streaming import csv_download, zip_download

PROBLEM_ROWS_SHOWN = 200
READY_ROWS_SHOWN = 20


def _csv_response(request: HtmxHttpRequest, dataset: Dataset, queryset) -> StreamingHttpResponse:
    return csv_download(dataset, queryset, day=today_for(request.user))


def _posted(request: HtmxHttpRequest) -> tuple:
    """A POST's data and files, even when empty; (None, None) for an unbound form."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


# Export ---------------------------------------------------------------------------------


@require_GET
def export_index(request: HtmxHttpRequest) -> HttpResponse:
    counts = selectors.dataset_counts(user=request.user)
    context = {
        "counts": counts,
        "total": sum(count for _dataset, count in counts),
        "account_is_empty": not any(count for _dataset, count in counts),
        "restore_form": RestoreForm(),
    }
    return render(request, "exports/index.html", context)


@require_GET
def dataset_csv(request: HtmxHttpRequest, dataset: str) -> StreamingHttpResponse:
    found = dataset_for(dataset)
    if found is None:
        raise Http404("No such dataset.")
    return _csv_response(request, found, found.queryset(request.user))


@require_GET
def applications_filtered_csv(request: HtmxHttpRequest) -> StreamingHttpResponse:
    """The applications the table shows for these filters, in its order, every page."""
    filters = FilterForm(request.GET).filters()
    rows = application_selectors.application_list(
        user=request.user, today=today_for(request.user), **filters
    )
    return _csv_response(request, APPLICATIONS, rows)


@require_GET
def everything_zip(request: HtmxHttpRequest) -> StreamingHttpResponse:
    exported_at = timezone.localtime(timezone.now(), user_zone(request.user))
    return zip_download(request.user, exported_at=exported_at)


# Spreadsheet import ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def import_upload(request: HtmxHttpRequest) -> HttpResponse:
    form = SpreadsheetUploadForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        pending = services.pending_import_create(
            owner=request.user, sheet=form.sheet, file_name=upload.name or ""
        )
        return redirect("exports:import_mapping", token=pending.token)
    return render(request, "exports/import_upload.html", {"form": form})


def _pending(request: HtmxHttpRequest, token: str) -> PendingImport | HttpResponse:
    """The person's upload; or where to go instead (with a message) when it has gone stale
    or has been imported already."""
    pending = get_owned_or_404(PendingImport, request.user, token=token)
    done = services.pending_import_result(pending)
    if done is not None:
        return _imported_response(request, done)
    if services.pending_import_is_stale(pending):
        services.pending_import_discard(pending=pending)
        messages.info(request, "That upload was more than a day old, so it was cleared. "
                               "Please upload the file again.")  # fmt: skip
        return redirect("exports:import_upload")
    return pending


def _imported_response(request: HtmxHttpRequest, done: services.ImportDone) -> HttpResponse:
    summary = f"Imported {done.created} application{pluralize(done.created)}."
    if done.skipped:
        summary += f" {done.skipped} row{pluralize(done.skipped)} with problems left out."
    messages.success(request, summary)
    return redirect("applications:list")


@require_http_methods(["GET", "POST"])
def import_mapping(request: HtmxHttpRequest, token: str) -> HttpResponse:
    pending = _pending(request, token)
    if isinstance(pending, HttpResponse):
        return pending
    sheet = Sheet.from_json(pending.sheet)
    form = MappingForm(_posted(request)[0], sheet=sheet, saved=pending.mapping or None)
    if request.method == "POST" and form.is_valid():
        services.pending_import_set_mapping(pending=pending, mapping=form.mapping())
        return redirect("exports:import_preview", token=pending.token)
    context = {"form": form, "pending": pending, "sheet": sheet, "samples": form.samples()}
    return render(request, "exports/import_mapping.html", context)


@require_GET
def import_preview(request: HtmxHttpRequest, token: str) -> HttpResponse:
    pending = _pending(request, token)
    if isinstance(pending, HttpResponse):
        return pending
    if not pending.mapping:
        return redirect("exports:import_mapping", token=pending.token)
    rows = services.pending_import_rows(pending)
    problems = [row for row in rows if not row.ok]
    ready = [row for row in rows if row.ok]
    context = {
        "pending": pending,
        "total": len(rows),
        "problems": problems[:PROBLEM_ROWS_SHOWN],
        "problem_count": len(problems),
        "ready": ready[:READY_ROWS_SHOWN],
        "ready_count": len(ready),
        "noted_count": sum(1 for row in ready if row.notes),
        "valid_only": IMPORT_VALID_ONLY,
    }
    return render(request, "exports/import_preview.html", context)


@require_POST
def import_confirm(request: HtmxHttpRequest, token: str) -> HttpResponse:
    pending = _pending(request, token)
    if isinstance(pending, HttpResponse):
        return pending
    form = ConfirmImportForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Please check the preview, then choose how to import.")
        valid_only = form.cleaned_data["mode"] == IMPORT_VALID_ONLY
        if services.pending_import_row_count(pending) > settings.BACKGROUND_IMPORT_ROWS:
            services.pending_import_queue(pending=pending, valid_only=valid_only)
            return redirect("exports:import_progress", token=pending.token)
        done = services.pending_import_confirm(pending=pending, valid_only=valid_only)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("exports:import_preview", token=pending.token)
    return _imported_response(request, done)


@require_POST
def import_discard(request: HtmxHttpRequest, token: str) -> HttpResponse:
    pending = get_owned_or_404(PendingImport, request.user, token=token)
    services.pending_import_discard(pending=pending)
    messages.info(request, "The upload was cleared. Nothing was imported.")
    return redirect("exports:import_upload")


# Restore --------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def restore(request: HtmxHttpRequest) -> HttpResponse:
    account_is_empty = selectors.account_is_empty(request.user)
    form = RestoreForm(*_posted(request))
    if request.method == "POST" and form.is_valid():
        if not account_is_empty:
            form.add_error(None, "Your account already has data, so nothing was restored.")
        else:
            upload = form.cleaned_data["file"]
            try:
                total = manifest_rows(upload)
                if total > settings.BACKGROUND_RESTORE_ROWS:
                    run = services.background_restore_start(
                        owner=request.user, upload=upload, total_rows=total
                    )
                    return redirect("exports:restore_progress", pk=run.pk)
                with read_bundle(upload, owner=request.user) as bundle:
                    counts = services.restore_everything(owner=request.user, bundle=bundle)
            except RestoreError as error:
                for problem in error.problems:
                    form.add_error(None, problem)
            else:
                restored = sum(counts.values())
                applications = counts.get(APPLICATIONS.key, 0)
                messages.success(
                    request,
                    f"Restored {restored:,} rows, {applications:,} of them applications. "
                    "Everything is linked up as it was.",
                )
                return redirect("exports:index")
    context = {"form": form, "account_is_empty": account_is_empty, "datasets": DATASETS}
    return render(request, "exports/restore.html", context)


@require_GET
def restore_progress(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """A restore running in the worker: a progress bar that htmx refreshes in place until
    it is done, then what was restored, or what got in the way (with nothing written)."""
    run = get_owned_or_404(BackgroundRestore, request.user, pk=pk)
    return render_page_or_partial(
        request, "exports/restore_progress.html", "restore-progress", {"run": run}
    )


@require_GET
def import_progress(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """A large import being confirmed in the worker: refreshed in place by htmx until it is
    done, then what was imported, or why nothing was (with the way back to the preview)."""
    pending = get_owned_or_404(PendingImport, request.user, token=token)
    done = services.pending_import_result(pending)
    context = {
        "pending": pending,
        "done": done,
        "rows": services.pending_import_row_count(pending),
        "working": pending.queued_at is not None and done is None and not pending.failure,
    }
    return render_page_or_partial(
        request, "exports/import_progress.html", "import-progress", context
    )
