"""Demo data for the applications app, written with bulk_create so thousands of
applications take seconds. Called by `seed_everything`."""

import datetime
import random

from apps.applications.models import (
    ACTIVE_STATUSES,
    Application,
    Company,
    Interview,
    InterviewKind,
    InterviewOutcome,
    Source,
    Status,
    StatusChange,
    WorkMode,
)
from apps.applications.services import applications_stage_refresh
from apps.core.dates import today_for, user_zone

NAME_STARTS = [
    "North", "Blue", "Bright", "Harbor", "Cedar", "Lumen", "Atlas", "Nimbus", "Quill", "Orbit",
    "Juniper", "Copper", "Meadow", "Summit", "Tidal", "Ember", "Granite", "Willow", "Aurora",
    "Pioneer", "Kestrel", "Maple", "Silver", "Solstice", "Beacon", "Vantage", "Fable", "Rivet",
]  # fmt: skip
NAME_ENDS = [
    "Labs", "Health", "Logistics", "Analytics", "Works", "Systems", "Bank", "Studio", "Energy",
    "Foods", "Robotics", "Learning", "Insurance", "Media", "Mobility", "Cloud", "Games",
    "Biotech", "Retail", "Security", "Travel", "Networks", "Software", "Partners",
]  # fmt: skip
ROLES = [
    "Backend developer", "Frontend developer", "Full-stack engineer", "Data analyst",
    "Data engineer", "Product manager", "UX designer", "Site reliability engineer",
    "Engineering manager", "QA engineer", "Mobile developer", "Technical writer",
    "Machine learning engineer", "Platform engineer", "Customer success manager",
    "Solutions architect", "Security engineer", "DevOps engineer",
]  # fmt: skip
LEVELS = ["", "", "Senior ", "Junior ", "Lead ", "Staff "]
LOCATIONS = ["Berlin", "Lisbon", "London", "Amsterdam", "Remote (EU)", "Toronto", "Madrid", ""]
NOTES = [
    "",
    "",
    "",
    "Referred by a former colleague.",
    "Team works on climate data. Would love this one.",
    "Recruiter reached out on a networking site.",
    "Four-day week mentioned in the posting.",
    "Need to brush up on system design before any interview.",
    "Posting asks for a cover letter; sent a short one.",
]
PEOPLE = ["Sam", "Priya", "Jonas", "Amara", "Lea", "Tomás", "Mei", "Ravi"]

# (final status, weight): most applications end quietly or with a "no", as in real searches.
OUTCOMES = [
    (Status.WISHLIST, 5),
    (Status.APPLIED, 10),
    (Status.SCREENING, 5),
    (Status.INTERVIEWING, 6),
    (Status.OFFER, 1.5),
    (Status.ACCEPTED, 0.5),
    (Status.REJECTED, 40),
    (Status.NO_RESPONSE, 27),
    (Status.WITHDRAWN, 5),
]
MOVE_CHUNK = 2000


def _company_names(rng: random.Random, count: int) -> list[str]:
    names = [f"{start} {end}" for start in NAME_STARTS for end in NAME_ENDS]
    rng.shuffle(names)
    if count <= len(names):
        return names[:count]
    extra = [f"{name} {n}" for n in range(2, count // len(names) + 2) for name in names]
    return (names + extra)[:count]


def _path_to(final: Status, rng: random.Random) -> list[str]:
    """The statuses an application went through to reach its final one."""
    if final == Status.WISHLIST:
        return [Status.WISHLIST]
    path = [Status.WISHLIST] if rng.random() < 0.2 else []
    path.append(Status.APPLIED)
    if final in (Status.APPLIED, Status.NO_RESPONSE):
        return [*path, final] if final != Status.APPLIED else path
    depth = {
        Status.SCREENING: 1,
        Status.INTERVIEWING: 2,
        Status.OFFER: 3,
        Status.ACCEPTED: 3,
        Status.REJECTED: rng.choice([0, 0, 1, 1, 2, 2, 3]),
        Status.WITHDRAWN: rng.choice([0, 1, 2]),
    }[final]
    stages = [Status.SCREENING, Status.INTERVIEWING, Status.OFFER][:depth]
    if Status.INTERVIEWING in stages and rng.random() < 0.3:
        stages.remove(Status.SCREENING)  # some go straight to interviews
    path.extend(stages)
    if final not in path:
        path.append(final)
    return path


def seed_applications(user, count: int, rng: random.Random) -> str:
    """Write `count` applications for `user` spread over the last eight months, each with
    its status history, plus interviews for those that got that far. Returns a summary."""
    today = today_for(user)
    zone = user_zone(user)
    existing = {
        name.lower() for name in Company.objects.for_user(user).values_list("name", flat=True)
    }
    wanted = max(1, min(count, max(12, count // 3))) if count else 0
    names = [n for n in _company_names(rng, wanted + len(existing)) if n.lower() not in existing]
    companies = Company.objects.bulk_create(
        [Company(owner=user, name=name) for name in names[:wanted]], batch_size=1000
    )
    statuses = [status for status, _ in OUTCOMES]
    weights = [weight for _, weight in OUTCOMES]

    applications: list[Application] = []
    paths: list[list[tuple[str, datetime.date]]] = []
    for _ in range(count):
        final = rng.choices(statuses, weights)[0]
        path = _path_to(final, rng)
        # Open applications are recent; closed ones are spread over the whole period.
        span = 45 if final in ACTIVE_STATUSES else 240
        day = today - datetime.timedelta(days=rng.randint(len(path) * 3, span))
        dated = []
        for step in path:
            dated.append((step, day))
            gap = (
                30 + rng.randint(0, 20)
                if step == Status.APPLIED and final == Status.NO_RESPONSE
                else rng.randint(2, 14)
            )
            day += datetime.timedelta(days=gap)
        overshoot = (dated[-1][1] - today).days
        if overshoot > 0 or (final not in ACTIVE_STATUSES and overshoot == 0):
            # Closed ones closed a while ago; shift the whole story back.
            back = datetime.timedelta(days=max(overshoot, 0) + rng.randint(1, 20))
            dated = [(step, on - back) for step, on in dated]
        paths.append(dated)
        applied_on = next((d for s, d in dated if s == Status.APPLIED), None)
        low = rng.choice([None, 45, 50, 55, 60, 65, 70, 80])
        active = final in ACTIVE_STATUSES
        follow_up = None
        if active and final != Status.WISHLIST and rng.random() < 0.4:
            follow_up = today + datetime.timedelta(days=rng.randint(-3, 10))
            follow_up = max(follow_up, applied_on or follow_up)
        applications.append(
            Application(
                owner=user,
                company=rng.choice(companies),
                role_title=f"{rng.choice(LEVELS)}{rng.choice(ROLES)}",
                location=rng.choice(LOCATIONS),
                work_mode=rng.choice([*WorkMode.values, ""]),
                source=rng.choice(Source.values),
                salary_min=low * 1000 if low else None,
                salary_max=(low + rng.choice([10, 15, 20])) * 1000 if low else None,
                salary_currency="EUR" if low else "",
                status=final,
                status_changed_on=dated[-1][1],
                applied_on=applied_on,
                next_follow_up_on=follow_up,
                excitement=rng.randint(1, 5),
                fit_values=rng.choice([None, 2, 3, 4, 5]),
                fit_interests=rng.choice([None, 2, 3, 4, 5]),
                fit_skills=rng.choice([None, 2, 3, 4, 5]),
                notes=rng.choice(NOTES),
                archived=not active and rng.random() < 0.1,
            )
        )
    Application.objects.bulk_create(applications, batch_size=1000)

    changes: list[StatusChange] = []
    interviews: list[Interview] = []
    moves = 0
    for application, dated in zip(applications, paths, strict=True):
        previous = ""
        for status, day in dated:
            changes.append(
                StatusChange(
                    owner=user,
                    application=application,
                    from_status=previous,
                    to_status=status,
                    on=day,
                )
            )
            previous = status
        interviews.extend(_interviews_for(application, dated, today, zone, rng))
        if len(changes) >= MOVE_CHUNK:
            moves += len(StatusChange.objects.bulk_create(changes, batch_size=1000))
            changes = []
    moves += len(StatusChange.objects.bulk_create(changes, batch_size=1000))
    Interview.objects.bulk_create(interviews, batch_size=1000)
    applications_stage_refresh(owner=user)
    return (
        f"{count} applications at {len(companies)} companies, {moves} moves, "
        f"{len(interviews)} interviews"
    )


INTERVIEWERS = ["recruiter", "hiring manager", "team lead", "engineer"]


def _interview_kind(number: int, rounds: int, rng: random.Random) -> str:
    if rounds > 1 and number == rounds:
        return InterviewKind.FINAL
    if number == 1:
        return rng.choice(
            [InterviewKind.PHONE_SCREEN, InterviewKind.PHONE_SCREEN, InterviewKind.OTHER]
        )
    return rng.choice([InterviewKind.TECHNICAL, InterviewKind.TAKE_HOME, InterviewKind.ON_SITE])


def _interviews_for(application, dated, today, zone, rng) -> list[Interview]:
    start = dict(dated).get(Status.INTERVIEWING)
    if start is None:
        return []
    still_interviewing = application.status == Status.INTERVIEWING
    rounds = rng.randint(1, 3)
    if application.status in (Status.OFFER, Status.ACCEPTED):
        rounds = max(rounds, 2)
    result = []
    for number in range(1, rounds + 1):
        day = start + datetime.timedelta(days=2 + (number - 1) * rng.randint(4, 8))
        if still_interviewing and number == rounds:
            day = max(day, today + datetime.timedelta(days=rng.randint(1, 10)))
        elif not still_interviewing:
            day = min(day, application.status_changed_on)
        moment = datetime.datetime.combine(
            day, datetime.time(rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30])), zone
        )
        outcome = InterviewOutcome.PASSED
        if number == rounds:
            if day >= today or still_interviewing:
                outcome = InterviewOutcome.PENDING
            elif application.status == Status.REJECTED:
                outcome = InterviewOutcome.NOT_PASSED
        result.append(
            Interview(
                owner=application.owner,
                application=application,
                round_number=number,
                kind=_interview_kind(number, rounds, rng),
                scheduled_at=moment,
                with_whom=f"{rng.choice(PEOPLE)}, {rng.choice(INTERVIEWERS)}",
                outcome=outcome,
            )
        )
    return result
