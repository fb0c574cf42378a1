import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.core.dates import today_for
from apps.selfcare.models import CheckIn
from apps.selfcare.services import checkin_save
from tests.factories import CheckInFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_it_saves_todays_check_in_in_the_persons_timezone(user):
    user.timezone = "Pacific/Kiritimati"  # UTC+14: often a day ahead of the server
    user.save()
    checkin = checkin_save(owner=user, mood=4)
    assert checkin.date == today_for(user)
    assert (checkin.owner, checkin.mood) == (user, 4)


def test_saving_again_the_same_day_updates_the_one_check_in(user):
    first = checkin_save(owner=user, mood=2)
    second = checkin_save(owner=user, mood=4)
    assert first.pk == second.pk
    assert CheckIn.objects.get().mood == 4


def test_a_mood_only_save_keeps_the_details_saved_earlier(user):
    checkin_save(owner=user, mood=3, hours_slept=Decimal("7.5"), moved=True, note="Long walk")
    checkin_save(owner=user, mood=2)
    checkin = CheckIn.objects.get()
    assert (checkin.mood, checkin.hours_slept, checkin.moved, checkin.note) == (
        2,
        Decimal("7.5"),
        True,
        "Long walk",
    )


def test_each_person_has_their_own_day(user, other_user):
    checkin_save(owner=user, mood=3)
    checkin_save(owner=other_user, mood=5)
    assert CheckIn.objects.count() == 2


def test_it_may_save_a_day_that_has_passed(user):
    yesterday = today_for(user) - DAY
    assert checkin_save(owner=user, mood=3, date=yesterday).date == yesterday


def test_it_refuses_a_day_that_has_not_come_yet(user):
    with pytest.raises(ValidationError):
        checkin_save(owner=user, mood=3, date=today_for(user) + DAY)
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(
    ("mood", "details", "field"),
    [
        (0, {}, "mood"),
        (6, {}, "mood"),
        (3, {"energy": 9}, "energy"),
        (3, {"hours_slept": Decimal("25")}, "hours_slept"),
        (3, {"hours_slept": Decimal("-1")}, "hours_slept"),
    ],
)
def test_it_explains_out_of_range_values_and_saves_nothing(user, mood, details, field):
    with pytest.raises(ValidationError) as raised:
        checkin_save(owner=user, mood=mood, **details)
    assert field in raised.value.message_dict
    assert not CheckIn.objects.exists()


def test_it_rejects_unknown_fields(user):
    with pytest.raises(TypeError):
        checkin_save(owner=user, mood=3, feeling="fine")


def test_the_database_allows_one_check_in_per_person_per_day(user):
    CheckInFactory(owner=user, date=datetime.date(2025, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(owner=user, date=datetime.date(2025, 3, 1), mood=2)


@pytest.mark.parametrize(
    "values", [{"mood": 0}, {"mood": 6}, {"energy": 0}, {"hours_slept": Decimal("24.5")}]
)
def test_the_database_keeps_values_in_range(user, values):
    with pytest.raises(IntegrityError), transaction.atomic():
        CheckIn.objects.create(owner=user, date=datetime.date(2025, 3, 1), **{"mood": 3, **values})
