"""CSV and ZIP bytes produced piece by piece, so an export of any size leaves the server as
it is read from the database and memory stays flat."""

import csv
import datetime
import io
import json
import zipfile
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.http import StreamingHttpResponse

from apps.exports.datasets import CHUNK_SIZE, DATASETS, Dataset

# A byte-order mark lets Excel recognise UTF-8 (accents, €) when the file is double-clicked;
# other programs and Rebound's own import skip it.
BOM = "\ufeff"
FORMAT = "rebound-export"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"


class _Line:
    """Where csv.writer writes: it hands the formatted line straight back."""

    def write(self, line: str) -> str:
        return line


def csv_batches(dataset: Dataset, queryset: QuerySet, *, bom: bool = True):
    """(text, rows in it) pairs: the header first, before any query runs, then the rows a
    chunk at a time. RFC 4180: comma separated, CRLF line ends, quotes only where needed."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield (BOM if bom else "") + writer.writerow(dataset.headers), 0
    batch: list[str] = []
    for row in dataset.rows(queryset):
        batch.append(writer.writerow(row))
        if len(batch) >= CHUNK_SIZE:
            yield "".join(batch), len(batch)
            batch = []
    if batch:
        yield "".join(batch), len(batch)


def csv_pieces(dataset: Dataset, queryset: QuerySet, *, bom: bool = True) -> Iterator[str]:
    for text, _rows in csv_batches(dataset, queryset, bom=bom):
        yield text


def csv_bytes(pieces: Iterable[str]) -> Iterator[bytes]:
    for piece in pieces:
        yield piece.encode("utf-8")


class _Sink(io.RawIOBase):
    """A write-only stream that zipfile writes into and the response drains."""

    def __init__(self):
        self._chunks: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._chunks.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def _member(name: str, when: datetime.datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def zip_pieces(user, *, exported_at: datetime.datetime) -> Iterator[bytes]:
    """Every dataset's CSV and a manifest, as a ZIP written on the fly. zipfile writes to an
    unseekable stream with data descriptors, so nothing is held back until the end."""
    sink = _Sink()
    counts: dict[str, int] = {}
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED) as archive:
        for dataset in DATASETS:
            rows = 0
            with archive.open(_member(dataset.file_name, exported_at), mode="w") as member:
                for text, count in csv_batches(dataset, dataset.queryset(user)):
                    member.write(text.encode("utf-8"))
                    rows += count
                    yield sink.drain()
            counts[dataset.key] = rows
        manifest = build_manifest(counts, exported_at=exported_at)
        archive.writestr(_member(MANIFEST_NAME, exported_at), manifest)
    yield sink.drain()


def build_manifest(counts: dict[str, int], *, exported_at: datetime.datetime) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": exported_at.astimezone(datetime.UTC).isoformat(),
            "datasets": [
                {
                    "key": dataset.key,
                    "file": dataset.file_name,
                    "title": dataset.title,
                    "rows": counts.get(dataset.key, 0),
                    "columns": dataset.headers,
                }
                for dataset in DATASETS
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def attachment(response, file_name: str):
    """Mark a response as a download that is never cached or sniffed."""
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_download(dataset: Dataset, queryset: QuerySet, *, day: datetime.date):
    response = StreamingHttpResponse(
        csv_bytes(csv_pieces(dataset, queryset)), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, f"rebound-{dataset.key}-{day.isoformat()}.csv")


def zip_download(user, *, exported_at: datetime.datetime):
    response = StreamingHttpResponse(
        zip_pieces(user, exported_at=exported_at), content_type="application/zip"
    )
    return attachment(response, f"rebound-export-{exported_at.date().isoformat()}.zip")
