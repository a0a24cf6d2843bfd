"""Channel actions: each one receives through `cases.actions.case_receive` (no channel keeps
a copy of a case) and records the channel's own id in the same transaction."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Case, Category, Channel, Kind
from lianxin.core.actor import Actor, is_system, login_of
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.org.access import is_admin_of
from lianxin.org.models import Unit

from . import media
from .models import CategoryQuestion, ChannelMessage, Open311Client, WechatAccount


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def open311_client_create(*, root: Unit, name: str, actor) -> tuple[Open311Client, str]:
    """Issue an api_key to a client system (shown once)."""
    if not is_system(actor) and not is_admin_of(actor, root):
        raise PermissionDenied
    name = (name or "").strip()[:100]
    if not name:
        raise ApplicationError(_("Name the client system."), field="name")
    key = "o311_" + secrets.token_urlsafe(24)
    with transaction.atomic():
        client = Open311Client.objects.create(
            root=root, name=name, key_digest=key_digest(key), prefix=key[:8]
        )
        record_event(actor=actor, action="intake.open311_client_create", obj=client)
    return client, key


def _check_attribute(q: CategoryQuestion, raw: list[str]) -> str:
    values = [v.strip() for v in raw if v.strip()]
    if not values:
        if q.required:
            raise ApplicationError(f"attribute[{q.code}] is required", field=q.code)
        return ""
    keys = {str(v["key"]) for v in q.values}
    if q.datatype == "number":
        try:
            float(values[0])
        except ValueError:
            raise ApplicationError(f"attribute[{q.code}] must be a number", field=q.code) from None
    elif q.datatype == "datetime":
        try:
            datetime.fromisoformat(values[0].replace("Z", "+00:00"))
        except ValueError:
            raise ApplicationError(
                f"attribute[{q.code}] must be a W3C datetime", field=q.code
            ) from None
    elif q.datatype in ("singlevaluelist", "multivaluelist"):
        if q.datatype == "singlevaluelist" and len(values) > 1:
            raise ApplicationError(f"attribute[{q.code}] takes one value", field=q.code)
        unknown = [v for v in values if v not in keys]
        if unknown:
            raise ApplicationError(
                f"attribute[{q.code}] has an unknown value: {unknown[0]}", field=q.code
            )
        names = {str(v["key"]): v["name"] for v in q.values}
        return "、".join(names[v] for v in values)
    return values[0][:2000]


def open311_receive(
    *,
    client: Open311Client,
    category: Category,
    description: str,
    attributes: dict[str, list[str]],
    lat: str = "",
    long: str = "",
    address: str = "",
    address_id: str = "",
    first_name: str = "",
    last_name: str = "",
    phone: str = "",
    email: str = "",
    media_url: str = "",
    device_id: str = "",
    account_id: str = "",
    external_id: str = "",
) -> Case:
    """A service request posted by an Open311 client becomes a case (channel open311)."""
    if not (lat and long) and not address and not address_id:
        raise ApplicationError(
            "a location is required: lat and long, address_string or address_id", field="location"
        )
    if lat or long:
        try:
            la, lo = float(lat), float(long)
        except ValueError:
            raise ApplicationError("lat and long must be numbers", field="lat") from None
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise ApplicationError("lat or long out of range", field="lat")
    answers = []
    for q in category.questions.all():
        value = _check_attribute(q, attributes.get(q.code, []))
        if value:
            answers.append(f"{q.description}：{value}")
    place = address or (f"{lat},{long}" if lat else address_id)
    content = (description or "").strip()
    if answers:
        content = (content + "\n" if content else "") + "\n".join(answers)
    with transaction.atomic():
        case, _secret = case_actions.case_receive(
            root=client.root,
            kind=Kind.HELP,
            channel=Channel.OPEN311,
            category=category,
            content=content,
            place=place[:200],
            citizen_name=f"{last_name}{first_name}".strip()[:50],
            citizen_phone=phone,
            citizen_email=email,
            submit_token=external_id or None,
            client=f"open311:{client.pk}",  # a client's ids are its own, nobody else's
            actor=Actor.citizen(Channel.OPEN311),
        )
        try:
            with transaction.atomic():
                ChannelMessage.objects.create(
                    channel=Channel.OPEN311,
                    external_id=case.code,
                    case=case,
                    data={
                        "client": client.pk,
                        "lat": lat,
                        "long": long,
                        "address_id": address_id,
                        "media_url": media_url[:500],
                        "device_id": device_id[:100],
                        "account_id": account_id[:100],
                    },
                )
            media.fetch_later(case, [media_url])
        except IntegrityError:
            pass  # the same request again: the one case it made
    return case


def weibo_receive(*, root: Unit, category: Category, item: dict) -> tuple[Case, bool]:
    """One mention or private message of a Weibo export; (case, created). The same item
    twice gives the case it made the first time."""
    external_id = str(item.get("id") or item.get("mid") or "").strip()
    if not external_id:
        raise ApplicationError("an item without id", field="id")
    existing = ChannelMessage.objects.filter(channel=Channel.WEIBO, external_id=external_id).first()
    if existing is not None:
        return existing.case, False
    user = item.get("user") or {}
    text = (item.get("text") or "").strip()
    kind = "private message" if item.get("type") == "message" else "mention"
    pictures = [
        str(p.get("large") or p.get("original_pic") or p.get("thumbnail_pic") or "")
        if isinstance(p, dict)
        else str(p)
        for p in (item.get("pic_urls") or item.get("pics") or [])
    ][:9]
    with transaction.atomic():
        case, _secret = case_actions.case_receive(
            root=root,
            kind=Kind.HELP,
            channel=Channel.WEIBO,
            category=category,
            content=text,
            citizen_name=str(user.get("screen_name") or "")[:50],
            citizen_contact=f"weibo:{user.get('id', '')}",
            submit_token=external_id,
            client="weibo",
            actor=Actor.citizen(Channel.WEIBO),
        )
        ChannelMessage.objects.create(
            channel=Channel.WEIBO,
            external_id=external_id,
            case=case,
            data={"type": kind, "created_at": item.get("created_at", ""), "pictures": pictures},
        )
        media.fetch_later(case, pictures)
    return case, True


def wechat_receive(
    *,
    account: WechatAccount,
    msg_id: str,
    msg_type: str,
    content: str,
    openid: str,
    image: str = "",
) -> tuple[Case, str]:
    """One WeChat message as a case of channel `wechat`: (case, the lookup secret valid for
    it). WeChat retries a message it thinks unanswered with the same MsgId: one case (the
    MsgId is an idempotency key of that WeChat user on that account only), and a picture
    fetched once. A blank or too long text raises ApplicationError."""

    def receive() -> tuple[Case, str]:
        return case_actions.case_receive(
            root=account.root,
            kind=Kind.HELP,
            channel=Channel.WECHAT,
            category=account.category,
            content=content,
            citizen_contact=f"wechat:{openid}",
            submit_token=msg_id,  # WeChat's retries carry the same MsgId
            client=f"wechat:{account.pk}:{openid}",
            actor=Actor.citizen(Channel.WECHAT),
        )

    try:
        with transaction.atomic():
            case, secret = receive()
            _message, created = ChannelMessage.objects.get_or_create(
                channel=Channel.WECHAT,
                external_id=f"{account.pk}:{msg_id}",
                defaults={"case": case, "data": {"type": msg_type}},
            )
            if created and image:
                media.fetch_later(case, [image])
    except IntegrityError:  # the same MsgId at the same moment: the first one made it
        case, secret = receive()
    return case, secret


def import_check(*, root: Unit, channel: str, name: str, data: bytes, actor):
    """Check a file row by row and keep it for importing; nothing is written to the register."""
    import uuid

    from django.conf import settings

    from . import imports
    from .models import ImportBatch

    if not is_system(actor) and not may_import(actor, root):
        raise PermissionDenied
    if channel not in (Channel.OPINION_BOX, Channel.IMPORT):
        raise ApplicationError(_("Choose what the file holds."), field="channel")
    ext = name.lower().rsplit(".", 1)[-1]
    if ext not in ("xlsx", "csv"):
        raise ApplicationError(_("Upload an .xlsx or .csv file."), field="file")
    parsed = imports.parse(root=root, name=name, data=data)
    folder = settings.DATA_DIR / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{uuid.uuid4().hex}.{ext}"
    path.write_bytes(data)
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            root=root,
            uploaded_by=login_of(actor),
            channel=channel,
            file_name=name[:200],
            stored=str(path),
            total=parsed.total,
            valid=len(parsed.rows),
            errors=[list(e) for e in parsed.errors[:1000]],
            error_count=len(parsed.errors),
        )
        record_event(
            actor=actor,
            action="intake.import_check",
            obj=batch,
            after={"total": parsed.total, "errors": len(parsed.errors)},
        )
    return batch


def import_start(*, batch, actor):
    """Confirm a checked file: the good rows are imported by a background task."""
    from .models import ImportBatch
    from .tasks import run_import

    if not is_system(actor) and not may_import(actor, batch.root):
        raise PermissionDenied
    with transaction.atomic():
        updated = ImportBatch.objects.filter(
            pk=batch.pk, state__in=[ImportBatch.State.PREVIEWED, ImportBatch.State.FAILED]
        ).update(state=ImportBatch.State.RUNNING, processed=0, message="")
        if not updated:
            raise ApplicationError(_("This file is already being imported or was imported."))
        record_event(actor=actor, action="intake.import_start", obj=batch)
        transaction.on_commit(lambda: run_import.enqueue(batch.pk))


def import_run(batch_id: int) -> None:
    """The background work: the good rows in chunks, each chunk one transaction."""
    from pathlib import Path

    from django.db.models import F

    from . import imports
    from .models import ImportBatch

    batch = ImportBatch.objects.select_related("root").get(pk=batch_id)
    try:
        parsed = imports.parse(
            root=batch.root, name=batch.file_name, data=Path(batch.stored).read_bytes()
        )
        for start in range(0, len(parsed.rows), imports.CHUNK):
            chunk = parsed.rows[start : start + imports.CHUNK]
            made = imports.import_chunk(root=batch.root, channel=batch.channel, rows=chunk)
            ImportBatch.objects.filter(pk=batch.pk).update(
                processed=F("processed") + len(chunk), imported=F("imported") + made
            )
        ImportBatch.objects.filter(pk=batch.pk).update(state=ImportBatch.State.DONE)
    except Exception as err:  # the chunks written stay; running again skips them
        ImportBatch.objects.filter(pk=batch.pk).update(
            state=ImportBatch.State.FAILED, message=str(err)[:300]
        )


def may_import(user, root: Unit) -> bool:
    """The rule is the register's (its queue shows the Import button by the same)."""
    from lianxin.cases.access import may_import as rule

    return rule(user, root)
