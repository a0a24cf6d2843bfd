"""The demo's service guides (`lianxin demo`): each service cites its own legal basis, a
material is never called a copy twice, and the demo's answers to the public promise what the
guide promises."""

from __future__ import annotations

import re

import pytest

from lianxin.catalog.demo_data import load_demo_catalog
from lianxin.catalog.models import GuideVersion
from lianxin.org.management.commands.demo import load_demo_org

# a word of each service's name, as an answer to the public would mention it
SERVICE_WORDS = {
    "roadwork": "涉路施工",
    "oversize": "超限运输",
    "crossing": "平交道口",
    "sign": "非公路标志",
}


@pytest.fixture
def guides(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    load_demo_catalog(load_demo_org())
    return {
        g.service.code: g
        for g in GuideVersion.objects.filter(state="published").select_related("service")
    }


def test_each_service_cites_its_own_legal_basis(guides, client):
    bases = [g.legal_basis for g in guides.values()]
    assert len(bases) == 4 and len(set(bases)) == 4
    oversize = client.get("/services/oversize/").content.decode()
    assert "超限运输车辆行驶公路管理规定" in oversize and "第五十条" in oversize
    assert "第四十四条" not in oversize  # occupying and digging up roads is another licence
    crossing = client.get("/services/crossing/").content.decode()
    assert "第五十五条" in crossing and "平面交叉道口" in crossing
    assert "第五十四条" in client.get("/services/sign/").content.decode()


def test_a_material_is_never_called_a_copy_twice(guides, client):
    for code in guides:
        html = client.get(f"/services/{code}/").content.decode()
        for item in re.findall(r"<li>(.*?)</li>", html):
            assert item.count("复印件") <= 1, item


def test_the_answers_promise_what_the_guides_promise(guides):
    from lianxin.cases.demo_data import ITEMS

    checked = 0
    for _kind, _category, _question, answer in ITEMS:
        for code, word in SERVICE_WORDS.items():
            days = [int(n) for n in re.findall(r"(\d+)个工作日", answer)]
            if word not in answer or not days:
                continue
            guide = guides[code]
            assert guide.promised_workdays in days, answer
            assert set(days) <= {guide.promised_workdays, guide.legal_workdays}, answer
            checked += 1
    assert checked >= 2
