"""`lianxin wechat_account`: registers an account whose callback then answers WeChat."""

import hashlib

import pytest
from django.core.management import CommandError, call_command

from lianxin.cases.models import Category
from lianxin.intake.models import WechatAccount


def test_register_an_account_and_refuse_a_bad_key(cast, client, capsys):
    Category.objects.create(root=cast.root, name="路面病害")
    with pytest.raises(CommandError):
        call_command(
            "wechat_account", "qs", name="青山公路", app_id="wx1", token="t", aes_key="short"
        )
    call_command("wechat_account", "qs", name="青山公路", app_id="wx1", token="tok")
    assert "/channels/wechat/qs/" in capsys.readouterr().out
    assert WechatAccount.objects.get().category.name == "路面病害"
    sig = hashlib.sha1("".join(sorted(["tok", "1", "n"])).encode()).hexdigest()
    r = client.get(
        "/channels/wechat/qs/", {"signature": sig, "timestamp": "1", "nonce": "n", "echostr": "ok"}
    )
    assert r.content == b"ok"
