"""Moved to lianxin.core.params (the apps' routers must not import the api package)."""

from lianxin.core.params import BIGINT_MAX, Id, Offset

__all__ = ["BIGINT_MAX", "Id", "Offset"]
