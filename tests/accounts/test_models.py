import pytest
from django.db import IntegrityError, transaction

from apps.accounts.models import User


def test_it_stores_emails_in_lower_case(db):
    user = User.objects.create_user("Mixed.Case@Example.com", "pw-long-enough-1")
    assert user.email == "mixed.case@example.com"


def test_the_database_refuses_the_same_email_in_another_case(user):
    with pytest.raises(IntegrityError):
        User.objects.bulk_create([User(email="ALICE@EXAMPLE.COM", calendar_token="x")])


def test_it_gives_each_person_a_distinct_calendar_token(user, other_user):
    assert len(user.calendar_token) >= 40
    assert user.calendar_token != other_user.calendar_token


@pytest.mark.parametrize("days", [6, 366])
def test_the_database_refuses_a_closure_delay_out_of_range(user, days):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(stale_after_days=days)
    user.refresh_from_db()
    assert user.stale_after_days == 30
