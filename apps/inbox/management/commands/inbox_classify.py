import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from apps.inbox.matching import ApplicationIndex
from apps.inbox.parsing import UnreadableEmail, parse_bytes
from apps.inbox.reading import read_email


class Command(BaseCommand):
    help = (
        "Show how Rebound reads .eml files: one JSON object per file with the kind, company, "
        "role, confidence and reasons (and, with --email, the matched application's id)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--email", help="Match against this person's applications.")

    def handle(self, *args, files: list[Path], email: str | None, **options):
        person = None
        if email:
            person = get_user_model().objects.filter(email__iexact=email.strip()).first()
            if person is None:
                raise CommandError(f"No account with the email address {email}.")
        index = ApplicationIndex.for_user(person) if person else ApplicationIndex([], {}, {})
        for path in files:
            result: dict = {"file": str(path)}
            try:
                parsed = parse_bytes(path.read_bytes())
            except OSError as error:
                result["error"] = f"Could not read the file: {error.strerror or error}"
            except UnreadableEmail as error:
                result["error"] = str(error)
            else:
                owner = person or _Nobody()
                outcome = read_email(parsed, owner=owner, index=index)
                match = outcome.match
                result.update(
                    kind=outcome.reading.kind,
                    company=match.company if match else "",
                    role=match.role if match else "",
                    confidence=round(outcome.reading.confidence, 2),
                    reasons=outcome.reading.reasons,
                )
                if person is not None:
                    result["application_id"] = match.application_id if match else None
                    result["candidate_ids"] = match.candidate_ids if match else []
            self.stdout.write(json.dumps(result, ensure_ascii=False))


class _Nobody:
    """Stands in for a person when none is given: no own address, UTC."""

    email = ""
    timezone = "UTC"
