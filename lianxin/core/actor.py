"""Who takes an action: a staff login, the citizen, or the system — never "nobody".

Before this type, `actor=None` (or a bare string) meant different things in different actions:
"the citizen", "the clock", or "skip the permission check". Now an action is given an
`Actor` and asks it what it is; `as_actor` refuses `None` with a `TypeError`, so a caller
that forgets to say who acts fails loudly instead of acting unchecked.

    Actor.user(request.user)        a staff member (the pages and the API)
    Actor.citizen("portal")         the citizen, proven by code + secret, a phone code, or a
                                    channel (a letter, an Open311 client) that speaks for him
    Actor.system("clock")           the clock, a channel's robot, a management command

A login (a `User`) is still accepted where an `Actor` is expected and turned into
`Actor.user(...)`; that keeps the many callers that hold `request.user` short.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

USER, CITIZEN, SYSTEM = "user", "citizen", "system"


@dataclass(frozen=True)
class Actor:
    kind: str
    login: Any = None  # the User, for kind "user"
    via: str = ""  # how the citizen was proven / which job of the system

    def __post_init__(self):
        if self.kind not in (USER, CITIZEN, SYSTEM):
            raise ValueError(f"unknown actor kind {self.kind!r}")
        if (self.kind == USER) != (self.login is not None):
            raise ValueError("a user actor needs its login, and only it has one")

    @classmethod
    def user(cls, login) -> Actor:
        if login is None or not getattr(login, "pk", None):
            raise TypeError("Actor.user needs a saved login")
        return cls(USER, login)

    @classmethod
    def citizen(cls, via: str = "") -> Actor:
        return cls(CITIZEN, None, via)

    @classmethod
    def system(cls, via: str = "") -> Actor:
        return cls(SYSTEM, None, via)

    @property
    def is_user(self) -> bool:
        return self.kind == USER

    @property
    def is_citizen(self) -> bool:
        return self.kind == CITIZEN

    @property
    def is_system(self) -> bool:
        return self.kind == SYSTEM

    @property
    def pk(self):
        """The login's id (None for the citizen and the system): audit rows keep it."""
        return self.login.pk if self.login is not None else None

    @property
    def is_superuser(self) -> bool:
        return bool(self.login is not None and getattr(self.login, "is_superuser", False))

    def __str__(self) -> str:
        return str(self.login) if self.login is not None else self.kind


def as_actor(value) -> Actor:
    """An `Actor` from an `Actor`, a login, or the workflow's names "citizen"/"system" (the
    spelling before this type). `None` is refused: an action never runs unchecked."""
    if isinstance(value, Actor):
        return value
    if value is None:
        raise TypeError(
            "an action needs an actor: Actor.user(login), Actor.citizen() or Actor.system()"
        )
    if isinstance(value, str):
        if value == CITIZEN:
            return Actor.citizen()
        if value == SYSTEM:
            return Actor.system()
        raise TypeError(f"unknown actor {value!r}")
    return Actor.user(value)


def is_system(value) -> bool:
    """Whether the system acts (the clock, a command, the demo, an import): the one actor an
    action lets through without asking its access rules, because the caller that names it
    answers for it. A login or the citizen is checked; `None` raises TypeError (as_actor)."""
    return as_actor(value).is_system


def login_of(value):
    """The User behind an actor (or a login), None for the citizen and the system."""
    if value is None:
        return None
    if isinstance(value, Actor):
        return value.login
    if isinstance(value, str):
        return None
    return value if getattr(value, "pk", None) else None
