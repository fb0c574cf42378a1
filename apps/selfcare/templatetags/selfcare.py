from django import template

from apps.selfcare.forms import CheckInDetailsForm, CheckInForm
from apps.selfcare.selectors import CheckInPanel

register = template.Library()


def panel_context(
    panel: CheckInPanel,
    *,
    user,
    csrf_token,
    next_url: str,
    form: CheckInForm | None = None,
    saved: bool = False,
    error: str = "",
) -> dict:
    """What selfcare/includes/checkin_panel.html needs, for the tag and for the view that
    answers an htmx check-in with the panel."""
    return {
        "panel": panel,
        "checkin": panel.checkin,
        "form": form or CheckInDetailsForm(instance=panel.checkin, auto_id="checkin_%s"),
        "next_url": next_url,
        "saved": saved,
        "error": error,
        "user": user,
        "csrf_token": csrf_token,
        "resting": panel.streak.resting,
    }


@register.inclusion_tag("selfcare/includes/checkin_panel.html", takes_context=True)
def checkin_panel(context, panel: CheckInPanel, next_url: str = "") -> dict:
    """{% checkin_panel panel next_url %}: today's check-in, or five mood buttons."""
    return panel_context(
        panel,
        user=context.get("user"),
        csrf_token=context.get("csrf_token"),
        next_url=next_url or context["request"].path,
    )
