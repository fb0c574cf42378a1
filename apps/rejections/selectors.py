"""Reads for rejections and the recovery plan.

The plan panel is built in a fixed number of queries however many rejections are open: the
data each move acts on is fetched once for all the rejections shown, then handed out.
"""

import bisect
import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Window
from django.template.defaultfilters import pluralize

from apps.applications.models import Source, Status
from apps.applications.selectors import applications_applied_between, applications_for
from apps.applications.stages import (
    STAGE_PHRASES,
    PipelineReach,
    StageReached,
    pipeline_reach,
)
from apps.contacts.selectors import contacts_at_companies, interaction_days, reconnect_suggestions
from apps.core.charts import Bar, bars
from apps.core.dates import week_bounds
from apps.feedback.selectors import feedback_requests_for, positive_feedback_count, response_rate
from apps.feedback.selectors import takeaways as feedback_takeaways
from apps.rejections.models import MOVE_ORDER, Move, RecoveryStep, Rejection, StepState
from apps.selfcare.selectors import CheckInPanel, Streak, checkin_panel, mood_is_low

PANEL_REJECTION_LIMIT = 5
NETWORK_SUGGESTIONS = 3


def rejections_for(*, user) -> QuerySet[Rejection]:
    return Rejection.objects.for_user(user).select_related("application__company")


def rejection_of(*, application) -> Rejection | None:
    """The rejection logged for this application, if there is one."""
    return Rejection.objects.filter(application=application).first()


def open_application_named(*, user, company_name: str, role_title: str):
    """The person's tracked application with this company and role (any letter case) that
    has no rejection yet, so a typed-in rejection lands on it instead of a duplicate."""
    company = " ".join(company_name.split())
    role = " ".join(role_title.split())
    if not company or not role:
        return None
    return (
        applications_for(user=user)
        .filter(company__name__iexact=company, role_title__iexact=role, rejection__isnull=True)
        .exclude(status=Status.WISHLIST)
        .order_by("-status_changed_on", "-id")
        .first()
    )


def rejection_steps(*, rejection: Rejection) -> list[RecoveryStep]:
    """The rejection's eight steps in the plan's order. One query."""
    steps = list(RecoveryStep.objects.filter(rejection=rejection))
    return sorted(steps, key=lambda step: MOVE_ORDER.index(step.move))


def steps_opening_on(*, user, day: datetime.date) -> QuerySet[RecoveryStep]:
    """Recovery moves still to do whose window opens on this day (the digest's list)."""
    return (
        RecoveryStep.objects.for_user(user)
        .filter(state=StepState.PENDING, opens_on=day)
        .select_related("rejection__application__company")
        .order_by("rejection_id", "id")
    )


def step_is_due(step: RecoveryStep, today: datetime.date, *, mood_is_low: bool) -> bool:
    if step.state != StepState.PENDING or step.opens_on > today:
        return False
    if step.closes_on is None or step.closes_on >= today:
        return True
    # Self-care stays in view while the person's mood stays low.
    return step.move == Move.SELF_CARE and mood_is_low


def steps_due(today: datetime.date, *, mood_is_low: bool) -> Q:
    """step_is_due as a filter for the database: the same rule, kept next to it."""
    still_open = Q(closes_on__isnull=True) | Q(closes_on__gte=today)
    if mood_is_low:
        still_open |= Q(move=Move.SELF_CARE)
    return Q(state=StepState.PENDING, opens_on__lte=today) & still_open


@dataclass
class PlanForRejection:
    rejection: Rejection
    due: list[RecoveryStep] = field(default_factory=list)
    coming: list[RecoveryStep] = field(default_factory=list)


@dataclass
class PlanPanel:
    plans: list[PlanForRejection]
    more: int  # open plans beyond those shown
    actions: dict  # move -> data shared by every step of that move
    per_rejection: dict  # (move, rejection id) -> data for that step only

    def action_for(self, step: RecoveryStep) -> dict:
        return {
            **self.actions.get(step.move, {}),
            **self.per_rejection.get((step.move, step.rejection_id), {}),
        }


def weekly_progress(*, user, today: datetime.date) -> dict:
    start, end = week_bounds(today)
    return {
        "applications": applications_applied_between(user=user, start=start, end=end),
        "goal": user.weekly_application_goal,
        "week_start": start,
    }


def wins(*, user, reach: PipelineReach, streak: Streak) -> list[str]:
    """Small wins drawn from the person's own data, in plain sentences."""
    found = []
    if reach.sent:
        found.append(f"You have sent {reach.sent} application{pluralize(reach.sent)}.")
    if reach.interview:
        found.append(
            f"{reach.interview} of them got you to an interview: someone wanted to meet you."
        )
    if reach.final:
        found.append(f"You made it to {reach.final} final round{pluralize(reach.final)}.")
    encouraging = positive_feedback_count(user=user)
    if encouraging:
        found.append(
            f"{encouraging} piece{pluralize(encouraging)} of encouraging feedback came your way."
        )
    if streak.days >= 2:
        found.append(f"You have checked in on yourself {streak.days} days running.")
    return found


def wishlist_top(*, user, limit: int = 3) -> list:
    rows = applications_for(user=user).filter(status=Status.WISHLIST, archived=False)
    return list(rows.order_by("-excitement", "-created_at", "-id")[:limit])


def plan_panel(*, user, today: datetime.date, checkin: CheckInPanel | None = None) -> PlanPanel:
    """The dashboard's recovery plan: for each open rejection, newest first, the steps due
    today and those still to come, with what each move needs to offer its action.
    `checkin`: today's check-in panel when the caller has already read it (the dashboard).

    The (at most PANEL_REJECTION_LIMIT) rejections with a step due are fetched first, then
    only their steps, so the cost does not grow with the number of open plans."""
    low_mood = mood_is_low(owner=user)
    due = steps_due(today, mood_is_low=low_mood)
    with_due_step = (
        Rejection.objects.for_user(user)
        .filter(pk__in=RecoveryStep.objects.for_user(user).filter(due).values("rejection_id"))
        .order_by("-received_on", "-id")
    )
    # The window counts every rejection with a step due before the limit cuts the rows.
    rejections = list(
        with_due_step.select_related("application__company", "reflection").annotate(
            open_count=Window(Count("id"))
        )[:PANEL_REJECTION_LIMIT]
    )
    open_count = rejections[0].open_count if rejections else 0
    still_open = Q(closes_on__isnull=True) | Q(closes_on__gte=today)
    if low_mood:
        still_open |= Q(move=Move.SELF_CARE)
    plans = {rejection.pk: PlanForRejection(rejection) for rejection in rejections}
    steps = RecoveryStep.objects.filter(
        still_open, rejection__in=list(plans), state=StepState.PENDING
    ).annotate(is_due=ExpressionWrapper(due, output_field=BooleanField()))
    for step in steps:
        plan = plans[step.rejection_id]
        step.rejection = plan.rejection
        (plan.due if step.is_due else plan.coming).append(step)
    shown = list(plans.values())
    for plan in shown:
        plan.due.sort(key=lambda s: MOVE_ORDER.index(s.move))
        plan.coming.sort(key=lambda s: (s.opens_on, MOVE_ORDER.index(s.move)))
    visible = [step for plan in shown for step in plan.due + plan.coming]
    return PlanPanel(
        plans=shown,
        more=open_count - len(shown),
        **_action_data(user=user, today=today, steps=visible, checkin=checkin),
    )


def full_plan(*, user, today: datetime.date, rejection: Rejection) -> PlanPanel:
    """All eight steps of one rejection, whatever their state, in the plan's order."""
    steps = list(
        RecoveryStep.objects.for_user(user)
        .filter(rejection=rejection)
        .select_related("rejection__application__company", "rejection__reflection")
    )
    steps.sort(key=lambda s: MOVE_ORDER.index(s.move))
    plan = PlanForRejection(rejection, due=steps)
    return PlanPanel(plans=[plan], more=0, **_action_data(user=user, today=today, steps=steps))


def step_action(*, user, today: datetime.date, step: RecoveryStep) -> PlanPanel:
    """What one step needs to render on its own (after it is marked done or skipped)."""
    return PlanPanel(plans=[], more=0, **_action_data(user=user, today=today, steps=[step]))


def _action_data(
    *, user, today, steps: list[RecoveryStep], checkin: CheckInPanel | None = None
) -> dict:
    moves = {step.move for step in steps}
    actions: dict[str, dict] = {}
    per_rejection: dict[tuple[str, int], dict] = defaultdict(dict)

    # Shared by two moves each: fetched once.
    reach = pipeline_reach(user=user) if moves & {Move.NOT_PERSONAL, Move.MOTIVATION} else None
    if checkin is None and moves & {Move.SELF_CARE, Move.MOTIVATION}:
        checkin = checkin_panel(owner=user, today=today)
    if Move.PROCESS in moves:
        actions[Move.PROCESS] = {
            "resting": user.is_resting_on(today),
            "resting_until": user.resting_until,
            "rest_days": [1, 2, 3],
        }
    if Move.NOT_PERSONAL in moves:
        # Perspective, not a tally: the move shows how far applications get, never a list
        # of past "no"s next to a fresh one.
        actions[Move.NOT_PERSONAL] = {"reach": reach}
    if Move.SELF_CARE in moves:
        actions[Move.SELF_CARE] = {"checkin": checkin}
    if Move.MOTIVATION in moves:
        actions[Move.MOTIVATION] = {"wins": wins(user=user, reach=reach, streak=checkin.streak)}
    if Move.MOVE_FORWARD in moves:
        actions[Move.MOVE_FORWARD] = {
            "week": weekly_progress(user=user, today=today),
            "wishlist": wishlist_top(user=user),
        }
    feedback_steps = [step for step in steps if step.move == Move.ASK_FEEDBACK]
    if feedback_steps:
        open_requests = {
            request.application_id: request
            for request in feedback_requests_for(user=user)
            .open()
            .filter(application_id__in={step.rejection.application_id for step in feedback_steps})
        }
        for step in feedback_steps:
            per_rejection[(step.move, step.rejection_id)] = {
                "open_request": open_requests.get(step.rejection.application_id)
            }
    network_steps = [step for step in steps if step.move == Move.NETWORK]
    if network_steps:
        companies = {step.rejection.application.company_id for step in network_steps}
        at_company = defaultdict(list)
        for contact in contacts_at_companies(owner=user, company_ids=companies):
            at_company[contact.company_id].append(contact)
        general = reconnect_suggestions(owner=user, limit=NETWORK_SUGGESTIONS)
        for step in network_steps:
            company_id = step.rejection.application.company_id
            suggestions = at_company[company_id] + [
                contact for contact in general if contact.company_id != company_id
            ]
            per_rejection[(step.move, step.rejection_id)] = {
                "suggestions": suggestions[:NETWORK_SUGGESTIONS]
            }
    for step in steps:
        rejection = step.rejection
        if step.move == Move.NOT_PERSONAL:
            per_rejection[(step.move, rejection.pk)] = {
                "stage_phrase": STAGE_PHRASES[rejection.stage_reached],
            }
        elif step.move == Move.REFLECT:
            per_rejection[(step.move, rejection.pk)] = {
                "applied_fit": [
                    (label, rating) for label, rating in applied_fit(rejection) if rating
                ],
                "reflection": getattr(rejection, "reflection", None),
            }
    return {"actions": actions, "per_rejection": dict(per_rejection)}


def applied_fit(rejection: Rejection) -> list[tuple[str, int | None]]:
    """The fit ratings the person gave the role when applying (None where not rated)."""
    application = rejection.application
    return [
        ("values", application.fit_values),
        ("interests", application.fit_interests),
        ("skills", application.fit_skills),
    ]


def _by_stage(rejections: QuerySet[Rejection]) -> list[tuple[str, int]]:
    counts = dict(rejections.order_by().values_list("stage_reached").annotate(n=Count("id")))
    return [(stage.label, counts.get(stage.value, 0)) for stage in StageReached]


def _by_source(rejections: QuerySet[Rejection]) -> list[tuple[str, int]]:
    counts = dict(rejections.order_by().values_list("application__source").annotate(n=Count("id")))
    rows = [(source.label, counts.get(source.value, 0)) for source in Source]
    if counts.get(""):
        rows.append(("Not recorded", counts[""]))
    return [row for row in rows if row[1]]


def _by_month(rejections: QuerySet[Rejection], today: datetime.date) -> list[tuple[str, int]]:
    first = (today.replace(day=1) - datetime.timedelta(days=330)).replace(day=1)
    dates = rejections.filter(received_on__gte=first).values_list("received_on", flat=True)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for day in dates:
        counts[(day.year, day.month)] += 1
    rows = []
    year, month = first.year, first.month
    for _ in range(12):
        rows.append((datetime.date(year, month, 1).strftime("%b %Y"), counts[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def days_to_next(
    event_day: datetime.date, actions: list[tuple[datetime.date, int]], *, ignore: int
) -> int | None:
    """Days from event_day to the first action on or after it. ``actions`` are sorted
    (day, application id) pairs, 0 for a networking action; the rejected application's own
    entry (``ignore``) does not count as moving on."""
    index = bisect.bisect_left(actions, (event_day, -1))
    for day, application_id in actions[index:]:
        if application_id != ignore:
            return (day - event_day).days
    return None


@dataclass
class BounceBack:
    rejection: Rejection
    days: int | None  # None: nothing since


@dataclass
class RejectionInsights:
    total: int
    by_stage: list[Bar]
    by_source: list[Bar]
    by_month: list[Bar]
    bounce_backs: list[BounceBack]
    median_bounce_back: float | None
    takeaways_by_stage: list[tuple[str, list]]
    feedback_answered: int
    feedback_sent: int


def rejection_insights(*, user, today: datetime.date) -> RejectionInsights:
    """What the person's rejections have in common. A fixed number of queries."""
    rejections = Rejection.objects.for_user(user)
    recent = list(rejections.select_related("application__company").order_by("-received_on")[:12])
    actions = sorted(
        [
            *applications_for(user=user)
            .exclude(applied_on__isnull=True)
            .values_list("applied_on", "id"),
            *((day, 0) for day in interaction_days(owner=user)),
        ]
    )
    bounce_backs = [
        BounceBack(
            rejection,
            days_to_next(rejection.received_on, actions, ignore=rejection.application_id),
        )
        for rejection in recent
    ]
    known = sorted(b.days for b in bounce_backs if b.days is not None)
    stage_of = dict(rejections.values_list("application_id", "stage_reached"))
    grouped: dict[str, list] = defaultdict(list)
    for request in feedback_takeaways(user=user):
        grouped[stage_of.get(request.application_id, "")].append(request)
    takeaways_by_stage = [
        (stage.label, grouped[stage.value]) for stage in StageReached if grouped.get(stage.value)
    ]
    if grouped.get(""):
        takeaways_by_stage.append(("Not linked to a logged rejection", grouped[""]))
    answered, sent = response_rate(user=user)
    return RejectionInsights(
        total=rejections.count(),
        by_stage=bars(_by_stage(rejections)),
        by_source=bars(_by_source(rejections)),
        by_month=bars(_by_month(rejections, today)),
        bounce_backs=bounce_backs,
        median_bounce_back=statistics.median(known) if known else None,
        takeaways_by_stage=takeaways_by_stage,
        feedback_answered=answered,
        feedback_sent=sent,
    )


def rejections_without_their_steps() -> list[str]:
    """Integrity: every rejection has its eight recovery steps, one per move."""
    rows = (
        Rejection.objects.annotate(moves=Count("steps__move", distinct=True))
        .exclude(moves=len(MOVE_ORDER))
        .values_list("pk", "owner_id", "moves")
        .order_by("pk")
    )
    return [
        f"rejection {pk} (owner {owner}) has {moves} of its {len(MOVE_ORDER)} recovery steps"
        for pk, owner, moves in rows.iterator()
    ]
