"""Every htmx event the server sends after a write is heard by a panel that refreshes itself,
and every panel listens only for events that are sent. Read from the source, so an event
added later without a listener (or a listener for an event nobody sends) fails here."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SENT = re.compile(
    r"trigger_client_event\(\s*\w+,\s*(?:(?P<constant>[A-Z_]+)|\"(?P<name>[a-z-]+)\")"
)
HEARD = re.compile(r'hx-trigger="[^"]*?(?P<name>[a-z]+(?:-[a-z]+)+) from:body')


def _sent_events() -> dict[str, str]:
    found = {}
    for path in (ROOT / "apps").rglob("*.py"):
        source = path.read_text()
        for match in SENT.finditer(source):
            name = match["name"]
            if name is None:
                name = re.search(rf'^{match["constant"]} = "([a-z-]+)"', source, re.M)[1]
            found[name] = str(path.relative_to(ROOT))
    return found


def _heard_events() -> dict[str, str]:
    found = {}
    for path in (ROOT / "templates").rglob("*.html"):
        for match in HEARD.finditer(path.read_text()):
            found[match["name"]] = str(path.relative_to(ROOT))
    return found


def test_every_event_sent_has_a_panel_that_listens():
    sent, heard = _sent_events(), _heard_events()
    assert sent, "no events found: has the way they are sent changed?"
    unheard = {name: where for name, where in sent.items() if name not in heard}
    assert not unheard, f"sent but heard by no panel: {unheard}"


def test_every_panel_listens_for_an_event_that_is_sent():
    sent, heard = _sent_events(), _heard_events()
    never_sent = {name: where for name, where in heard.items() if name not in sent}
    assert not never_sent, f"listened for but never sent: {never_sent}"
