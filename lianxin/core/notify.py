"""One notification path: the in-app inbox, and SMS and email sent as background tasks.

`notify_staff(users, title, body, url)` writes inbox rows in the caller's transaction and,
once it commits, queues one SMS per recipient with a phone number. `notify_citizen(...)`
queues an SMS or an email to a member of the public. The SMS backend is pluggable
(`LIANXIN_SMS_BACKEND`, a dotted path); the default writes to the log, which is what a
county office without an SMS contract has.
"""

from __future__ import annotations

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from .logmask import mask, mask_phone
from .models import Notice

logger = logging.getLogger("lianxin.notify")


class ConsoleSmsBackend:
    """Writes each message to the log instead of sending it: the number reduced to its
    carrier prefix, phone and ID numbers in the text masked (logs hold no personal data)."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", mask_phone(phone), mask(text))


class MemorySmsBackend:
    """Keeps the messages in `outbox` (tests)."""

    outbox: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        MemorySmsBackend.outbox.append((phone, text))


def sms_backend():
    return import_string(settings.LIANXIN_SMS_BACKEND)()


def notify_staff(users, *, title: str, body: str = "", url: str = "") -> None:
    """Inbox rows now; after commit an SMS to each mobile number and an email to each
    address the recipients have."""
    from .tasks import send_email, send_sms

    users = [u for u in {u.pk: u for u in users if u is not None}.values()]
    Notice.objects.bulk_create(
        [Notice(recipient=u, title=title[:200], body=body, url=url) for u in users]
    )
    phones = []
    for user in users:
        person = getattr(user, "person", None)
        if person is not None and person.phone and person.phone.startswith("1"):
            phones.append(person.phone)
    for phone in phones:
        transaction.on_commit(partial(send_sms.enqueue, phone, f"{title} {url}".strip()))
    for address in {u.email for u in users if u.email}:
        transaction.on_commit(partial(send_email.enqueue, address, title, f"{body}\n{url}".strip()))


def notify_citizen(*, phone: str = "", email: str = "", subject: str, text: str) -> None:
    from .tasks import send_email, send_sms

    if phone:
        transaction.on_commit(lambda: send_sms.enqueue(phone, text))
    elif email:
        transaction.on_commit(lambda: send_email.enqueue(email, subject, text))


def notify_staff_many(messages) -> None:
    """`notify_staff` for many messages at once (the clock's batches): `messages` is
    [(users, title, body, url)]; one INSERT of inbox rows, and after commit one task for
    the SMS and one for the emails of the whole batch."""
    from .tasks import send_email_many, send_sms_many

    notices, sms, mails = [], [], []
    for users, title, body, url in messages:
        users = [u for u in {u.pk: u for u in users if u is not None}.values()]
        notices += [Notice(recipient=u, title=title[:200], body=body, url=url) for u in users]
        for user in users:
            person = getattr(user, "person", None)
            if person is not None and person.phone and person.phone.startswith("1"):
                sms.append([person.phone, f"{title} {url}".strip()])
        for address in {u.email for u in users if u.email}:
            mails.append([address, title, f"{body}\n{url}".strip()])
    Notice.objects.bulk_create(notices, batch_size=1000)
    if sms:
        transaction.on_commit(lambda: send_sms_many.enqueue(sms))
    if mails:
        transaction.on_commit(lambda: send_email_many.enqueue(mails))
