from django import template

register = template.Library()


@register.filter
def action_for(panel, step):
    """The data a step's move needs: `{% with action=panel|action_for:step %}`."""
    return panel.action_for(step)


@register.filter
def move_template(step) -> str:
    return f"rejections/moves/{step.move}.html"
