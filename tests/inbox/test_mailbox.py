"""Mailbox reading against a real Dovecot on loopback (see dovecot.py)."""

import tracemalloc

import pytest
from imapclient import IMAPClient

from apps.inbox import imap, services
from apps.inbox.models import Mailbox, Suggestion
from tests.inbox.corpus import SAMPLES
from tests.inbox.proxy import CuttingRelay

SAMPLE = {sample.name: sample for sample in SAMPLES}
JOB_NEWS = ["rej_greenhouse_plain", "int_invite_dates", "ack_de", "rej_fr_formal"]
NOT_NEWS = ["trap_job_alert", "trap_shop", "trap_personal"]


def _deliver(account, names, *, seen=False, tag=""):
    for name in names:
        account.deliver(SAMPLE[name].as_bytes(message_id=f"{name}{tag}"), seen=seen)


def _connect(user, account, *, port=None, password=None):
    return services.mailbox_save(
        owner=user,
        host="127.0.0.1",
        port=port or account.server.port,
        security="none",
        username=account.name,
        password=password or account.password,
        folder="INBOX",
        since=None,
        enabled=True,
    )


def _flags(account) -> dict:
    with IMAPClient("127.0.0.1", port=account.server.port, ssl=False) as client:
        client.login(account.name, account.password)
        client.select_folder("INBOX", readonly=True)
        found = client.fetch(client.search(["ALL"]), ["FLAGS"])
    return {uid: set(data[b"FLAGS"]) - {b"\\Recent"} for uid, data in found.items()}


@pytest.fixture
def mail(dovecot):
    return dovecot.add_user()


def test_the_connection_test_says_what_it_found(user, mail):
    _deliver(mail, JOB_NEWS)
    mail.hand_over()
    mailbox = _connect(user, mail)
    message = imap.check(services.mailbox_account(mailbox))
    assert message == "Connected. The folder “INBOX” holds 4 messages."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password": "not-the-password"}, "The server refused the username or app password"),
        ({"folder": "Jobs"}, "The mailbox has no folder called “Jobs”"),
        ({"port": "unused"}, "Could not reach 127.0.0.1 on port"),
    ],
)
def test_the_connection_test_explains_what_went_wrong(user, mail, change, message):
    from tests.inbox.dovecot import free_port

    mail.hand_over()
    mailbox = _connect(user, mail)
    account = services.mailbox_account(mailbox)
    fields = dict(change)
    if fields.get("port") == "unused":
        fields["port"] = free_port()
    account = imap.Account(**{**account.__dict__, **fields})
    with pytest.raises(imap.MailboxError, match=message):
        imap.check(account)


def test_each_message_is_read_once_across_two_polls(user, mail):
    _deliver(mail, JOB_NEWS + NOT_NEWS)
    mail.hand_over()
    mailbox = _connect(user, mail)

    first = services.mailbox_poll(mailbox=mailbox)
    assert (first.error, first.headers_read, first.created) == ("", 7, 4)
    # Only the messages whose headers looked like job-search mail had their bodies fetched.
    assert first.bodies_read < 7
    kinds = sorted(Suggestion.objects.values_list("kind", flat=True))
    assert kinds == ["acknowledgement", "interview", "rejection", "rejection"]
    assert set(Suggestion.objects.values_list("source", flat=True)) == {"mailbox"}

    _deliver(mail, ["offer_en", "trap_de_event"], tag="-later")
    mail.hand_over()
    mailbox.refresh_from_db()
    second = services.mailbox_poll(mailbox=mailbox)
    assert (second.error, second.headers_read, second.created) == ("", 2, 1)
    third = services.mailbox_poll(mailbox=mailbox)
    assert (third.headers_read, third.created) == (0, 0)
    assert Suggestion.objects.count() == 5
    mailbox.refresh_from_db()
    assert mailbox.last_uid == 9 and mailbox.uidvalidity
    assert mailbox.last_error == "" and mailbox.last_polled_at


def test_polling_leaves_every_flag_as_it_was(user, mail):
    _deliver(mail, JOB_NEWS[:2], seen=True)
    _deliver(mail, JOB_NEWS[2:] + NOT_NEWS)
    mail.hand_over()
    before = _flags(mail)
    assert sum(1 for flags in before.values() if b"\\Seen" in flags) == 2
    services.mailbox_poll(mailbox=_connect(user, mail))
    assert _flags(mail) == before


def test_a_wrong_password_is_recorded_and_nothing_is_written(user, mail):
    _deliver(mail, JOB_NEWS)
    mail.hand_over()
    mailbox = _connect(user, mail, password="wrong")
    result = services.mailbox_poll(mailbox=mailbox)
    assert result.error.startswith("The server refused the username or app password")
    mailbox.refresh_from_db()
    assert mailbox.last_error == result.error
    assert mailbox.last_uid == 0
    assert not Suggestion.objects.exists()


def test_a_server_going_away_midway_keeps_whole_batches_and_the_rest_comes_next_time(
    user, mail, monkeypatch
):
    monkeypatch.setattr(imap, "BATCH_SIZE", 4)
    for n in range(20):
        mail.deliver(SAMPLE["rej_greenhouse_plain"].as_bytes(message_id=f"no-{n}"))
    mail.hand_over()
    relay = CuttingRelay(mail.server.port, cut_after=9000)
    mailbox = _connect(user, mail, port=relay.port)
    try:
        first = services.mailbox_poll(mailbox=mailbox)
    finally:
        relay.close()
    assert "was lost while reading" in first.error or "closed the connection" in first.error
    mailbox.refresh_from_db()
    assert mailbox.last_error == first.error
    kept = Suggestion.objects.count()
    # Whole batches only: what was kept is exactly the messages up to the UID remembered.
    assert 0 < mailbox.last_uid < 20
    assert kept == mailbox.last_uid

    mailbox.port = mail.server.port
    mailbox.save(update_fields=["port"])
    second = services.mailbox_poll(mailbox=mailbox)
    assert second.error == ""
    assert second.headers_read == 20 - kept
    assert Suggestion.objects.count() == 20
    mailbox.refresh_from_db()
    assert (mailbox.last_uid, mailbox.last_error) == (20, "")


def test_a_changed_uidvalidity_starts_over_without_duplicates(user, mail):
    _deliver(mail, JOB_NEWS)
    mail.hand_over()
    mailbox = _connect(user, mail)
    services.mailbox_poll(mailbox=mailbox)
    Mailbox.objects.filter(pk=mailbox.pk).update(uidvalidity=1)
    mailbox.refresh_from_db()
    again = services.mailbox_poll(mailbox=mailbox)
    assert (again.headers_read, again.created) == (4, 0)
    assert Suggestion.objects.count() == 4


def test_a_large_mailbox_is_read_in_bounded_memory(user, mail, django_assert_max_num_queries):
    news = SAMPLE["rej_greenhouse_plain"]
    letter = SAMPLE["trap_shop"]
    total, job_news = 10_000, 10
    for n in range(total):
        sample = news if n % (total // job_news) == 0 else letter
        mail.deliver(sample.as_bytes(message_id=f"bulk-{n}"))
    mail.hand_over()
    mailbox = _connect(user, mail)
    tracemalloc.start()
    try:
        # A few statements per batch and per email kept; none per message merely looked at.
        batches = total // imap.BATCH_SIZE
        with django_assert_max_num_queries(batches * 4 + job_news * 10 + 20):
            result = services.mailbox_poll(mailbox=mailbox)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == ""
    assert result.headers_read == total
    # Other mail is told apart by its headers: its bodies are never fetched.
    assert result.bodies_read == job_news
    assert result.created == job_news
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    mailbox.refresh_from_db()
    assert mailbox.last_uid == total


def test_mailboxes_poll_reads_every_mailbox_turned_on(user, other_user, dovecot, settings):
    first, second = dovecot.add_user(), dovecot.add_user()
    _deliver(first, JOB_NEWS[:1])
    _deliver(second, JOB_NEWS[1:3])
    first.hand_over()
    second.hand_over()
    _connect(user, first)
    off = _connect(other_user, second)
    Mailbox.objects.filter(pk=off.pk).update(enabled=False)
    assert services.mailboxes_poll() == 1
    Mailbox.objects.filter(pk=off.pk).update(enabled=True)
    assert services.mailboxes_poll() == 2
    settings.MAILBOX_READING = False
    _deliver(first, ["offer_en"])
    first.hand_over()
    assert services.mailboxes_poll() == 0


def test_the_poll_command_reports_what_it_made(user, mail):
    from io import StringIO

    from django.core.management import call_command

    _deliver(mail, JOB_NEWS)
    mail.hand_over()
    _connect(user, mail)
    out = StringIO()
    call_command("inbox_poll", stdout=out)
    assert out.getvalue().strip() == "4 new suggestions."
