import pytest

from apps.applications.models import Company
from apps.applications.services import application_create
from apps.inbox.matching import ApplicationIndex, company_key, role_likeness
from apps.inbox.parsing import ParsedEmail


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Globex, Inc.", "globex"),
        ("GLOBEX inc", "globex"),
        ("Müller & Söhne GmbH", "muller sohne"),
        ("Northwind Traders Ltd", "northwind traders"),
        ("Spotify AB", "spotify"),
        ("Acme S.A.S.", "acme"),
        ("Vandelay Industries LLC", "vandelay industries"),
    ],
)
def test_company_keys_ignore_case_punctuation_and_legal_suffixes(name, key):
    assert company_key(name) == key


def test_roles_are_compared_loosely():
    assert role_likeness("Senior Backend Developer", "Backend Engineer (Senior)") >= 0.6
    assert role_likeness("Data Analyst (m/w/d)", "data analyst") == 1
    assert role_likeness("Data Analyst", "Head of Sales") < 0.6


def _email(**fields) -> ParsedEmail:
    return ParsedEmail(**{"text": "", **fields})


def test_the_company_website_domain_matches(user):
    app = application_create(owner=user, company_name="Initrode", role_title="Analyst")
    Company.objects.filter(pk=app.company_id).update(website="https://www.initrode-group.com")
    index = ApplicationIndex.for_user(user)
    match = index.match(_email(sender_address="jane@mail.initrode-group.com"), kind="rejection")
    assert match.application_id == app.pk
    assert match.how == "the sender's domain is initrode-group.com"


def test_a_name_in_the_subject_matches_despite_suffixes(user, globex):
    index = ApplicationIndex.for_user(user)
    match = index.match(
        _email(sender_address="no-reply@hire.lever.co", subject="Your application to GLOBEX"),
        kind="rejection",
    )
    assert match.application_id == globex.pk


def test_several_applications_are_offered_as_candidates(user):
    first = application_create(owner=user, company_name="Hooli", role_title="Data Analyst")
    second = application_create(owner=user, company_name="Hooli", role_title="Data Scientist")
    index = ApplicationIndex.for_user(user)
    vague = index.match(_email(subject="Your application at Hooli"), kind="rejection")
    assert vague.application_id is None
    assert set(vague.candidate_ids) == {first.pk, second.pk}
    clear = index.match(
        _email(subject="Hooli", text="Thank you for applying for the Data Scientist role."),
        kind="rejection",
    )
    assert clear.application_id == second.pk


def test_no_match_offers_the_company_and_role_to_add(user):
    index = ApplicationIndex.for_user(user)
    match = index.match(
        _email(
            sender_name="Wayne Enterprises Talent",
            sender_address="wayne@talent.icims.com",
            subject="Application received: Security Analyst",
        ),
        kind="acknowledgement",
    )
    assert (match.application_id, match.candidate_ids) == (None, [])
    assert (match.company, match.role) == ("Wayne Enterprises", "Security Analyst")
