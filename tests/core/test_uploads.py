from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from apps.core import uploads


def test_a_file_past_the_ceiling_is_dropped_not_stored(monkeypatch):
    monkeypatch.setattr(uploads, "UPLOAD_CEILING_BYTES", 1024)
    big = SimpleUploadedFile("big.csv", b"a,b\n" * 1000, content_type="text/csv")
    request = RequestFactory().post("/export/import/", {"file": big})
    request.upload_handlers = [uploads.CappedUploadHandler(request)]
    assert "file" not in request.FILES


def test_a_file_under_the_ceiling_arrives_whole():
    small = SimpleUploadedFile("small.csv", b"a,b\n1,2\n", content_type="text/csv")
    request = RequestFactory().post("/export/import/", {"file": small})
    request.upload_handlers = [uploads.CappedUploadHandler(request)]
    assert request.FILES["file"].read() == b"a,b\n1,2\n"
