"""A spreadsheet import of N rows, upload to confirm, through the test client as a browser
would post it: upload, column mapping, preview, confirm (and, above the background threshold,
the worker writing the rows). Prints one JSON object with the
time of each step and the total. Uses the database DATABASE_URL names (already migrated);
the rows go to a fresh person who is deleted afterwards.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rebound_bench_100 \\
        .venv/bin/python bench/import_upload.py --rows 20000
"""

import argparse
import datetime
import io
import json
import random
import time

import django_setup

django_setup.start()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from apps.accounts.models import User  # noqa: E402
from apps.applications.models import Application  # noqa: E402
from apps.exports.models import PendingImport  # noqa: E402

STAGES = ["Applied", "Interview", "Rejected", "Ghosted", "Screening", "Offer"]


def spreadsheet(rows: int) -> bytes:
    rng = random.Random(rows)
    lines = ["Company,Role,Stage,Applied,Link,Salary,Notes"]
    start = datetime.date.today() - datetime.timedelta(days=300)
    for index in range(rows):
        day = start + datetime.timedelta(days=rng.randint(0, 290))
        lines.append(
            f"Company {index % 700},Role {index},{rng.choice(STAGES)},{day.isoformat()},"
            f"https://jobs.example/{index},"
            f'"€{rng.randint(40, 60)},000 - {rng.randint(61, 90)},000",'
            f"Note {index}"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def timed(step, results: dict, name: str):
    started = time.perf_counter()
    response = step()
    results[name] = round((time.perf_counter() - started) * 1000)
    return response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    setup_test_environment()
    data = spreadsheet(args.rows)
    person = User.objects.create_user(f"import-bench-{time.time_ns()}@example.com", "bench-pw-123")
    client = Client()
    client.force_login(person)
    ms: dict[str, int] = {}
    try:
        upload = reverse("exports:import_upload")
        response = timed(
            lambda: client.post(upload, {"file": SimpleUploadedFile("old.csv", data)}), ms, "upload"
        )
        assert response.status_code == 302, response.status_code
        pending = PendingImport.objects.for_user(person).get()
        mapping_url = reverse("exports:import_mapping", kwargs={"token": pending.token})
        form = timed(lambda: client.get(mapping_url), ms, "mapping page").context["form"]
        fields = {name: form[name].value() for name in form.fields}
        response = timed(lambda: client.post(mapping_url, fields), ms, "mapping")
        assert response.status_code == 302, response.status_code
        preview_url = reverse("exports:import_preview", kwargs={"token": pending.token})
        assert timed(lambda: client.get(preview_url), ms, "preview").status_code == 200
        confirm_url = reverse("exports:import_confirm", kwargs={"token": pending.token})
        response = timed(lambda: client.post(confirm_url, {"mode": "all"}), ms, "confirm")
        if response["Location"] != reverse("applications:list"):
            # Above REBOUND_BACKGROUND_IMPORT_ROWS the confirm hands the rows to the worker
            # and answers a progress page: time the worker writing them, as a person waits.
            assert response["Location"].endswith("/progress/"), response["Location"]
            timed(lambda: call_command("run_worker", "--batch", stdout=io.StringIO()), ms, "worker")
        created = Application.objects.for_user(person).count()
        assert created == args.rows, created
    finally:
        person.delete()
    print(json.dumps({"rows": args.rows, "total_ms": sum(ms.values()), "steps_ms": ms}))


if __name__ == "__main__":
    main()
