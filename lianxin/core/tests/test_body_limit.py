"""Request bodies over the limit of their path are refused with 413 before a byte is read:
a 150 MB anonymous upload never reaches the form, the API gets JSON, small posts pass."""

import pytest

from lianxin.core.middleware import body_limit


class Unreadable:
    """A request body that fails the test if anything reads it."""

    read_calls = 0

    def read(self, *args):
        Unreadable.read_calls += 1
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, path, size, content_type="multipart/form-data; boundary=x"):
    Unreadable.read_calls = 0
    return client.generic(
        "POST",
        path,
        b"",
        content_type=content_type,
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": Unreadable()},
    )


@pytest.mark.django_db
def test_a_150_mb_anonymous_upload_is_refused_unread(client):
    r = post_declaring(client, "/submit/", 150 * 2**20)
    assert r.status_code == 413 and Unreadable.read_calls == 0
    page = r.content.decode()
    assert "请求过大" in page and "51 MB" in page
    assert r["Connection"] == "close"


@pytest.mark.django_db
def test_the_api_and_channels_have_small_limits_and_answer_json(client):
    for path in ("/api/v1/cases", "/open311/v2/requests.json", "/channels/wechat/x/"):
        r = post_declaring(client, path, 3 * 2**20, content_type="application/json")
        assert r.status_code == 413 and "detail" in r.json(), path
        assert Unreadable.read_calls == 0


@pytest.mark.django_db
def test_the_login_form_takes_no_megabytes(client):
    r = post_declaring(client, "/accounts/login/", 2**20, "application/x-www-form-urlencoded")
    assert r.status_code == 413 and Unreadable.read_calls == 0


@pytest.mark.django_db
def test_a_nonsense_content_length_is_refused(client):
    r = post_declaring(client, "/submit/", "-5")
    assert r.status_code == 413


@pytest.mark.django_db
def test_an_ordinary_post_passes(client):
    r = client.post("/track/", {"code": "X", "secret": "Y"})
    assert r.status_code in (200, 400)


def test_the_longest_matching_prefix_decides(settings):
    assert body_limit("/workbench/imports/") == settings.LIANXIN_BODY_LIMITS["/workbench/imports/"]
    assert body_limit("/submit/") == settings.LIANXIN_MAX_BODY
    assert body_limit("/api/v1/cases") == 2 * 2**20
