"""The WeChat callback, driven by requests built as WeChat's servers build them: the SHA-1
signature of the sorted token, timestamp and nonce; in safe mode the message AES-256-CBC
encrypted as WeChat documents it (random 16 bytes, length, message, AppID; PKCS#7 to 32)."""

import base64
import hashlib
import os
import struct
from xml.etree import ElementTree as ET

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from lianxin.cases.models import Case, Category
from lianxin.core import clock
from lianxin.intake.models import WechatAccount

TOKEN = "lianxintoken"
AES_KEY = base64.b64encode(b"0123456789abcdef0123456789abcdef").decode().rstrip("=")
APP_ID = "wx1234567890abcdef"
URL = "/channels/wechat/qingshan/"


@pytest.fixture
def account(cast):
    road = Category.objects.create(root=cast.root, name="路面病害")
    return WechatAccount.objects.create(
        root=cast.root,
        slug="qingshan",
        name="青山公路",
        app_id=APP_ID,
        token=TOKEN,
        encoding_aes_key=AES_KEY,
        category=road,
    )


def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def query(timestamp=None, nonce="n0nce"):
    ts = str(timestamp or int(clock.now().timestamp()))
    return {"signature": sign(TOKEN, ts, nonce), "timestamp": ts, "nonce": nonce}


def text_message(content, msg_id="1001", openid="oUser1"):
    return (
        f"<xml><ToUserName><![CDATA[gh_account]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(clock.now().timestamp())}</CreateTime>"
        f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def encrypt(xml: str) -> str:
    key = base64.b64decode(AES_KEY + "=")
    body = xml.encode()
    plain = os.urandom(16) + struct.pack(">I", len(body)) + body + APP_ID.encode()
    pad = 32 - len(plain) % 32
    plain += bytes([pad]) * pad
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(plain) + enc.finalize()).decode()


def decrypt(encrypted: str) -> str:
    key = base64.b64decode(AES_KEY + "=")
    dec = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    plain = dec.update(base64.b64decode(encrypted)) + dec.finalize()
    plain = plain[: -plain[-1]]
    length = struct.unpack(">I", plain[16:20])[0]
    return plain[20 : 20 + length].decode()


def reply_text(response) -> str:
    return ET.fromstring(response.content).find("Content").text


def test_server_verification_and_forged_signatures(account, client):
    q = query()
    assert client.get(URL, {**q, "echostr": "hello"}).content == b"hello"
    assert client.get(URL, {**q, "signature": "0" * 40, "echostr": "x"}).status_code == 403
    assert client.get("/channels/wechat/nobody/", q).status_code == 404


def test_a_text_becomes_one_case_however_often_wechat_retries(account, client):
    body = text_message("青山路K12有个大坑")
    replies = [
        client.post(
            URL + "?" + "&".join(f"{k}={v}" for k, v in query().items()),
            body,
            content_type="text/xml",
        )
        for _ in range(3)
    ]
    texts = {reply_text(r) for r in replies}
    case = Case.objects.get()
    assert len(texts) == 1 and case.code in texts.pop()
    assert (case.channel, case.citizen_contact) == ("wechat", "wechat:oUser1")
    r = client.post(
        URL + "?" + "&".join(f"{k}={v}" for k, v in query().items()),
        text_message(f"查询 {case.code}", msg_id="1002"),
        content_type="text/xml",
    )
    assert "已受理" in reply_text(r)
    r = client.post(
        URL + "?" + "&".join(f"{k}={v}" for k, v in query().items()),
        text_message(f"查询 {case.code}", msg_id="1003", openid="oOther"),
        content_type="text/xml",
    )
    assert case.code in reply_text(r) and "没有找到" in reply_text(r)
    assert Case.objects.count() == 1


def test_safe_mode_decrypts_and_answers_encrypted(account, client):
    q = query()
    encrypted = encrypt(text_message("河口大桥护栏断了", msg_id="2001"))
    q["msg_signature"] = sign(TOKEN, q["timestamp"], q["nonce"], encrypted)
    q["encrypt_type"] = "aes"
    body = (
        "<xml><ToUserName><![CDATA[gh_account]]></ToUserName>"
        f"<Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    )
    r = client.post(
        URL + "?" + "&".join(f"{k}={v}" for k, v in q.items()), body, content_type="text/xml"
    )
    envelope = ET.fromstring(r.content)
    inner = decrypt(envelope.find("Encrypt").text)
    assert envelope.find("MsgSignature").text == sign(
        TOKEN,
        envelope.find("TimeStamp").text,
        envelope.find("Nonce").text,
        envelope.find("Encrypt").text,
    )
    case = Case.objects.get()
    assert case.code in ET.fromstring(inner).find("Content").text
    bad = dict(q, msg_signature="0" * 40)
    r = client.post(
        URL + "?" + "&".join(f"{k}={v}" for k, v in bad.items()), body, content_type="text/xml"
    )
    assert r.status_code == 403 and Case.objects.count() == 1


def test_replays_malformed_xml_and_xml_bombs_are_refused(account, client):
    old = query(timestamp=int(clock.now().timestamp()) - 400)
    r = client.post(
        URL + "?" + "&".join(f"{k}={v}" for k, v in old.items()),
        text_message("旧消息", msg_id="3001"),
        content_type="text/xml",
    )
    assert r.status_code == 403
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<xml><MsgType>text</MsgType><Content>&lol2;</Content></xml>"
    )
    for body in (bomb, "<xml><MsgType>text<", "not xml"):
        r = client.post(
            URL + "?" + "&".join(f"{k}={v}" for k, v in query().items()),
            body,
            content_type="text/xml",
        )
        assert r.status_code == 400
    assert not Case.objects.exists()
