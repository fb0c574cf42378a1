import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.inbox.corpus import SAMPLES

SAMPLE = {sample.name: sample for sample in SAMPLES}


def _run(*args) -> list[dict]:
    out = StringIO()
    call_command("inbox_classify", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_it_prints_one_json_object_per_file(tmp_path, db):
    files = []
    for name in ("rej_lever_html", "trap_job_alert"):
        path = tmp_path / f"{name}.eml"
        path.write_bytes(SAMPLE[name].as_bytes())
        files.append(str(path))
    bad = tmp_path / "bad.eml"
    bad.write_bytes(b"\x00\x01")
    rejection, alert, broken = _run(*files, str(bad))
    assert rejection["kind"] == "rejection"
    assert rejection["company"] == "Globex"
    assert rejection["reasons"][0] == "the sender is an applicant tracking system (Lever)"
    assert 0.5 <= rejection["confidence"] <= 1
    assert "application_id" not in rejection
    assert alert["kind"] == "other"
    assert "binary data" in broken["error"]


def test_with_a_person_it_names_the_matched_application(tmp_path, user, globex):
    path = tmp_path / "a.eml"
    path.write_bytes(SAMPLE["rej_lever_html"].as_bytes())
    (result,) = _run(str(path), "--email", "ALICE@example.com")
    assert result["application_id"] == globex.pk
    assert result["role"] == "Backend Engineer"


def test_an_unknown_person_is_an_error(tmp_path, db):
    path = tmp_path / "a.eml"
    path.write_bytes(SAMPLE["rej_lever_html"].as_bytes())
    with pytest.raises(CommandError, match="No account"):
        _run(str(path), "--email", "nobody@example.com")
