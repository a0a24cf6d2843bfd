"""The WeChat official account callback (/channels/wechat/<account>/).

GET is WeChat's server verification (signature of token, timestamp, nonce; echo `echostr`).
POST carries a message, in plaintext or in safe mode (AES, `encrypt_type=aes`): signatures are
checked, timestamps older than five minutes refused, the XML screened for entities and DTDs
before any parser sees it, then:
- a text (or the recognition of a voice message, an image, a location) becomes a case of
  channel `wechat`; the passive reply gives its code and lookup secret. WeChat retries a
  message it thinks unanswered up to three times with the same MsgId: one case (the MsgId is
  an idempotency key of that WeChat user on that account only), and the reply that reaches
  the citizen carries the secret that is valid; a blank or too long text is answered with
  the reason, never with an error;
- "查询 <code>" answers with the status of that case if this WeChat user raised it.
Everything is answered synchronously, well within WeChat's 5-second limit.
"""

from __future__ import annotations

from defusedxml import ElementTree as SafeET
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from lianxin.core import clock
from lianxin.core.errors import ApplicationError

from . import actions, queries
from .models import WechatAccount

MAX_BODY = 64 * 1024
MAX_AGE = 300


def _safe(xml: bytes | str) -> bool:
    try:
        SafeET.fromstring(xml)
    except Exception:  # defusedxml refuses entities and DTDs; ParseError for broken XML
        return False
    return True


def _fresh(timestamp: str) -> bool:
    try:
        return abs(clock.now().timestamp() - int(timestamp)) <= MAX_AGE
    except (TypeError, ValueError):
        return False


def _receive(account: WechatAccount, msg) -> str:
    """The reply text for one message (creating its case at most once)."""
    openid = msg.source
    text = (getattr(msg, "content", "") or "") if msg.type == "text" else ""
    if msg.type == "text" and text.strip().startswith("查询"):
        code = text.strip()[2:].strip()[:20]
        case = queries.wechat_case(code, openid)
        if case is None:
            return _("No case %(code)s of yours was found.") % {"code": code}
        text = _("Case %(code)s: %(status)s.") % {
            "code": case.code,
            "status": case.get_status_display(),
        }
        if case.reply:
            text += " " + _("Reply: %(reply)s") % {"reply": case.reply[:300]}
        return text
    if msg.type == "text":
        content = text
    elif msg.type == "voice" and getattr(msg, "recognition", None):
        content = msg.recognition
    elif msg.type == "image":
        content = _("[picture] %(url)s") % {"url": msg.image}
    elif msg.type == "location":
        content = _("[location] %(label)s (%(lat)s, %(lng)s)") % {
            "label": msg.label,
            "lat": msg.location_x,
            "lng": msg.location_y,
        }
    else:
        return _("Send us your request as text, and we will register it.")
    try:
        case, secret = actions.wechat_receive(
            account=account,
            msg_id=str(msg.id),  # WeChat's retries carry the same MsgId
            msg_type=msg.type,
            content=content,
            openid=openid,
            image=msg.image if msg.type == "image" else "",
        )
    except ApplicationError as err:  # blank, too long: tell the citizen, answer WeChat
        return _("Your message was not registered: %(reason)s") % {"reason": err.message}
    return _(
        "Received. Case %(code)s, lookup secret %(secret)s. Send “查询 %(code)s” to follow it."
    ) % {"code": case.code, "secret": secret}


@csrf_exempt
def callback(request, account: str):
    wechat = queries.wechat_account(account)
    if wechat is None:
        raise Http404
    g = request.GET
    signature, timestamp, nonce = g.get("signature", ""), g.get("timestamp", ""), g.get("nonce", "")
    try:
        check_signature(wechat.token, signature, timestamp, nonce)
    except InvalidSignatureException:
        return HttpResponseForbidden("invalid signature")
    if request.method == "GET":
        return HttpResponse(g.get("echostr", ""), content_type="text/plain")
    if not _fresh(timestamp):
        return HttpResponseForbidden("stale timestamp")
    body = request.body
    if len(body) > MAX_BODY or not _safe(body):
        return HttpResponse("bad request", status=400)
    crypto = None
    if g.get("encrypt_type") == "aes":
        if not wechat.encoding_aes_key:
            return HttpResponse("bad request", status=400)
        crypto = WeChatCrypto(wechat.token, wechat.encoding_aes_key, wechat.app_id)
        try:
            body = crypto.decrypt_message(body, g.get("msg_signature", ""), timestamp, nonce)
        except InvalidSignatureException:
            return HttpResponseForbidden("invalid signature")
        except Exception:
            return HttpResponse("bad request", status=400)
        if not _safe(body):
            return HttpResponse("bad request", status=400)
    try:
        msg = parse_message(body)
    except Exception:
        return HttpResponse("bad request", status=400)
    if msg is None or msg.type == "event":
        return HttpResponse("success", content_type="text/plain")
    with override("zh-hans"):
        text = _receive(wechat, msg)
    reply = TextReply(message=msg, content=text).render()
    if crypto is not None:
        reply = crypto.encrypt_message(reply, nonce, timestamp)
    return HttpResponse(reply, content_type="application/xml; charset=utf-8")
