"""The one rule for turning a stored address into a link."""

from urllib.parse import urlsplit

from django import template

register = template.Library()

WEB_SCHEMES = ("http", "https")


@register.filter
def web_link(address) -> str:
    """`{% with link=contact.profile_url|web_link %}`: the address when it is an http or
    https one, else "". Only those are ever rendered as links: a `javascript:` or `data:`
    address (from an old restore, say) stays plain text, whatever the CSP would do."""
    address = str(address or "").strip()
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return ""
    return address if scheme in WEB_SCHEMES else ""
