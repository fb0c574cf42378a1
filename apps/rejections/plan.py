"""When each move of the recovery plan comes forward, counted in days from the day the
rejection is logged (that is the day the person is dealing with it, whatever date the
email carried). See shared/product/tips.md for where these windows come from."""

import datetime
from dataclasses import dataclass

from apps.rejections.models import Move


@dataclass(frozen=True)
class Window:
    opens_after: int
    closes_after: int | None  # None: stays open until done or skipped


MOVE_WINDOWS: dict[str, Window] = {
    Move.PROCESS: Window(0, 2),
    Move.NOT_PERSONAL: Window(0, 2),
    Move.ASK_FEEDBACK: Window(1, 3),
    Move.REFLECT: Window(2, 4),
    Move.SELF_CARE: Window(0, 2),
    Move.MOTIVATION: Window(3, None),
    Move.NETWORK: Window(3, 7),
    Move.MOVE_FORWARD: Window(5, 7),
}


def step_dates(move: str, anchor: datetime.date) -> tuple[datetime.date, datetime.date | None]:
    window = MOVE_WINDOWS[move]
    opens_on = anchor + datetime.timedelta(days=window.opens_after)
    closes_on = (
        anchor + datetime.timedelta(days=window.closes_after)
        if window.closes_after is not None
        else None
    )
    return opens_on, closes_on
