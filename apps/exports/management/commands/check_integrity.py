"""`manage.py check_integrity`: verify the rules the data must always keep, whatever wrote it
(pages, the API, imports, restores, the worker). Prints each broken rule and exits non-zero
when there is one, so scripts (bench/mixed_load.py, tests, cron) can rely on it."""

from django.core.management.base import BaseCommand, CommandError

from apps.applications.selectors import applications_off_their_history
from apps.core.integrity import owned_links_crossing_owners
from apps.rejections.selectors import rejections_without_their_steps
from apps.selfcare.selectors import checkin_days_doubled

CHECKS = (
    ("status equals the last history entry", applications_off_their_history),
    ("every rejection has its eight recovery steps", rejections_without_their_steps),
    ("one check-in per person per day", checkin_days_doubled),
    ("no orphan rows (links stay within one person)", owned_links_crossing_owners),
)


class Command(BaseCommand):
    help = "Check the data's invariants; exit non-zero when one is broken."

    def handle(self, *args, **options):
        failed = 0
        for rule, check in CHECKS:
            problems = check()
            if problems:
                failed += 1
                self.stderr.write(f"FAILED: {rule} ({len(problems)} problem(s))")
                for problem in problems[:50]:
                    self.stderr.write(f"  {problem}")
            else:
                self.stdout.write(f"ok: {rule}")
        if failed:
            raise CommandError(f"{failed} of {len(CHECKS)} integrity rules are broken.")
        self.stdout.write(self.style.SUCCESS("All integrity rules hold."))
