import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from apps.applications.models import Application
from apps.contacts.models import Contact
from apps.exports.cells import Kind, export_text, format_cell, parse_cell, restore_text
from tests.exports.conftest import read_csv, streamed
from tests.exports.test_restore import export_zip, restore
from tests.factories import ApplicationFactory, ContactFactory, UserFactory

HOSTILE = {
    "equals": '=HYPERLINK("http://evil.example","click")',
    "plus": "+1+1",
    "minus": "-2+3",
    "at": "@SUM(A1:A9)",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
    "nul": "\x00=1+1",
}
# Text that already starts with quotes before a trigger must survive the round trip too.
QUOTED = {"quote then equals": "'=A1", "two quotes then plus": "''+1", "quote only": "'", "": ""}


@pytest.mark.parametrize("value", [*HOSTILE.values(), *QUOTED.values()], ids=[*HOSTILE, *QUOTED])
def test_it_neutralises_a_cell_and_restores_it_exactly_through_a_csv_file(value):
    cell = format_cell(Kind.TEXT, value)
    if value in HOSTILE.values():
        assert cell == "'" + value, "a spreadsheet shows it as text"
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerow([cell, "next"])
    (read_back, _next), *_ = csv.reader(io.StringIO(buffer.getvalue(), newline=""))
    assert restore_text(read_back) == value


def test_it_leaves_ordinary_text_alone():
    for value in ["Acme", "a=b", "50 - 60k", "Café", "it's fine"]:
        assert export_text(value) == value
        assert restore_text(value) == value


def test_it_never_writes_a_cell_a_spreadsheet_would_run(auth_client, user):
    for name, value in HOSTILE.items():
        if name == "nul":
            continue  # PostgreSQL cannot store NUL in text; the cell-level test covers it
        ApplicationFactory(owner=user, role_title=name, notes=value)
    url = reverse("exports:dataset", kwargs={"dataset": "applications"})
    rows = read_csv(streamed(auth_client.get(url)))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\0")), cell


def test_it_restores_hostile_text_exactly(auth_client, user):
    stored = {name: value for name, value in {**HOSTILE, **QUOTED}.items() if name != "nul"}
    for name, value in stored.items():
        ApplicationFactory(owner=user, role_title=f"role {name}", notes=value, location=value)
        ContactFactory(owner=user, name=f"contact {name}", notes=value, phone=value[:40])
    newcomer = UserFactory()
    newcomer_client = Client()
    newcomer_client.force_login(newcomer)
    assert restore(newcomer_client, export_zip(auth_client)).status_code == 302
    restored = {
        a.role_title.removeprefix("role "): (a.notes, a.location)
        for a in Application.objects.for_user(newcomer)
    }
    assert restored == {name: (value, value) for name, value in stored.items()}
    contacts = {
        c.name.removeprefix("contact "): (c.notes, c.phone)
        for c in Contact.objects.for_user(newcomer)
    }
    assert contacts == {name: (value, value[:40]) for name, value in stored.items()}


def test_it_refuses_a_nul_character_on_restore_rather_than_storing_it():
    with pytest.raises(ValueError, match="NUL"):
        parse_cell(Kind.TEXT, "'\x00=1+1")
