import datetime

from django.urls import reverse

from apps.applications.models import CORRESPONDENCE_TEXT_LIMIT
from apps.applications.services import application_move, correspondence_add


def test_a_kept_email_shows_on_the_timeline_in_order(auth_client, application, today):
    application_move(application=application, status="screening", on=today)
    sent = datetime.datetime.combine(
        today - datetime.timedelta(days=3), datetime.time(9), tzinfo=datetime.UTC
    )
    correspondence_add(
        application=application,
        sender="Acme Labs <jobs@acme.example>",
        subject="Thanks for applying",
        sent_at=sent,
        text="<b>We got it</b>\nTalk soon.",
    )
    content = auth_client.get(
        reverse("applications:detail", args=[application.pk])
    ).content.decode()
    assert "Thanks for applying" in content
    assert "From Acme Labs &lt;jobs@acme.example&gt;" in content
    assert "&lt;b&gt;We got it&lt;/b&gt;<br>Talk soon." in content
    assert (
        content.index("Added as")
        < content.index("Thanks for applying")
        < content.index("Applied → <strong>Screening</strong>")
    )


def test_long_text_and_headers_are_cut_to_fit(application):
    entry = correspondence_add(
        application=application,
        sender="x" * 400,
        subject="line one\nline two",
        sent_at=None,
        text="y" * (CORRESPONDENCE_TEXT_LIMIT + 50),
    )
    assert len(entry.sender) == 300 and entry.sender.endswith("…")
    assert entry.subject == "line one line two"
    assert len(entry.text) == CORRESPONDENCE_TEXT_LIMIT
