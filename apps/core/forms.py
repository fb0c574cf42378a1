from django.forms.renderers import TemplatesSetting


class ReboundFormRenderer(TemplatesSetting):
    """Renders every field through templates/forms/field.html: Pico-friendly markup,
    labels without a trailing colon, errors and help next to the input."""

    field_template_name = "forms/field.html"
