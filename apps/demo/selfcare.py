"""Demo check-ins for `seed_everything`: most days of the last few months, with moods
that dip after rejections, written with bulk_create."""

import datetime
import random
from decimal import Decimal

from apps.applications.models import Status, StatusChange
from apps.core.dates import today_for
from apps.selfcare.models import CheckIn


def seed_checkins(user, rng: random.Random, *, days: int = 150) -> str:
    today = today_for(user)
    start = today - datetime.timedelta(days=days)
    rejected_on = set(
        StatusChange.objects.for_user(user)
        .filter(to_status=Status.REJECTED, on__gte=start)
        .values_list("on", flat=True)
    )
    checkins = []
    for offset in range(days, 0, -1):  # up to yesterday: today stays for the person
        day = today - datetime.timedelta(days=offset)
        if rng.random() < 0.2:
            continue
        hard = any(0 <= (day - r).days < 3 for r in rejected_on)
        mood = max(1, min(5, round(rng.gauss(2.4 if hard else 3.5, 0.9))))
        checkins.append(
            CheckIn(
                owner=user,
                date=day,
                mood=mood,
                energy=max(1, min(5, mood + rng.choice([-1, 0, 0, 1]))),
                hours_slept=Decimal(rng.choice(["5.5", "6", "6.5", "7", "7.5", "8", "8.5"])),
                moved=rng.random() < 0.5,
                ate_well=rng.random() < 0.6,
                connected=rng.random() < 0.5,
                took_break=rng.random() < 0.4,
            )
        )
    CheckIn.objects.bulk_create(checkins, batch_size=1000)
    return f"{len(checkins)} check-ins"
