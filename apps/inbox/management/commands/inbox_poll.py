from django.core.management.base import BaseCommand

from apps.inbox.services import mailboxes_poll


class Command(BaseCommand):
    help = "Read new mail in every mailbox that is turned on (read-only) and make suggestions."

    def handle(self, *args, **options):
        created = mailboxes_poll()
        self.stdout.write(f"{created} new suggestion{'s' if created != 1 else ''}.")
