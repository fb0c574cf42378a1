import pytest
from django.core.exceptions import ValidationError

from apps.applications.models import Company
from apps.applications.services import company_get_or_create


def test_it_matches_an_existing_company_in_any_case(user):
    acme = company_get_or_create(owner=user, name="Acme Labs")
    assert company_get_or_create(owner=user, name="  acme   LABS ") == acme
    assert Company.objects.count() == 1


def test_it_keeps_each_persons_companies_apart(user, other_user):
    mine = company_get_or_create(owner=user, name="Acme")
    theirs = company_get_or_create(owner=other_user, name="Acme")
    assert mine != theirs
    assert list(Company.objects.for_user(user)) == [mine]


def test_it_refuses_a_blank_name(user):
    with pytest.raises(ValidationError):
        company_get_or_create(owner=user, name="   ")
    assert Company.objects.count() == 0
