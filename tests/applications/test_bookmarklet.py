import re
from urllib.parse import unquote

from django.urls import reverse

from apps.applications.models import Application


def test_the_add_form_starts_from_the_query_string(auth_client):
    response = auth_client.get(
        reverse("applications:create"),
        {
            "company_name": "Acme Labs",
            "role_title": "Platform engineer",
            "status": "wishlist",
            "posting_url": "https://jobs.example.com/42",
            "location": "Lyon, France",
            "work_mode": "remote",
            "salary_min": "50000",
            "salary_max": "lots",
            "salary_currency": "EUR",
            "source": "referral",  # not something a link may fill in
        },
    )
    form = response.context["form"]
    assert form.initial == {
        "company_name": "Acme Labs",
        "role_title": "Platform engineer",
        "status": "wishlist",
        "posting_url": "https://jobs.example.com/42",
        "location": "Lyon, France",
        "work_mode": "remote",
        "salary_min": "50000",
        "salary_currency": "EUR",
    }
    html = response.content.decode()
    assert 'value="Platform engineer"' in html and 'value="https://jobs.example.com/42"' in html
    assert not Application.objects.exists()  # nothing is saved by opening the form


def test_it_leaves_out_what_does_not_fit(auth_client):
    response = auth_client.get(
        reverse("applications:create"),
        {
            "role_title": "R" * 300,
            "work_mode": "moon",
            "status": "hired",
            "posting_url": "https://x.example/" + "a" * 600,
        },
    )
    assert response.context["form"].initial == {"role_title": "R" * 200}


def test_the_applications_page_offers_the_bookmarklet(auth_client):
    html = auth_client.get(reverse("applications:list")).content.decode()
    href = re.search(r'href="(javascript:[^"]+)" class="bookmarklet"', html).group(1)
    code = unquote(href.removeprefix("javascript:"))
    assert '"http://testserver/applications/new/"' in code
    assert "REBOUND_NEW_APPLICATION_URL" not in code
    assert "application/ld+json" in code and "window.open" in code
    assert "\n//" not in code  # comment lines are dropped
