"""The API as a client holding a bearer token, for every app's API tests (one copy)."""

import json

from django.test import Client

from lianxin.core.actions import api_token_create


def bearer(user):
    """A client whose calls carry a new token of `user` (made by himself, as on his page)."""
    _token, raw = api_token_create(user=user, name="测试平台", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def send(client, method, url, body=None):
    data = json.dumps(body) if body is not None else ""
    return getattr(client, method)(url, data, content_type="application/json")


def post(client, url, body):
    return send(client, "post", url, body)


def fields(response) -> set:
    """The fields named by a 422's errors (all of them, decision 019)."""
    return {e["field"] for e in response.json()["detail"]}
