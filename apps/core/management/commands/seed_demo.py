"""A demo person with months of realistic job-search data, for trying Rebound out and for
measuring it at size (`--applications 10000` takes seconds: every app writes with bulk_create).

Each app that has demo data provides a function in its own `demo.py` and is called from
`seed_everything` below, in dependency order (rejections, feedback and contacts build on the
applications written first).
"""

import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.applications.demo import seed_applications
from apps.contacts.demo import seed_contacts
from apps.feedback.demo import seed_feedback
from apps.rejections.demo import seed_rejections
from apps.selfcare.demo import seed_checkins

DEFAULT_PASSWORD = "rebound-demo-password"


def seed_everything(user, *, applications: int, rng: random.Random) -> list[str]:
    """Write every app's demo data for this person; returns one summary line per app."""
    summaries = [seed_applications(user, applications, rng)]
    summaries.append(seed_rejections(user, rng))
    summaries.append(seed_feedback(user, rng))
    summaries.append(seed_contacts(user, rng))
    summaries.append(seed_checkins(user, rng))
    return summaries


class Command(BaseCommand):
    help = "Create a demo person with realistic applications, histories and interviews."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="The demo person's email address.")
        parser.add_argument(
            "--applications",
            type=int,
            default=120,
            help="How many applications to write (default 120).",
        )
        parser.add_argument(
            "--password",
            default=DEFAULT_PASSWORD,
            help=f"The demo person's password (default {DEFAULT_PASSWORD!r}).",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed, for repeatable data."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete the person first if they exist, with everything they own.",
        )

    def handle(self, *args, email: str, applications: int, password: str, seed: int, **options):
        if applications < 0:
            raise CommandError("--applications must be 0 or more.")
        User = get_user_model()
        started = time.monotonic()
        with transaction.atomic():
            existing = User.objects.filter(email__iexact=email.strip()).first()
            if existing is not None:
                if not options["replace"]:
                    raise CommandError(
                        f"{email} already exists. Pass --replace to delete it and start over."
                    )
                existing.delete()
            user = User.objects.create_user(
                email=email, password=password, display_name="Demo", timezone="UTC"
            )
            summaries = seed_everything(user, applications=applications, rng=random.Random(seed))
        elapsed = time.monotonic() - started
        self.stdout.write(f"Demo person {user.email} (password: {password})")
        for line in summaries:
            self.stdout.write(f"  {line}")
        self.stdout.write(f"Done in {elapsed:.1f}s.")
