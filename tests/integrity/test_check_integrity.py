import datetime
import io

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from apps.applications.models import Application, StatusChange
from apps.applications.services import application_create
from apps.rejections.models import RecoveryStep
from apps.rejections.services import rejection_log
from tests.factories import CheckInFactory

DAY = datetime.timedelta(days=1)


def run_check() -> str:
    out = io.StringIO()
    call_command("check_integrity", stdout=out, stderr=out)
    return out.getvalue()


@pytest.fixture
def world(user, today):
    application = application_create(
        owner=user, company_name="Acme", role_title="Dev", applied_on=today - 3 * DAY
    )
    rejection = rejection_log(application=application, received_on=today)
    CheckInFactory(owner=user, date=today)
    return {"application": application, "rejection": rejection}


def test_it_passes_on_data_written_by_the_services(world):
    assert "All integrity rules hold." in run_check()


def test_it_fails_when_a_status_is_not_the_last_history_entry(world):
    Application.objects.filter(pk=world["application"].pk).update(status="applied")
    with pytest.raises(CommandError):
        run_check()


def test_it_fails_when_an_application_has_no_history(world):
    StatusChange.objects.filter(application=world["application"]).delete()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_integrity", stdout=out, stderr=out)
    assert "its history ends at “nothing”" in out.getvalue()


def test_it_fails_when_a_rejection_lacks_a_step(world):
    RecoveryStep.objects.filter(rejection=world["rejection"], move="network").delete()
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_integrity", stdout=out, stderr=out)
    assert "has 7 of its 8 recovery steps" in out.getvalue()


def test_it_fails_when_a_row_hangs_on_another_persons_row(world, other_user):
    StatusChange.objects.filter(application=world["application"]).update(owner=other_user)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_integrity", stdout=out, stderr=out)
    assert "applications.StatusChange" in out.getvalue()


def test_it_exits_non_zero_from_the_command_line(world):
    """The check as scripts run it: a broken rule is a non-zero exit status."""
    Application.objects.filter(pk=world["application"].pk).update(status="offer")
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "check_integrity"]).execute()
    assert exit_info.value.code != 0
