"""Two (or three) requests at the same moment, as a double click or two tabs send them, on
PostgreSQL: the data ends up as one request would leave it, every request gets a friendly
answer (never a 500), and check_integrity finds nothing afterwards."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from apps.accounts.models import User
from apps.applications.models import Application, Company, Status
from apps.applications.services import application_create
from apps.exports.models import PendingImport
from apps.rejections.models import RecoveryStep, Rejection
from tests.exports.conftest import make_world
from tests.factories import UserFactory
from tests.integrity.races import logged_in_clients, race

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

CLICKS = 3
DAY = datetime.timedelta(days=1)


def integrity_holds() -> None:
    out = io.StringIO()
    call_command("check_integrity", stdout=out, stderr=out)  # raises when a rule is broken
    assert "All integrity rules hold." in out.getvalue()


@pytest.fixture
def person():
    return UserFactory(email="dana@example.com")


def test_it_keeps_a_move_made_while_an_edit_is_saved(person):
    today = datetime.date.today()
    applications = [
        application_create(
            owner=person, company_name="Acme", role_title=f"Role {n}", applied_on=today - DAY
        )
        for n in range(8)
    ]
    editor, mover = logged_in_clients(person, 2)
    for application in applications:
        edit_url = reverse("applications:edit", kwargs={"pk": application.pk})
        form = editor.get(edit_url).context["form"]
        data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
        data["notes"] = "Edited at the same moment"
        data.pop("version")  # no stamp: the edit must still leave the status alone

        def edit(url=edit_url, data=data):
            return editor.post(url, data)

        def move(pk=application.pk):
            url = reverse("applications:move", kwargs={"pk": pk})
            return mover.post(url, {"status": "screening", "on": today.isoformat()})

        edited, moved = race(edit, move)
        assert edited.status_code == 302 and moved.status_code in (200, 302)
    for application in Application.objects.filter(owner=person):
        assert application.status == Status.SCREENING, "the move is kept"
        assert application.notes == "Edited at the same moment", "and so is the edit"
    integrity_holds()


def test_it_imports_a_confirmed_upload_once_however_often_it_is_clicked(person):
    client = logged_in_clients(person, 1)[0]
    sheet = "Company,Role\n" + "".join(f"Company {n},Role {n}\n" for n in range(50))
    client.post(
        reverse("exports:import_upload"),
        {"file": SimpleUploadedFile("jobs.csv", sheet.encode())},
    )
    pending = PendingImport.objects.get(owner=person)
    mapping_url = reverse("exports:import_mapping", kwargs={"token": pending.token})
    form = client.get(mapping_url).context["form"]
    client.post(mapping_url, {name: form[name].value() or "" for name in form.fields})
    confirm = reverse("exports:import_confirm", kwargs={"token": pending.token})
    clients = logged_in_clients(person, CLICKS)
    responses = race(*[lambda c=c: c.post(confirm, {"mode": "all"}) for c in clients])
    assert {response["Location"] for response in responses} == {reverse("applications:list")}
    assert Application.objects.filter(owner=person).count() == 50
    assert Company.objects.filter(owner=person).count() == 50
    integrity_holds()


def test_it_creates_the_same_new_companies_once_for_two_imports_at_once(person):
    sheet = "Company,Role\n" + "".join(f"Shared {n},Role {n}\n" for n in range(30))
    clients = logged_in_clients(person, 2)
    confirms = []
    for client in clients:
        client.post(
            reverse("exports:import_upload"),
            {"file": SimpleUploadedFile("jobs.csv", sheet.encode())},
        )
        pending = PendingImport.objects.filter(owner=person).order_by("-pk").first()
        mapping_url = reverse("exports:import_mapping", kwargs={"token": pending.token})
        form = client.get(mapping_url).context["form"]
        client.post(mapping_url, {name: form[name].value() or "" for name in form.fields})
        confirms.append(reverse("exports:import_confirm", kwargs={"token": pending.token}))
    responses = race(
        *[
            lambda c=c, url=url: c.post(url, {"mode": "all"})
            for c, url in zip(clients, confirms, strict=True)
        ]
    )
    assert [response["Location"] for response in responses] == [reverse("applications:list")] * 2
    assert Company.objects.filter(owner=person).count() == 30
    assert Application.objects.filter(owner=person).count() == 60
    integrity_holds()


def test_it_restores_once_however_often_restore_is_clicked(person):
    source = UserFactory(email="source@example.com")
    make_world(source, "Race")
    exporter = logged_in_clients(source, 1)[0]
    archive = b"".join(exporter.get(reverse("exports:everything")).streaming_content)
    clients = logged_in_clients(person, CLICKS)
    responses = race(
        *[
            lambda c=c: c.post(
                reverse("exports:restore"), {"file": SimpleUploadedFile("all.zip", archive)}
            )
            for c in clients
        ]
    )
    assert sorted(response.status_code for response in responses) == [200] * (CLICKS - 1) + [302]
    assert Application.objects.filter(owner=person).count() == 1
    for response in responses:
        if response.status_code == 200:
            assert "already has data" in response.content.decode()
    integrity_holds()


def test_it_answers_two_sign_ups_with_one_email_kindly():
    clients = [Client() for _ in range(CLICKS)]
    data = {
        "email": "erin@example.com",
        "display_name": "Erin",
        "password1": "a-long-test-passphrase-42",
        "password2": "a-long-test-passphrase-42",
        "timezone": "UTC",
    }
    responses = race(*[lambda c=c: c.post(reverse("accounts:signup"), data) for c in clients])
    assert sorted(response.status_code for response in responses) == [200] * (CLICKS - 1) + [302]
    for response in responses:
        if response.status_code == 200:
            assert "An account with this email address already exists" in response.content.decode()
    assert User.objects.filter(email="erin@example.com").count() == 1


def test_it_creates_a_new_company_once_for_two_applications_at_once(person):
    clients = logged_in_clients(person, CLICKS)

    def add(client, n):
        data = {"company_name": "Brand New Co", "role_title": f"Role {n}", "status": "applied"}
        data["excitement"] = "3"
        return client.post(reverse("applications:create"), data)

    responses = race(*[lambda c=c, n=n: add(c, n) for n, c in enumerate(clients)])
    assert [response.status_code for response in responses] == [302] * CLICKS
    assert Company.objects.filter(owner=person).count() == 1
    assert Application.objects.filter(owner=person).count() == CLICKS
    integrity_holds()


def test_it_logs_one_rejection_for_two_clicks(person):
    today = datetime.date.today()
    application = application_create(
        owner=person, company_name="Acme", role_title="Dev", applied_on=today - DAY
    )
    url = reverse("rejections:log_for_application", kwargs={"pk": application.pk})
    data = {"received_on": today.isoformat(), "stage_reached": "applied"}
    clients = logged_in_clients(person, CLICKS)
    responses = race(*[lambda c=c: c.post(url, data) for c in clients])
    plan = reverse("dashboard:home") + "#recovery-plan"
    assert [response["Location"] for response in responses] == [plan] * CLICKS
    assert Rejection.objects.filter(owner=person).count() == 1
    assert RecoveryStep.objects.filter(owner=person).count() == 8
    integrity_holds()
