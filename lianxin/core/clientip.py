"""The client's address, the same for every rate limit and for django-axes.

Behind a reverse proxy (TLS in production) REMOTE_ADDR is the proxy's address, so the whole
county would share one bucket. `LIANXIN_TRUSTED_PROXIES` is the number of proxies in front
of the web server that we trust (0 = none: REMOTE_ADDR is the client). Each trusted proxy
appends the address it saw to X-Forwarded-For, so the client is the N-th entry counted from
the right; anything further left was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def trusted_proxies() -> int:
    try:
        return max(0, int(getattr(settings, "LIANXIN_TRUSTED_PROXIES", 0) or 0))
    except (TypeError, ValueError):
        return 0


def _address(text: str) -> str | None:
    """A bare IP address from one X-Forwarded-For entry ("1.2.3.4", "1.2.3.4:80", "[::1]:80")."""
    text = text.strip()
    if text.startswith("[") and "]" in text:
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client as the outermost trusted proxy saw it."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    hops = trusted_proxies()
    if not hops:
        return remote
    entries = [e for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if e.strip()]
    if not entries:
        return remote
    # With fewer entries than proxies the request did not pass the whole chain; the leftmost
    # entry is then still one a trusted proxy wrote.
    picked = entries[-hops] if len(entries) >= hops else entries[0]
    return _address(picked) or remote
