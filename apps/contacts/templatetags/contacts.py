from django import template

from apps.contacts.models import LinkRole
from apps.contacts.selectors import application_contacts as links_for

register = template.Library()


@register.inclusion_tag("contacts/includes/application_contacts.html", takes_context=True)
def application_contacts(context, application) -> dict:
    """{% application_contacts application %}: the people linked to an application (one
    query), with a way to link another and to remove a link."""
    return {
        "application": application,
        "links": list(links_for(application=application)),
        "roles": LinkRole,
        "csrf_token": context.get("csrf_token"),
        "next_url": context.get("page_path") or application.get_absolute_url(),
    }
