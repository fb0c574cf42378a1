import datetime
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from apps.applications.models import Application, StatusChange
from tests.factories import ApplicationFactory, UserFactory

URL = reverse("applications:stale")
DAY = datetime.timedelta(days=1)


def test_it_lists_applications_quiet_for_longer_than_the_persons_setting(auth_client, user, today):
    ApplicationFactory(owner=user, role_title="Long quiet", status_changed_on=today - 40 * DAY)
    ApplicationFactory(owner=user, role_title="Recent news", status_changed_on=today - 3 * DAY)
    content = auth_client.get(URL).content.decode()
    assert "Long quiet" in content
    assert "Recent news" not in content
    assert "30 days" in content


def test_it_closes_the_ticked_ones_as_moves(auth_client, user, today):
    first = ApplicationFactory(owner=user, status_changed_on=today - 40 * DAY)
    second = ApplicationFactory(owner=user, status_changed_on=today - 40 * DAY)
    response = auth_client.post(URL, {"ids": [first.pk]})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("no_response", "applied")
    change = StatusChange.objects.get()
    assert (change.from_status, change.to_status, change.on) == ("applied", "no_response", today)


def test_it_refuses_applications_that_are_not_quiet_or_not_theirs(
    auth_client, user, other_user, today
):
    recent = ApplicationFactory(owner=user, status_changed_on=today)
    theirs = ApplicationFactory(owner=other_user, status_changed_on=today - 90 * DAY)
    response = auth_client.post(URL, {"ids": [recent.pk, theirs.pk]})
    assert response.status_code == 200
    assert "have changed since the page loaded" in response.content.decode()
    assert not Application.objects.filter(status="no_response").exists()
    response = auth_client.post(URL, {})
    assert "Tick at least one" in response.content.decode()


def test_it_closes_from_the_command_only_for_people_who_asked(user, today):
    keen = UserFactory(auto_close_stale=True, stale_after_days=14)
    quiet_for_keen = ApplicationFactory(owner=keen, status_changed_on=today - 20 * DAY)
    ApplicationFactory(owner=keen, status_changed_on=today - 5 * DAY)
    quiet_for_alice = ApplicationFactory(owner=user, status_changed_on=today - 90 * DAY)
    out = StringIO()
    call_command("close_stale_applications", "--dry-run", stdout=out)
    assert "Would close 1 application." in out.getvalue()
    assert not Application.objects.filter(status="no_response").exists()
    out = StringIO()
    call_command("close_stale_applications", stdout=out)
    assert "Closed 1 application." in out.getvalue()
    quiet_for_keen.refresh_from_db()
    quiet_for_alice.refresh_from_db()
    assert (quiet_for_keen.status, quiet_for_alice.status) == ("no_response", "applied")
    assert "14 days" in StatusChange.objects.get(owner=keen).note
