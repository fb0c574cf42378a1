"""Numbers shaped for the small server-drawn charts (templates/includes/bar_chart.html)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    percent: int  # of the largest bar in its chart, for drawing
    url: str = ""  # where the label links to, if anywhere


def bars(rows: list[tuple[str, int]], *, urls: list[str] | None = None) -> list[Bar]:
    """One bar per (label, value) row, each sized against the largest."""
    largest = max((value for _label, value in rows), default=0)
    links = urls or [""] * len(rows)
    return [
        Bar(label, value, round(100 * value / largest) if largest else 0, url)
        for (label, value), url in zip(rows, links, strict=True)
    ]
