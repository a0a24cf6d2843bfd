from django import template

from ..labels import ACTOR_LABELS, EVENT_LABELS

register = template.Library()


@register.filter
def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, action))


@register.filter
def action_label(action: str) -> str:
    from ..steps import label_of

    return label_of(action)


@register.filter
def actor_display(label: str) -> str:
    return str(ACTOR_LABELS.get(label, label))


PUBLIC_NOTE_ACTIONS = {"pause", "resume", "reply", "answer", "reopen", "confirm"}


@register.filter
def note_is_public(action: str) -> bool:
    """Whether the note of a public timeline entry is shown to the citizen."""
    return action in PUBLIC_NOTE_ACTIONS
