"""Proving the phone of a case with a one-time code sent by SMS, for a citizen who lost
the secret: the code is random, only its keyed digest is kept, it expires in a few minutes
and allows a few tries; a case's phone gets a few codes an hour at most."""

from __future__ import annotations

import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from lianxin.core import clock
from lianxin.core.actor import Actor
from lianxin.core.audit import record_event
from lianxin.core.errors import ApplicationError
from lianxin.core.notify import notify_citizen
from lianxin.org.validators import normalize_phone

from ..models import Case, PhoneProof

PROOF_MINUTES = 10
PROOF_TRIES = 5
PROOFS_PER_HOUR = 5
PHONE = Actor.citizen("phone")  # someone proving he holds the case's phone


def _digest(case_id: int, code: str) -> str:
    return salted_hmac("lianxin.cases.phone_proof", f"{case_id}:{code}").hexdigest()


def _same_phone(stored: str, given: str) -> bool:
    def digits(p: str) -> str:
        return "".join(ch for ch in p if ch.isdigit())

    return bool(stored) and hmac.compare_digest(digits(stored), digits(given))


def case_phone_proof_send(*, case: Case, phone: str) -> bool:
    """Send a one-time code to the case's phone when `phone` is that phone and the phone has
    not had too many codes this hour; True when a code went out. Callers tell the person
    the same thing either way, so that the answer does not reveal whose phone it is."""
    try:
        phone = normalize_phone(phone, field="phone")
    except ApplicationError:
        return False
    if not phone or not _same_phone(case.citizen_phone, phone) or not phone.startswith("1"):
        return False  # only a mobile can receive the code
    at = clock.now()
    with transaction.atomic():
        Case.objects.select_for_update(of=("self",)).filter(pk=case.pk).first()
        recent = PhoneProof.objects.filter(case=case, created_at__gt=at - timedelta(hours=1))
        if recent.count() >= PROOFS_PER_HOUR:
            return False
        code = f"{secrets.randbelow(10**6):06d}"
        PhoneProof.objects.create(
            case=case,
            code_digest=_digest(case.pk, code),
            created_at=at,
            expires_at=at + timedelta(minutes=PROOF_MINUTES),
        )
        record_event(actor=PHONE, action="cases.phone_proof_send", obj=case)
        notify_citizen(
            phone=case.citizen_phone,
            subject=case.code,
            text=_(
                "[%(site)s] Your code to open case %(case)s is %(code)s, valid for "
                "%(minutes)s minutes. Staff never ask for it: tell it to nobody."
            )
            % {"site": _("Lianxin"), "case": case.code, "code": code, "minutes": PROOF_MINUTES},
        )
    return True


def case_phone_proof_check(*, case: Case, code: str) -> bool:
    """Whether `code` is the case's latest unexpired, unused code (each try counts; the
    code is used up when it matches)."""
    code = "".join(ch for ch in (code or "") if ch.isdigit())
    at = clock.now()
    with transaction.atomic():
        proof = (
            PhoneProof.objects.select_for_update()
            .filter(case=case, used_at=None, expires_at__gt=at, tries__lt=PROOF_TRIES)
            .order_by("-created_at", "-pk")
            .first()
        )
        if proof is None:
            return False
        proof.tries += 1
        ok = len(code) == 6 and hmac.compare_digest(proof.code_digest, _digest(case.pk, code))
        if ok:
            proof.used_at = at
            record_event(actor=PHONE, action="cases.phone_proof_check", obj=case)
        proof.save(update_fields=["tries", "used_at"])
    return ok
