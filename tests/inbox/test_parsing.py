import base64
import datetime

import pytest

from apps.inbox.htmltext import html_to_text
from apps.inbox.parsing import UnreadableEmail, parse_bytes, parse_paste
from tests.inbox.corpus import SAMPLES

SAMPLE = {sample.name: sample for sample in SAMPLES}


def test_it_decodes_quoted_printable_and_non_ascii_names():
    parsed = parse_bytes(SAMPLE["rej_de_formal"].as_bytes())
    assert parsed.sender_name == "Müller & Söhne GmbH"
    assert parsed.sender_address == "bewerbung@mueller-soehne.de"
    assert "für einen anderen Bewerber entschieden" in parsed.text
    assert parsed.sent_at == datetime.datetime(2026, 3, 3, 8, 30, tzinfo=datetime.UTC)


def test_it_decodes_base64_html_into_text_without_markup():
    parsed = parse_bytes(SAMPLE["rej_html_only_workable"].as_bytes())
    assert "we have decided to pursue other candidates" in parsed.text
    assert "<" not in parsed.text and "font-size" not in parsed.text


def test_html_loses_scripts_styles_images_and_link_targets():
    text = html_to_text(
        "<style>p{x:y}</style><script>alert(1)</script><p>Hello <a href='https://x.example/t'>"
        "there</a></p><img src='https://x.example/pixel.gif'><p>Line&nbsp;two</p>"
    )
    assert text == "Hello there\n\nLine two"


def test_a_multipart_message_prefers_its_plain_text():
    raw = (
        b"From: Globex <jobs@globex.example>\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nPlain words here for you.\r\n--b\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>HTML words</p>\r\n--b--\r\n"
    )
    assert parse_bytes(raw).text == "Plain words here for you."


def test_a_paste_with_visible_headers_in_german_is_read():
    parsed = parse_paste(
        "Von: Kiez Team <team@kiez.example>\nGesendet: Dienstag, 3. März 2026 09:12\n"
        "An: Alice\nBetreff: Deine Bewerbung\n\nHallo Alice, danke für deine Bewerbung."
    )
    assert (parsed.sender_address, parsed.subject) == ("team@kiez.example", "Deine Bewerbung")
    assert parsed.sent_at.date() == datetime.date(2026, 3, 3)
    assert parsed.text == "Hallo Alice, danke für deine Bewerbung."


def test_a_paste_of_only_the_text_is_read_as_text():
    parsed = parse_paste("Dear Alice,\n\nUnfortunately we will not be moving forward.")
    assert (parsed.sender, parsed.subject) == ("", "")
    assert parsed.text.startswith("Dear Alice")


def test_a_pasted_message_source_is_parsed_as_mime():
    source = SAMPLE["rej_smartrecruiters_base64"].as_bytes().decode()
    parsed = parse_paste(source)
    assert "will not be progressing your application further" in parsed.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"\x00\x01\x02binary", "binary data"),
        (b"hello there", "no From, Subject or Date line"),
        (
            b"From: a@b.example\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n--yy\r\nx",
            "parts are broken",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason(data, message):
    with pytest.raises(UnreadableEmail, match=message):
        parse_bytes(data)


def test_an_unknown_charset_does_not_stop_reading():
    body = base64.encodebytes("Grüße".encode()).decode()
    raw = (
        "From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=x-unknown\r\n"
        f"Content-Transfer-Encoding: base64\r\n\r\n{body}"
    ).encode()
    assert parse_bytes(raw).text == "Grüße"
