"""Self-care check-ins: one per day, saved again the same day to change it."""

import datetime
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from apps.api.common import Input, LocalDateTime, Page, PageParams, cleaned, form_data, paginate
from apps.core.dates import today_for
from apps.selfcare import selectors, services
from apps.selfcare.forms import CheckInForm
from apps.selfcare.models import CheckIn

router = Router()

HISTORY_DAYS = 30


class CheckInOut(Schema):
    date: datetime.date
    mood: int = Field(description="1 (rough) to 5 (great).")
    energy: int | None = Field(description="1 (drained) to 5 (lots).")
    hours_slept: float | None
    moved: bool
    ate_well: bool
    connected: bool
    took_break: bool
    note: str
    updated_at: LocalDateTime


class CheckInIn(Input):
    """The whole check-in for today: what is left out is saved as not given (or no)."""

    mood: int = Field(description="1 (rough) to 5 (great).")
    energy: int | None = None
    hours_slept: Decimal | None = None
    moved: bool = False
    ate_well: bool = False
    connected: bool = False
    took_break: bool = False
    note: str = ""


class CheckInRange(Schema):
    start: datetime.date | None = Field(None, description=f"{HISTORY_DAYS} days ago by default.")
    end: datetime.date | None = Field(None, description="Today by default.")


@router.get("", response=Page[CheckInOut], summary="Check-ins between two days, oldest first")
def list_checkins(request: HttpRequest, days: Query[CheckInRange], paging: Query[PageParams]):
    end = days.end or today_for(request.user)
    start = days.start or end - datetime.timedelta(days=HISTORY_DAYS - 1)
    rows = selectors.checkins_between(owner=request.user, start=start, end=end)
    return paginate(request, rows, paging)


@router.get("/today", response=CheckInOut, summary="Today's check-in")
def get_todays_checkin(request: HttpRequest):
    found = selectors.checkin_for_day(owner=request.user, day=today_for(request.user))
    if found is None:
        raise Http404("No check-in yet today.")
    return found


@router.put("/today", response={200: CheckInOut, 201: CheckInOut}, summary="Save today's check-in")
def save_todays_checkin(request: HttpRequest, data: CheckInIn):
    """Idempotent: the same request twice leaves one check-in for today. 201 when it is the
    day's first, 200 when it replaces it."""
    today = today_for(request.user)
    existing = selectors.checkin_for_day(owner=request.user, day=today)
    form = CheckInForm(
        form_data(data.model_dump()), instance=existing or CheckIn(owner=request.user, date=today)
    )
    cleaned(form)
    saved = services.checkin_save(
        owner=request.user, mood=form.cleaned_data["mood"], date=today, **form.details()
    )
    return Status(200 if existing else 201, saved)
