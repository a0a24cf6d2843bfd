"""The register of service requests at the window: a fixed number of queries however many
requests."""

from django.urls import reverse

from conftest import count_queries
from lianxin.catalog import actions

from .conftest import register


def test_the_register_takes_as_many_queries_for_3_requests_as_for_15(sv, login):
    client = login(sv.handler)
    url = reverse("workbench:service_requests")
    for i in range(3):
        register(sv, token=f"few-{i}", applicant_name=f"申请人{i}")
    page, few = count_queries(client, url)
    assert "申请人2" in page.text
    for i in range(12):
        req, _secret = register(sv, token=f"many-{i}", applicant_name=f"申请人{i + 3}")
        if i % 3 == 0:
            actions.request_complete(req=req, decision="approved", actor=sv.handler)
    page, many = count_queries(client, url)
    assert "申请人14" in page.text
    assert many == few


def test_the_register_shows_its_next_page_with_the_filters_kept(sv, login):
    client = login(sv.handler)
    url = reverse("workbench:service_requests")
    for i in range(51):
        register(sv, token=f"page-{i}", applicant_name=f"申请人{i}")
    first = client.get(url, {"status": "in_progress"})
    assert first.text.count('data-label="申请人"') == 50
    assert 'href="?status=in_progress&amp;page=2" rel="next"' in first.text
    second = client.get(url, {"status": "in_progress", "page": 2})
    assert second.text.count('data-label="申请人"') == 1
    assert 'href="?status=in_progress&amp;page=1" rel="prev"' in second.text
