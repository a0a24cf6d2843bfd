"""The API as a client holding a bearer token (shared by the partywork API tests)."""

import json

from django.test import Client

from lianxin.core.actions import api_token_create


def bearer(user):
    _token, raw = api_token_create(user=user, name="测试平台", actor=user)
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def send(client, method, url, body=None):
    data = json.dumps(body) if body is not None else ""
    return getattr(client, method)(url, data, content_type="application/json")


def fields(response) -> set:
    return {e["field"] for e in response.json()["detail"]}
