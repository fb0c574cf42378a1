"""`manage.py seed_demo --email ...`: a demo person with realistic data (see apps/demo/seed.py)."""

import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from apps.demo.seed import seed_everything

DEFAULT_PASSWORD = "rebound-demo-password"


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
