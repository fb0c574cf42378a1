"""A demo person's months of realistic job-search data, for trying Rebound out and for
measuring it at size (`--applications 10000` takes seconds: every part writes with
bulk_create).

Each module beside this one writes one app's demo data; `seed_everything` calls them in
dependency order (rejections, feedback and contacts build on the applications written first).
Nothing in Rebound imports this app: it sits above every other one.
"""

import random

from apps.demo.applications import seed_applications
from apps.demo.contacts import seed_contacts
from apps.demo.feedback import seed_feedback
from apps.demo.inbox import seed_inbox
from apps.demo.rejections import seed_rejections
from apps.demo.selfcare import seed_checkins


def seed_everything(user, *, applications: int, rng: random.Random) -> list[str]:
    """Write every app's demo data for this person; returns one summary line per app."""
    summaries = [seed_applications(user, applications, rng)]
    summaries.append(seed_rejections(user, rng))
    summaries.append(seed_feedback(user, rng))
    summaries.append(seed_contacts(user, rng))
    summaries.append(seed_checkins(user, rng))
    summaries.append(seed_inbox(user, rng))
    return summaries
