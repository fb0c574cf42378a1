import pytest
from django.urls import reverse

from apps.exports.cells import Kind
from apps.exports.constraints import UniqueKeys, check_row
from apps.exports.datasets import BY_KEY, DATASETS, RESTORE_ORDER, TIMESTAMP_FIELDS
from tests.exports.conftest import read_csv, streamed

# The files' columns, spelled out: a change here is a change to what people download.
EXPECTED_HEADERS = {
    "applications": [
        "ID", "Company ID", "Company", "Role", "Status", "Status since", "Applied on",
        "Next follow-up on", "Job posting", "Location", "Work mode", "Source", "Salary from",
        "Salary up to", "Currency", "Excitement", "Fit with values", "Fit with interests",
        "Fit with skills", "Notes", "Archived", "Created at", "Updated at",
    ],
    "status-history": [
        "ID", "Application ID", "Company", "Role", "From status", "To status", "Date", "Note",
        "Created at", "Updated at",
    ],
    "interviews": [
        "ID", "Application ID", "Company", "Role", "Round", "Kind", "Scheduled at", "With whom",
        "Notes", "Outcome", "Created at", "Updated at",
    ],
    "emails": [
        "ID", "Application ID", "Company", "Role", "From", "Subject", "Date", "Text",
        "Created at", "Updated at",
    ],
    "rejections": [
        "ID", "Application ID", "Company", "Role", "Heard on", "Stage reached", "Reason given",
        "Feeling", "Notes", "Created at", "Updated at",
    ],
    "recovery-steps": [
        "ID", "Rejection ID", "Company", "Move", "Opens on", "Closes on", "State", "Done on",
        "Note", "Created at", "Updated at",
    ],
    "reflections": [
        "ID", "Rejection ID", "Company", "Fit with values", "Fit with interests",
        "Fit with skills", "What to change", "Created at", "Updated at",
    ],
    "feedback-requests": [
        "ID", "Application ID", "Contact ID", "Company", "Role", "Contact", "Channel", "Status",
        "Asked on", "Follow up on", "Answered on", "Message", "What they said",
        "Your takeaways", "Tone", "Created at", "Updated at",
    ],
    "contacts": [
        "ID", "Company ID", "Company", "Name", "Job title", "Email", "Phone", "Profile",
        "How you met", "Kind", "Closeness", "Notes", "Next follow-up on", "Last in touch",
        "Created at", "Updated at",
    ],
    "interactions": [
        "ID", "Contact ID", "Contact", "Date", "Kind", "Event or group", "Notes", "People met",
        "Follow up on", "Created at", "Updated at",
    ],
    "application-contacts": [
        "ID", "Application ID", "Contact ID", "Company", "Role", "Contact", "Their part",
        "Created at", "Updated at",
    ],
    "check-ins": [
        "ID", "Date", "Mood", "Energy", "Hours slept", "Moved", "Ate well", "Connected",
        "Took a break", "Note", "Created at", "Updated at",
    ],
    "companies": ["ID", "Name", "Website", "Notes", "Created at", "Updated at"],
}  # fmt: skip

# One value each file must hold for the person's world (see conftest.make_world).
EXPECTED_VALUES = {
    "applications": {"Company": "Alice Labs", "Status": "rejected", "Salary from": "50000"},
    "status-history": {"To status": "applied", "Role": "Alice developer"},
    "interviews": {"Kind": "technical", "With whom": "Alice interviewer"},
    "emails": {
        "From": "Alice Labs Careers <careers@example.com>",
        "Subject": "Alice: your application",
    },
    "rejections": {"Reason given": "Alice reason", "Stage reached": "interview"},
    "recovery-steps": {"Move": "process", "State": "done"},
    "reflections": {
        "Fit with values": "4",
        "Fit with interests": "",
        "What to change": "Alice plan",
    },
    "feedback-requests": {"Status": "answered", "What they said": "Alice said good things"},
    "contacts": {"Name": "Alice Person", "Company": "Alice Labs", "Email": "alice@example.com"},
    "interactions": {"Notes": "Alice call", "Contact": "Alice Person"},
    "application-contacts": {"Their part": "referrer", "Contact": "Alice Person"},
    "check-ins": {"Hours slept": "7.5", "Moved": "no", "Note": "Alice day"},
    "companies": {"Name": "Alice Labs"},
}


def test_it_covers_every_dataset_the_issue_names():
    assert [dataset.key for dataset in DATASETS] == list(EXPECTED_HEADERS)
    assert set(RESTORE_ORDER) == set(DATASETS)


@pytest.mark.parametrize("key", EXPECTED_HEADERS)
def test_it_writes_each_datasets_columns_and_the_persons_rows(key, auth_client, world, other_world):
    response = auth_client.get(reverse("exports:dataset", kwargs={"dataset": key}))
    assert response.status_code == 200
    rows = read_csv(streamed(response))
    assert rows[0] == EXPECTED_HEADERS[key]
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert records, "the person's own rows are there"
    for header, value in EXPECTED_VALUES[key].items():
        assert records[0][header] == value, header
    # Another person's rows never appear: not their text, not their ids.
    body = "\n".join(",".join(row) for row in rows)
    assert "Bob" not in body
    owned = BY_KEY[key].model.objects.filter(owner=world["application"].owner)
    assert {record["ID"] for record in records} == {
        str(pk) for pk in owned.values_list("pk", flat=True)
    }


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_it_exports_every_field_of_the_model(dataset):
    """A field added to a model later must be added to its dataset (or a restore loses it).
    An application's furthest stage is worked out again from the restored history instead."""
    restored = {column.field for column in dataset.columns if column.restore}
    fields = {
        field.name
        for field in dataset.model._meta.concrete_fields
        if field.name not in ("id", "owner", "furthest_stage", *TIMESTAMP_FIELDS)
    }
    assert fields == restored


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_it_defines_each_column_once_with_links_to_earlier_datasets(dataset):
    assert len(set(dataset.headers)) == len(dataset.headers)
    assert dataset.columns[0].kind == Kind.ID
    earlier = {d.key for d in RESTORE_ORDER[: RESTORE_ORDER.index(dataset)]}
    for column in dataset.refs:
        assert column.ref in earlier, f"{dataset.key}.{column.header} points forward"


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.key)
def test_it_understands_every_constraint_of_the_model(dataset):
    """The restore checks the models' constraints in Python; each must be readable."""
    instance = dataset.model()

    def get(name):
        field = dataset.model._meta.get_field(name)
        return getattr(instance, field.attname)

    check_row(dataset.model, get)
    UniqueKeys(dataset.model).check(get)
