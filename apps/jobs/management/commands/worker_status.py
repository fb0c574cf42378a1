import socket

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.jobs.selectors import worker_status


class Command(BaseCommand):
    help = (
        "Show the running workers, the queue, and what failed in the last day. With --check, "
        "exit non-zero unless a worker on this host wrote its heartbeat recently (the "
        "container health check)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Health check: exit 1 if stale.")
        parser.add_argument(
            "--any-host", action="store_true", help="With --check: a worker on any host counts."
        )

    def handle(self, *args, check: bool = False, any_host: bool = False, **options):
        status = worker_status()
        host = None if any_host else socket.gethostname()
        if check:
            if not status.fresh(host=host):
                where = "anywhere" if host is None else f"on {host}"
                raise CommandError(f"No worker {where} has written a heartbeat recently.")
            self.stdout.write("Worker is alive.")
            return
        now = timezone.now()
        if not status.heartbeats:
            self.stdout.write("No worker has started yet. Start one with: manage.py run_worker")
        for beat in status.heartbeats:
            age = int((now - beat.seen_at).total_seconds())
            state = "alive" if beat in status.fresh() else "silent"
            self.stdout.write(f"{beat.worker_id}: {state}, last heartbeat {age} s ago")
        self.stdout.write(f"Tasks waiting: {status.queued}")
        if not (status.failed_runs or status.failed_tasks):
            self.stdout.write("Nothing failed in the last day.")
        for run in status.failed_runs:
            who = (run.owner_id and f"person {run.owner_id}") or "everyone"
            self.stdout.write(
                f"FAILED {run.kind} for {who} ({run.period}), try {run.attempts}: {run.detail}"
            )
        for result in status.failed_tasks:
            self.stdout.write(
                f"FAILED task {result.task_path} {result.id} at {result.finished_at:%Y-%m-%d %H:%M}"
                f": {result.exception_class_path}"
            )
