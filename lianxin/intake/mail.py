"""Email to the register: a new mail becomes a case; a reply to one of our mails (In-Reply-To
or References naming a case, or its code in the subject, from the same address) goes into
that case's timeline; auto-replies and bounces are ignored. Chinese mail arrives in GBK,
GB18030, Big5 or UTF-8: every declared charset is honoured, GB2312/GBK read as their
superset GB18030, and undeclared 8-bit text tried in UTF-8, GB18030 and Big5."""

from __future__ import annotations

import email
import hashlib
import re
from email import policy
from email.utils import getaddresses, parseaddr

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases import workflow as wf
from lianxin.cases.models import Case, Category, Channel, Kind
from lianxin.core import files
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError
from lianxin.core.files import Accepted
from lianxin.org.models import Unit

from .models import ChannelMessage

CODE_RE = re.compile(r"(?<!\d)(\d{12})(?!\d)")
REF_RE = re.compile(r"<case-(\d{12})[.@]")
CHARSET_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5-hkscs": "big5hkscs",
}


def _decode(payload: bytes, charset: str | None) -> str:
    tried = []
    if charset:
        tried.append(CHARSET_ALIASES.get(charset.lower(), charset.lower()))
    tried += ["utf-8", "gb18030", "big5"]
    for cs in tried:
        try:
            return payload.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _header(msg, name: str) -> str:
    value = msg.get(name, "")
    return str(value).strip()


def _body_and_files(msg) -> tuple[str, list[dict]]:
    texts, html, files = [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        disposition = (part.get_content_disposition() or "").lower()
        payload = part.get_payload(decode=True) or b""
        if disposition == "attachment" or (part.get_filename() and disposition != "inline"):
            files.append((part.get_filename() or "", payload))
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            texts.append(_decode(payload, part.get_content_charset()))
        elif ctype == "text/html":
            html.append(re.sub(r"<[^>]+>", " ", _decode(payload, part.get_content_charset())))
    body = "\n".join(texts) or "\n".join(html)
    return re.sub(r"\n{3,}", "\n\n", body).strip(), files


def is_automatic(msg) -> bool:
    """Auto-replies, out-of-office notices, mailing-list traffic and bounces."""
    if _header(msg, "Auto-Submitted").lower() not in ("", "no"):
        return True
    if _header(msg, "Precedence").lower() in ("bulk", "junk", "list", "auto_reply"):
        return True
    if msg.get("X-Autoreply") or msg.get("X-Autorespond") or msg.get("X-Auto-Response-Suppress"):
        return True
    if msg.get_content_type() == "multipart/report":
        return True
    sender = parseaddr(_header(msg, "From"))[1].lower()
    return sender.split("@")[0] in ("mailer-daemon", "postmaster")


def _keep(items: list[tuple[str, bytes]]) -> tuple[list[Accepted], list[dict]]:
    """Each attachment on its own: images and PDFs kept (core.files), the rest listed with
    the reason, so one stray .exe does not lose the citizen's photos."""
    kept, refused = [], []
    for name, data in items[: files.MAX_FILES * 2]:
        try:
            kept += files.accept([(name, data)])
        except ApplicationError as err:
            refused.append({"name": files.clean_name(name), "reason": str(err.message)})
    return kept[: files.MAX_FILES * 2], refused


def mail_receive(*, root: Unit, category: Category, raw: bytes) -> tuple[str, Case | None]:
    """("ignored" | "reply" | "case" | "duplicate", the case)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    if is_automatic(msg):
        return "ignored", None
    message_id = _header(msg, "Message-ID") or hashlib.sha256(raw).hexdigest()
    name, address = parseaddr(_header(msg, "From"))
    # A Message-ID is chosen by the sender: it counts only together with the sender, so
    # that nobody can take another person's mail for a copy of his own.
    mail_id = hashlib.sha256(f"{address.lower()}\n{message_id}".encode()).hexdigest()
    existing = ChannelMessage.objects.filter(channel=Channel.EMAIL, external_id=mail_id).first()
    if existing is not None:
        return "duplicate", existing.case
    subject = _header(msg, "Subject")
    body, items = _body_and_files(msg)
    kept, refused = _keep(items)
    refs = " ".join([_header(msg, "In-Reply-To"), _header(msg, "References")])
    codes = REF_RE.findall(refs) or CODE_RE.findall(subject)
    target = None
    for code in codes:
        target = Case.objects.filter(code=code, root=root, citizen_email__iexact=address).first()
        if target is not None:
            break
    seen = set()
    while target is not None and target.merged_into_id and target.pk not in seen:
        seen.add(target.pk)  # a reply to a merged case goes to the case it joined
        target = Case.objects.filter(pk=target.merged_into_id).first()
    if target is not None and not wf.allowed(target.status, target.kind, "note", {wf.SYSTEM}):
        target = None  # a case that takes no more notes: the mail becomes a new case
    with transaction.atomic():
        if target is not None:
            case_actions.case_note(
                case=target,
                actor=Actor.system("email"),
                note=(
                    _("Email from %(address)s: %(subject)s\n%(body)s")
                    % {"address": address, "subject": subject, "body": body}
                )[:1000],
                files=kept,
            )
            outcome, case = "reply", target
        else:
            content = (subject + "\n" + body).strip() if subject else body
            case, _secret = case_actions.case_receive(
                root=root,
                kind=Kind.HELP,
                channel=Channel.EMAIL,
                category=category,
                title=subject[:100],
                content=content[:5000] or subject or _("(empty mail)"),
                citizen_name=name[:50],
                citizen_email=address,
                submit_token=mail_id,
                client="email",
                actor=Actor.citizen(Channel.EMAIL),
                files=kept,
            )
            outcome = "case"
        try:
            with transaction.atomic():
                ChannelMessage.objects.create(
                    channel=Channel.EMAIL,
                    external_id=mail_id,
                    case=case,
                    data={
                        "from": address,
                        "subject": subject[:200],
                        "to": [a for _n, a in getaddresses([_header(msg, "To")])],
                        "attachments": [f.name for f in kept],
                        "refused": refused,
                    },
                )
        except IntegrityError:
            return "duplicate", case
    return outcome, case


def case_message_id(case: Case) -> str:
    """The Message-ID of our mails about a case, so that replies find it."""
    return (
        f"<case-{case.code}.{hashlib.sha256(case.secret_digest.encode()).hexdigest()[:8]}@lianxin>"
    )
