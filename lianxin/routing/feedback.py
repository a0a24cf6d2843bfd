"""A dispatcher's choice against the suggestion, recorded after each dispatch commits."""

from __future__ import annotations

import logging

from lianxin.core import clock
from lianxin.core.actor import login_of
from lianxin.org.models import Unit

from .models import DispatchChoice
from .suggest import scores
from .training import case_text

logger = logging.getLogger(__name__)


def on_dispatch(sender, *, case, unit, actor, **kwargs) -> None:
    """Receiver of cases.signals.case_dispatched (runs after commit; never breaks dispatch)."""
    try:
        units, _cats = scores(case.root_id, case_text(case.title, case.content, case.place))
        record_choice(
            case=case, chosen=unit, suggested_id=units[0][0] if units else None, actor=actor
        )
    except Exception:  # a failed suggestion must not turn a done dispatch into an error
        logger.exception("routing could not record the dispatch of %s", case.pk)


def record_choice(*, case, chosen, suggested_id, actor) -> DispatchChoice:
    """Record the choice; a suggested unit that is no longer one of the organisation's
    (a model trained before a unit was closed or moved) is recorded as no suggestion."""
    if (
        suggested_id is not None
        and not Unit.objects.filter(
            pk=suggested_id, path__startswith=case.root.path, is_active=True
        ).exists()
    ):
        suggested_id = None
    return DispatchChoice.objects.create(
        case=case,
        at=clock.now(),
        actor=login_of(actor),
        suggested_id=suggested_id,
        chosen=chosen,
    )
