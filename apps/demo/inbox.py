"""Demo emails waiting on the inbox page, for `seed_everything`: read through the same path
as a paste, so the cards show what a real reading looks like."""

import random

from apps.applications.models import Application, Status
from apps.inbox.matching import ApplicationIndex
from apps.inbox.models import Source
from apps.inbox.parsing import parse_paste
from apps.inbox.reading import read_email
from apps.inbox.services import suggestion_keep

INTERVIEW = """From: {company} Recruiting <recruiting@{domain}>
Subject: Interview invitation: {role}

Hi,

Thanks for your application for the {role} role. We would like to invite you to a video
interview with the hiring manager. Would Thursday at 10:00 work? If not, let us know your
availability next week.

{company} Recruiting"""

RECEIVED = """From: {company} <no-reply@us.greenhouse-mail.io>
Subject: Thank you for applying to {company}

Hello,

We have received your application for {role} and the team will review it over the next
two weeks.

{company}"""


def seed_inbox(user, rng: random.Random) -> str:
    waiting = list(
        Application.objects.for_user(user)
        .filter(status=Status.APPLIED, archived=False)
        .select_related("company")
        .order_by("-status_changed_on", "-id")[:10]
    )
    if len(waiting) < 2:
        return "inbox: no emails (too few applications)"
    index = ApplicationIndex.for_user(user)
    kept = 0
    for template, application in zip((INTERVIEW, RECEIVED), rng.sample(waiting, 2), strict=True):
        company = application.company.name
        domain = "".join(ch for ch in company.lower() if ch.isalnum()) + ".example"
        text = template.format(company=company, role=application.role_title, domain=domain)
        outcome = read_email(parse_paste(text), owner=user, index=index)
        if outcome.is_about_search:
            suggestion_keep(owner=user, outcome=outcome, source=Source.PASTE)
            kept += 1
    return f"inbox: {kept} emails waiting"
