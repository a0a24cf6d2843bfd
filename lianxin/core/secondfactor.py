"""The second factor (TOTP through django-otp) for staff with power over others' data.

Who: superusers and holders of `admin`, `supervisor`, `inspector` or `leader` on any unit
(POWER_ROLES). When LIANXIN_REQUIRE_OTP is on (always in production), such a login reaches no
workbench, admin or session-API page until the session is verified with a code from his
authenticator app or a recovery code (core.middleware.SecondFactorMiddleware). Enrolment
shows a QR code drawn here (segno, no network) and the secret as text; ten single-use
recovery codes are shown once and kept as keyed hashes (RecoveryCode).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe

POWER_ROLES = ("admin", "supervisor", "inspector", "leader")
RECOVERY_CODES = 10
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i


def required() -> bool:
    return bool(getattr(settings, "LIANXIN_REQUIRE_OTP", True))


def is_verified(user) -> bool:
    """Whether this login passed its second factor in this session. django-otp's middleware
    gives the request's user an `is_verified()` the stubs do not know of."""
    return bool(getattr(user, "is_verified", lambda: False)())


def needs_second_factor(user) -> bool:
    """Whether this login must pass a second factor (computed once per request object)."""
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_lx_needs_otp", None)
    if cached is None:
        from . import users

        # org answers: a grant of one of POWER_ROLES (its lianxin_hooks.py)
        cached = users.ask(users.POWER, user)
        user._lx_needs_otp = cached
    return cached


def confirmed_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_device(user):
    """The unconfirmed device being enrolled (the same one on every reload of the page)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_device_name()), confirmed=False)
    return device


def _device_name():
    from django.utils.translation import gettext_lazy as _

    return _("Authenticator app")


def secret_text(device) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    from base64 import b32encode

    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device) -> str:
    """The otpauth:// address as an inline SVG QR code (drawn here: nothing is fetched)."""
    import segno

    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(scale=5, dark="#000", light="#fff", title="TOTP", omitsize=False)
    return mark_safe(svg)  # noqa: S308 - segno's own markup, no user text in it


def new_recovery_codes() -> list[str]:
    return [
        "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _group in range(3))
        for _ in range(RECOVERY_CODES)
    ]


def normalize_code(text: str) -> str:
    return "".join(ch for ch in (text or "").lower() if ch.isalnum())


def code_digest(code: str) -> str:
    """A keyed hash: a copy of the database alone does not let anyone try codes offline."""
    return salted_hmac(
        "lianxin.secondfactor.recovery", normalize_code(code), algorithm="sha256"
    ).hexdigest()
