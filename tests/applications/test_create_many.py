import datetime

import pytest

from apps.applications.models import Application, Company, StatusChange
from apps.applications.services import RowRefused, application_create, applications_create_many
from apps.core.dates import today_for


def rows(count: int, **extra) -> list[dict]:
    return [
        {"company_name": f"Company {index % 7}", "role_title": f"Role {index}", **extra}
        for index in range(count)
    ]


def test_it_creates_each_row_with_its_first_history_entry(user):
    application_create(owner=user, company_name="Acme", role_title="Existing")
    created = applications_create_many(
        owner=user,
        rows=[
            {"company_name": "  ACME ", "role_title": "Dev", "status": "screening"},
            {"company_name": "Globex", "role_title": "Analyst", "status": "wishlist"},
            {"company_name": "globex", "role_title": "Lead", "salary_min": 50, "salary_max": 60},
        ],
    )
    assert created == 3
    assert sorted(Company.objects.for_user(user).values_list("name", flat=True)) == [
        "Acme",
        "Globex",
    ]
    dev = Application.objects.get(role_title="Dev")
    assert (dev.company.name, dev.status, dev.applied_on) == ("Acme", "screening", today_for(user))
    assert Application.objects.get(role_title="Analyst").applied_on is None
    history = StatusChange.objects.filter(application=dev).values_list("from_status", "to_status")
    assert list(history) == [("", "screening")]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"company_name": ""}, "company's name"),
        ({"status": "ghosted"}, "Choose a stage"),
        ({"applied_on": datetime.date(2999, 1, 1)}, "can’t be in the future"),
        ({"salary_min": 90, "salary_max": 10}, "lower salary"),
        ({"posting_url": "not a url"}, "valid URL"),
    ],
)
def test_a_bad_row_writes_nothing_and_says_which(user, bad, message):
    batch = rows(5)
    batch[3].update(bad)
    with pytest.raises(RowRefused) as refused:
        applications_create_many(owner=user, rows=batch)
    assert refused.value.index == 3
    assert message in " ".join(refused.value.messages)
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


@pytest.mark.parametrize("count", [10, 400])
def test_it_writes_in_batches_not_row_by_row(user, count, django_assert_max_num_queries):
    # SQLite caps the parameters of one statement, so large imports take a few batches.
    with django_assert_max_num_queries(30):
        applications_create_many(owner=user, rows=rows(count))
    assert Application.objects.count() == count
