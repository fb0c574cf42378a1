import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.applications.models import Application, Correspondence, Interview
from apps.inbox.models import State, Suggestion
from apps.rejections.models import Rejection
from tests.inbox.conftest import HTMX
from tests.inbox.corpus import SAMPLES

SAMPLE = {sample.name: sample for sample in SAMPLES}
INDEX = reverse("inbox:index")


def _paste(client, name: str, **extra):
    return client.post(INDEX, {"text": SAMPLE[name].as_bytes().decode(), **extra})


def _act(client, suggestion, **data):
    return client.post(reverse("inbox:act", args=[suggestion.pk]), data)


def test_it_shows_the_page_with_an_empty_state(auth_client):
    response = auth_client.get(INDEX)
    assert response.status_code == 200
    assert b"Nothing waiting" in response.content
    assert b"Paste an email" in response.content


def test_a_pasted_rejection_becomes_a_card_matched_to_the_application(auth_client, northwind):
    response = _paste(auth_client, "rej_greenhouse_plain")
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert (suggestion.kind, suggestion.application, suggestion.source) == (
        "rejection",
        northwind,
        "paste",
    )
    page = auth_client.get(INDEX).content.decode()
    assert "Log the rejection and see my plan" in page
    assert "the sender is an applicant tracking system (Greenhouse)" in page
    assert f'<option value="app:{northwind.pk}" selected>' in page
    # Nothing else changed before the click.
    northwind.refresh_from_db()
    assert northwind.status == "applied"
    assert not Rejection.objects.exists()


def test_one_click_logs_the_rejection_and_shows_the_plan(auth_client, northwind, today):
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get()
    response = _act(auth_client, suggestion, target=f"app:{northwind.pk}")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home") + "#recovery-plan"
    rejection = Rejection.objects.get()
    assert rejection.application == northwind
    assert rejection.steps.count() == 8
    # The email's date (3 March 2026) is the day heard, unless that is before the last move.
    assert rejection.received_on == max(datetime.date(2026, 3, 3), northwind.status_changed_on)
    entry = Correspondence.objects.get()
    assert entry.subject == "Your application to Northwind Traders"
    assert "other candidates" in entry.text
    suggestion.refresh_from_db()
    assert (suggestion.state, suggestion.text) == (State.DONE, "")
    dashboard = auth_client.get(response["Location"]).content.decode()
    assert "Your recovery plan" in dashboard
    detail = auth_client.get(northwind.get_absolute_url()).content.decode()
    assert "Your application to Northwind Traders" in detail


def test_a_double_click_writes_once(auth_client, northwind):
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get()
    first = _act(auth_client, suggestion, target=f"app:{northwind.pk}")
    second = _act(auth_client, suggestion, target=f"app:{northwind.pk}")
    assert first.status_code == second.status_code == 302
    assert second["Location"] == northwind.get_absolute_url()
    assert Rejection.objects.count() == 1
    assert Correspondence.objects.count() == 1


def test_pasting_the_same_email_twice_keeps_one_suggestion(auth_client, northwind):
    _paste(auth_client, "rej_greenhouse_plain")
    _paste(auth_client, "rej_greenhouse_plain")
    assert Suggestion.objects.count() == 1


def test_an_interview_email_becomes_a_scheduled_interview(auth_client, globex):
    _paste(auth_client, "int_invite_dates")
    suggestion = Suggestion.objects.get()
    assert suggestion.application == globex
    assert suggestion.proposed_at is not None
    page = auth_client.get(INDEX).content.decode()
    assert 'value="2026-03-10T14:30"' in page
    response = _act(
        auth_client,
        suggestion,
        target=f"app:{globex.pk}",
        interview_at="2026-03-10T14:30",
        interview_kind="technical",
    )
    assert response.status_code == 302
    assert response["Location"] == globex.get_absolute_url()
    interview = Interview.objects.get()
    assert (interview.application, interview.kind) == (globex, "technical")
    assert interview.scheduled_at == datetime.datetime(2026, 3, 10, 14, 30, tzinfo=datetime.UTC)
    globex.refresh_from_db()
    assert globex.status == "interviewing"


def test_an_interview_without_a_date_moves_on_and_opens_scheduling(auth_client, globex):
    _paste(auth_client, "int_invite_dates")
    suggestion = Suggestion.objects.get()
    response = _act(auth_client, suggestion, target=f"app:{globex.pk}", interview_at="")
    assert response["Location"] == reverse("applications:interview_create", args=[globex.pk])
    globex.refresh_from_db()
    assert globex.status == "interviewing"
    assert not Interview.objects.exists()


def test_an_acknowledgement_for_a_new_role_adds_it_as_applied(auth_client, user):
    _paste(auth_client, "ack_html_icims")
    suggestion = Suggestion.objects.get()
    assert suggestion.application is None
    assert (suggestion.company_name, suggestion.role_title) == (
        "Wayne Enterprises",
        "Security Analyst",
    )
    response = _act(
        auth_client,
        suggestion,
        target="new",
        company_name="Wayne Enterprises",
        role_title="Security Analyst",
    )
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.status, application.company.name) == ("applied", "Wayne Enterprises")
    assert application.correspondence.count() == 1


def test_an_offer_moves_the_application_to_offer(auth_client, user, today):
    from apps.applications.services import application_create

    vandelay = application_create(
        owner=user, company_name="Vandelay", role_title="Sales Operations Lead", applied_on=today
    )
    _paste(auth_client, "offer_en")
    suggestion = Suggestion.objects.get()
    assert suggestion.application == vandelay
    _act(auth_client, suggestion, target=f"app:{vandelay.pk}")
    vandelay.refresh_from_db()
    assert vandelay.status == "offer"


def test_a_new_application_needs_its_company_and_role(auth_client):
    _paste(auth_client, "ack_html_icims")
    suggestion = Suggestion.objects.get()
    response = auth_client.post(
        reverse("inbox:act", args=[suggestion.pk]),
        {"target": "new", "company_name": "", "role_title": ""},
        **HTMX,
    )
    assert response.status_code == 422
    assert b"Type the company." in response.content
    assert not Application.objects.exists()


def test_not_about_my_search_keeps_nothing_from_the_email(auth_client, northwind):
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get()
    response = auth_client.post(reverse("inbox:dismiss", args=[suggestion.pk]), **HTMX)
    assert response.status_code == 200
    assert b"Nothing from that email is kept" in response.content
    suggestion.refresh_from_db()
    assert suggestion.state == State.DISMISSED
    assert (suggestion.subject, suggestion.sender, suggestion.text, suggestion.reasons) == (
        "",
        "",
        "",
        [],
    )
    northwind.refresh_from_db()
    assert northwind.status == "applied"


def test_an_email_not_about_the_search_is_not_kept(auth_client):
    response = _paste(auth_client, "trap_shop")
    assert response.status_code == 200
    assert b"does not read as news about your search" in response.content
    assert not Suggestion.objects.exists()
    # The person can say what it is: then it is kept.
    response = _paste(auth_client, "trap_shop", kind="acknowledgement")
    assert response.status_code == 302
    assert Suggestion.objects.get().reasons == ["you said it is an application received"]


def test_the_kind_can_be_changed_on_the_card(auth_client, northwind):
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get()
    response = auth_client.post(
        reverse("inbox:reclassify", args=[suggestion.pk]), {"kind": "interview"}, **HTMX
    )
    assert response.status_code == 200
    assert b"Schedule the interview" in response.content
    assert Suggestion.objects.get().kind == "interview"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   "}, "Paste an email into the box, or choose .eml files."),
        ({"text": "a\x00b"}, "Null characters are not allowed."),
    ],
)
def test_bad_pastes_are_explained_and_nothing_is_written(auth_client, data, message):
    response = auth_client.post(INDEX, data)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Suggestion.objects.exists()


def _eml(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="message/rfc822")


def test_uploaded_files_are_read_together(auth_client, northwind, globex):
    files = [
        _eml("a.eml", SAMPLE["rej_greenhouse_plain"].as_bytes()),
        _eml("b.eml", SAMPLE["int_invite_dates"].as_bytes()),
        _eml("c.eml", SAMPLE["trap_job_alert"].as_bytes()),
    ]
    response = auth_client.post(INDEX, {"files": files})
    assert response.status_code == 302
    assert sorted(Suggestion.objects.values_list("kind", flat=True)) == ["interview", "rejection"]
    assert set(Suggestion.objects.values_list("source", flat=True)) == {"upload"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "holds binary data"),
        (
            b"From: a@b.example\r\nSubject: x\r\nContent-Type: multipart/mixed\r\n\r\nno parts",
            "parts are broken",
        ),
        (b"just some words, no headers at all", "no From, Subject or Date line"),
    ],
)
def test_a_bad_file_is_explained_and_nothing_is_written(auth_client, content, message):
    files = [_eml("good.eml", SAMPLE["rej_greenhouse_plain"].as_bytes()), _eml("bad.eml", content)]
    response = auth_client.post(INDEX, {"files": files})
    assert response.status_code == 422
    text = response.content.decode()
    assert "bad.eml: " in text and message in text
    assert "Nothing was kept." in text
    assert not Suggestion.objects.exists()


def test_more_than_fifty_files_are_refused(auth_client):
    files = [_eml(f"{n}.eml", SAMPLE["rej_greenhouse_plain"].as_bytes()) for n in range(51)]
    response = auth_client.post(INDEX, {"files": files})
    assert response.status_code == 422
    assert b"That is 51 files; upload at most 50 at a time." in response.content
    assert not Suggestion.objects.exists()


def test_a_file_over_five_megabytes_is_refused(auth_client):
    big = _eml("big.eml", b"From: a@b.example\r\nSubject: big\r\n\r\n" + b"x" * (5 * 1024 * 1024))
    response = auth_client.post(INDEX, {"files": [big]})
    assert response.status_code == 422
    assert b"big.eml: larger than 5 MB" in response.content


def test_an_upload_past_the_ceiling_gets_a_clear_message(auth_client, monkeypatch):
    from apps.core import uploads
    from apps.inbox import views

    monkeypatch.setattr(uploads, "UPLOAD_CEILING_BYTES", 1024)
    monkeypatch.setattr(views, "UPLOAD_CEILING_BYTES", 1024)
    huge = _eml("huge.eml", b"From: a@b.example\r\nSubject: x\r\n\r\n" + b"y" * 4096)
    response = auth_client.post(INDEX, {"files": [huge]})
    assert response.status_code == 422
    assert b"was not kept" in response.content
    assert not Suggestion.objects.exists()


def test_another_persons_suggestion_is_a_404(auth_client, other_user):
    suggestion = Suggestion.objects.create(
        owner=other_user, kind="rejection", source="paste", fingerprint="x", subject="No"
    )
    for name in ("inbox:act", "inbox:dismiss", "inbox:reclassify"):
        assert auth_client.post(reverse(name, args=[suggestion.pk])).status_code == 404
    suggestion.refresh_from_db()
    assert suggestion.state == State.WAITING


def test_another_persons_application_cannot_be_chosen(auth_client, other_user, northwind):
    from apps.applications.services import application_create

    theirs = application_create(owner=other_user, company_name="Northwind", role_title="Analyst")
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get(owner__email="alice@example.com")
    response = _act(auth_client, suggestion, target=f"app:{theirs.pk}")
    assert response.status_code == 422
    assert "Choose one of your applications, or a new one." in response.content.decode()
    assert not Rejection.objects.exists()


@pytest.mark.parametrize("name", ["inbox:act", "inbox:dismiss", "inbox:reclassify"])
def test_card_actions_reject_get(auth_client, name):
    assert auth_client.get(reverse(name, args=[1])).status_code == 405


def test_an_htmx_rejection_redirects_the_browser_to_the_plan(auth_client, northwind):
    _paste(auth_client, "rej_greenhouse_plain")
    suggestion = Suggestion.objects.get()
    response = auth_client.post(
        reverse("inbox:act", args=[suggestion.pk]), {"target": f"app:{northwind.pk}"}, **HTMX
    )
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("dashboard:home") + "#recovery-plan"


def test_the_page_reads_in_a_fixed_number_of_queries(
    auth_client, user, django_assert_max_num_queries
):
    from apps.inbox.models import Suggestion as S

    def make(n, start):
        for i in range(start, start + n):
            S.objects.create(
                owner=user,
                kind="rejection",
                source="paste",
                fingerprint=f"f{i}",
                subject=f"No {i}",
                candidate_ids=[],
            )

    make(5, 0)
    with django_assert_max_num_queries(20) as few:
        auth_client.get(INDEX)
    make(10, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        auth_client.get(INDEX)


def test_the_dashboard_counts_waiting_emails_and_quiets_rejections_while_resting(
    auth_client, user, today
):
    S = Suggestion
    S.objects.create(owner=user, kind="rejection", source="mailbox", fingerprint="a", subject="x")
    S.objects.create(owner=user, kind="interview", source="mailbox", fingerprint="b", subject="y")
    page = auth_client.get(reverse("dashboard:home")).content.decode()
    assert "2 emails about your applications" in page
    user.resting_until = today + datetime.timedelta(days=2)
    user.save()
    page = auth_client.get(reverse("dashboard:home")).content.decode()
    assert "1 email about your applications" in page
    inbox = auth_client.get(INDEX).content.decode()
    assert "1 rejection from your mailbox, held while you rest" in inbox


def test_the_quick_form_offers_to_paste_the_email(auth_client):
    page = auth_client.get(reverse("dashboard:home")).content.decode()
    assert f'<a href="{INDEX}">Paste the email instead</a>' in page


def test_every_page_of_the_inbox_needs_login(client):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert json.dumps(response["Location"]).startswith('"/accounts/login/')
