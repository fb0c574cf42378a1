"""Every page a signed-in person can open costs the same number of queries whatever the size
of their data: the URL configuration is walked, so a page added later is measured too.

Two people get the same kind of data, one twice as much as the other (applications with
their histories and interviews, rejections and plans, feedback, contacts with interactions,
check-ins), and each GET route is asked for by both; the counts must be equal. Routes that
only take a POST answer 405 to the GET and are left to their own tests. The JSON API is
token-authenticated and has its own list tests (tests/api/test_lists.py).
"""

import random

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.applications.models import Application
from apps.demo.applications import seed_applications
from apps.demo.contacts import seed_contacts
from apps.demo.feedback import seed_feedback
from apps.demo.inbox import seed_inbox
from apps.demo.rejections import seed_rejections
from apps.demo.selfcare import seed_checkins
from apps.exports.datasets import DATASETS
from apps.inbox.models import Suggestion
from tests.core.test_routes import PUBLIC_ROUTES
from tests.factories import UserFactory
from tests.ownership import OWNED_ROUTES
from tests.routes import iter_routes

N = 30  # applications for the smaller person; the other has 2N, and 2x everything else

# Routes whose URL arguments are not an owned object's id: what to ask for.
OTHER_ARGUMENTS = {"exports:dataset": [{"dataset": dataset.key} for dataset in DATASETS]}
# Public pages that also show a signed-in person's data.
PUBLIC_BUT_PERSONAL = {"dashboard:home"}


def _seed(user, size: int) -> None:
    rng = random.Random(11)
    seed_applications(user, size, rng)
    seed_rejections(user, rng)
    seed_feedback(user, rng)
    seed_contacts(user, rng, count=size)
    seed_checkins(user, rng, days=size * 2)
    seed_inbox(user, rng)
    # Emails waiting in the inbox, each matched to an application (whatever seed_inbox found).
    applications = Application.objects.for_user(user).order_by("id")
    for application in applications[: size // 10]:
        made = OWNED_ROUTES["inbox:act"](user)
        Suggestion.objects.filter(pk=made["pk"]).update(application=application)


def _urls_for(route, owner) -> list[str]:
    if route.name in OTHER_ARGUMENTS:
        return [route.url(**kwargs) for kwargs in OTHER_ARGUMENTS[route.name]]
    if route.converters:
        return [route.url(**OWNED_ROUTES[route.name](owner))]
    return [route.url()]


def _queries(client: Client, url: str) -> tuple[int, int]:
    """(status, queries) of a GET, reading a streamed body to its end inside the count."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    return response.status_code, len(captured)


def _walk(owner) -> dict[str, tuple[int, int]]:
    client = Client()
    client.force_login(owner)
    found = {}
    for route in iter_routes():
        if route.name.startswith("api:"):
            continue
        if route.name in PUBLIC_ROUTES and route.name not in PUBLIC_BUT_PERSONAL:
            continue
        for index, url in enumerate(_urls_for(route, owner)):
            found[route.name if not index else f"{route.name}#{index}"] = _queries(client, url)
    return found


@pytest.mark.django_db
def test_every_page_costs_the_same_queries_at_n_and_2n_rows():
    smaller, larger = UserFactory(), UserFactory()
    _seed(smaller, N)
    _seed(larger, 2 * N)
    at_n, at_2n = _walk(smaller), _walk(larger)

    pages = {name for name, (status, _) in at_n.items() if status != 405}
    for name in sorted(pages):
        # (A page that sends the person on, like an import preview before its columns are
        # matched, is measured as the redirect.)
        assert at_n[name][0] == at_2n[name][0] in (200, 302), (name, at_n[name], at_2n[name])
    assert "exports:dataset#3" in pages, "every dataset's download is measured"
    grew = {
        name: (at_n[name][1], at_2n[name][1])
        for name in sorted(pages)
        if at_n[name][1] != at_2n[name][1]
    }
    assert grew == {}, f"query counts that grew with the data (n, 2n): {grew}"
    # The walk reached the pages that matter most (and did not skip everything).
    assert {"dashboard:home", "applications:board", "rejections:plan_panel"} <= pages
    assert len(pages) > 30
