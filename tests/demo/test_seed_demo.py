from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.accounts.models import User
from apps.applications.models import Application, Interview, StatusChange


def test_it_seeds_a_demo_person_with_histories_and_interviews(db):
    out = StringIO()
    call_command("seed_demo", "--email", "demo@example.com", "--applications", "200", stdout=out)
    person = User.objects.get(email="demo@example.com")
    assert person.check_password("rebound-demo-password")
    applications = Application.objects.for_user(person)
    assert applications.count() == 200
    assert applications.values("status").distinct().count() >= 6
    # Every application's history starts with its first status and ends at its current one.
    assert StatusChange.objects.filter(owner=person, from_status="").count() == 200
    for application in applications.prefetch_related("status_changes")[:50]:
        moves = list(application.status_changes.all())
        assert moves[-1].to_status == application.status
        assert moves[-1].on == application.status_changed_on
    assert Interview.objects.filter(owner=person).exists()
    assert "200 applications" in out.getvalue()


def test_it_will_not_overwrite_someone_without_being_asked(user):
    with pytest.raises(CommandError):
        call_command("seed_demo", "--email", user.email, stdout=StringIO())
    call_command(
        "seed_demo", "--email", user.email, "--replace", "--applications", "5", stdout=StringIO()
    )
    assert Application.objects.count() == 5
