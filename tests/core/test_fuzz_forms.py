"""Property-based walk (hypothesis): every POST form on every page, filled with hostile
values (unicode, NUL bytes, very long text, huge and negative numbers, malformed dates,
choices that are not on offer), never answers 500 and never writes a row when it refuses
the input. Forms are found by opening every page of the URL configuration, so a form added
later is walked too. REBOUND_FUZZ_EXAMPLES sets the examples per form (a few in CI for
speed; `make fuzz` runs hundreds)."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exports.conftest import make_world
from tests.walkers import NOT_FUZZED, Field, crawl_forms, row_counts

EXAMPLES = int(os.environ.get("REBOUND_FUZZ_EXAMPLES", "15"))

HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "x" * 30_000,
            "²",
            "١٢٣",
            "1" * 25,
            "-1",
            "-99999999999999999999",
            "1e309",
            "NaN",
            "2026-02-30",
            "99999-12-31",
            "0000-00-00",
            "31/12/2026",
            "javascript:alert(1)",
            "<script>alert(1)</script>",
            '=HYPERLINK("http://x")',
            "' OR 1=1 --",
            "../../etc/passwd",
            "\u202e\ufeff\u200b",
            "😀" * 300,
        ]
    ),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)


def field_values(field: Field):
    if field.name == "csrfmiddlewaretoken":
        return st.just(field.value)
    if field.kind == "file":
        return st.nothing()
    if field.options:
        return st.one_of(st.sampled_from(field.options), HOSTILE_TEXT)
    return HOSTILE_TEXT


def looks_refused(response) -> bool:
    if response.status_code >= 400:
        return True
    body = response.content.decode(errors="replace")
    return 'aria-invalid="true"' in body or 'class="form-errors"' in body


def test_every_post_form_survives_hostile_values(auth_client, user):
    make_world(user, "Fuzz")
    forms, _ = crawl_forms(auth_client, user)
    walked = sorted({form.route for form in forms})
    # The walk must reach the forms that matter; a crawl that finds none proves nothing.
    assert {"applications:create", "applications:edit", "accounts:settings"} <= set(walked)
    for form in forms:
        if form.route not in NOT_FUZZED:
            hostile_posts(auth_client, form)()


def hostile_posts(client, form):
    """A hypothesis test posting hostile values to one form."""
    strategies = {
        name: field_values(field) for name, field in form.fields.items() if field.kind != "file"
    }

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.fixed_dictionaries(strategies))
    def post_hostile(data):
        before = row_counts()
        response = client.post(form.action, data)  # a 500 raises here
        assert response.status_code != 500, form.route
        if looks_refused(response):
            assert row_counts() == before, f"{form.route} wrote rows from refused input"

    return post_hostile
