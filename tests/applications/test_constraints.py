import datetime

import pytest
from django.db import IntegrityError, transaction

from apps.applications.models import Application
from tests.factories import ApplicationFactory


@pytest.mark.parametrize(
    "field", ["status", "work_mode", "source"], ids=["status", "work mode", "source"]
)
def test_the_database_refuses_a_value_outside_the_choices(user, field):
    application = ApplicationFactory(owner=user)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=application.pk).update(**{field: "somewhere"})


@pytest.mark.parametrize(("field", "value"), [("work_mode", "remote"), ("source", "referral")])
def test_the_database_takes_a_choice_or_nothing(user, field, value):
    application = ApplicationFactory(owner=user)
    for allowed in (value, ""):
        Application.objects.filter(pk=application.pk).update(**{field: allowed})
        application.refresh_from_db()
        assert getattr(application, field) == allowed


def test_a_follow_up_is_due_from_its_day_while_the_application_is_in_play(user, today):
    day = datetime.timedelta(days=1)
    due = ApplicationFactory(owner=user, next_follow_up_on=today)
    assert due.follow_up_is_due(today)
    assert not due.follow_up_is_due(today - day)
    assert not ApplicationFactory(owner=user, next_follow_up_on=None).follow_up_is_due(today)
    closed = ApplicationFactory(owner=user, next_follow_up_on=today - day, status="rejected")
    archived = ApplicationFactory(owner=user, next_follow_up_on=today - day, archived=True)
    assert not closed.follow_up_is_due(today)
    assert not archived.follow_up_is_due(today)
