"""Demo feedback requests for some rejected applications, for `seed_everything`."""

import datetime
import random

from apps.applications.models import Application, Status
from apps.core.dates import today_for
from apps.feedback.models import Channel, FeedbackRequest, RequestStatus, Tone

SAID = [
    ("They liked my portfolio but hired someone with more payments experience.", Tone.ENCOURAGING,
     "Lead with the portfolio; read up on payments."),
    ("My system design answer stayed too high-level.", Tone.NEUTRAL,
     "Practise one system design question a week, going into detail."),
    ("Strong interview; it came down to timing and budget.", Tone.ENCOURAGING, ""),
    ("They wanted more evidence of leading projects.", Tone.CRITICAL,
     "Put the projects I led at the top of my CV."),
]  # fmt: skip


def seed_feedback(user, rng: random.Random) -> str:
    today = today_for(user)
    rejected = list(
        Application.objects.for_user(user)
        .filter(status=Status.REJECTED)
        .select_related("company")
        .order_by("-status_changed_on")[:40]
    )
    requests = []
    for application in reversed(rejected):  # oldest first, as they would have been made
        if rng.random() < 0.5:
            continue
        asked_on = min(today, application.status_changed_on + datetime.timedelta(days=1))
        outcome = rng.choice(["sent", "answered", "answered", "no_answer", "declined"])
        base = {
            "owner": user,
            "application": application,
            "channel": rng.choice(Channel.values),
            "asked_on": asked_on,
            "follow_up_on": asked_on + datetime.timedelta(days=7),
            "message": f"Thank you for considering me for the {application.role_title} role.",
        }
        if outcome == "answered":
            said, tone, takeaway = rng.choice(SAID)
            answered_on = min(today, asked_on + datetime.timedelta(days=rng.randint(1, 6)))
            requests.append(
                FeedbackRequest(
                    **base,
                    status=RequestStatus.ANSWERED,
                    answered_on=answered_on,
                    what_they_said=said,
                    my_takeaways=takeaway,
                    tone=tone,
                )
            )
        elif outcome == "declined":
            answered_on = min(today, asked_on + datetime.timedelta(days=2))
            requests.append(
                FeedbackRequest(**base, status=RequestStatus.DECLINED, answered_on=answered_on)
            )
        elif outcome == "no_answer":
            requests.append(FeedbackRequest(**base, status=RequestStatus.NO_ANSWER))
        else:
            requests.append(FeedbackRequest(**base, status=RequestStatus.SENT))
    FeedbackRequest.objects.bulk_create(requests, batch_size=1000)
    return f"{len(requests)} feedback requests"
