from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from apps.applications.selectors import stale_applications
from apps.applications.services import applications_close_stale
from apps.core.dates import today_for


class Command(BaseCommand):
    help = (
        "Close applications that have had no news for each person's chosen number of days as "
        "“no response”, for the people who turned automatic closing on. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be closed."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        people = get_user_model().objects.filter(auto_close_stale=True, is_active=True)
        total = 0
        for person in people.order_by("pk").iterator():
            if dry_run:
                total += stale_applications(user=person, today=today_for(person)).count()
            else:
                total += applications_close_stale(owner=person)
        verb = "Would close" if dry_run else "Closed"
        self.stdout.write(f"{verb} {total} application{'s' if total != 1 else ''}.")
