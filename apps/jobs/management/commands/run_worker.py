from django.core.management.base import BaseCommand
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS

from apps.jobs.tasks import periodic_tick
from apps.jobs.worker import ResilientWorker, start_scheduler, stop_scheduler, worker_identity


class Command(BaseCommand):
    help = (
        "Run Rebound's background worker: digests and reminders, closing silent "
        "applications, clearing expired sessions, reading mailboxes, and long imports and "
        "restores. Run one or more next to the web server; they never do the same work twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Do what is due now and everything queued, then exit (for cron, or a test).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait between looks at an empty queue (default 1).",
        )

    def handle(self, *args, batch: bool = False, interval: float = 1.0, **options):
        host, worker_id = worker_identity()
        worker = ResilientWorker(
            queue_names=["default"],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id[:64],
            excluded_queue_names=[],
        )
        if batch:
            periodic_tick.enqueue()
            worker.run()
            return
        self.stdout.write(f"Worker {worker_id} started.")
        scheduler = start_scheduler(worker_id=worker_id, host=host)
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop_scheduler(scheduler, worker_id=worker_id)
