from django import template

from ..labels import ACTOR_LABELS, EVENT_LABELS

register = template.Library()


@register.filter
def capped(number: int) -> str:
    """A count made by `queries.capped_count`: "1000+" (with a tooltip saying that counting
    stopped there) when it passed the cap, else the number."""
    from django.utils.html import format_html
    from django.utils.translation import gettext as _

    from ..queries import COUNT_CAP

    if number <= COUNT_CAP:
        return str(number)
    return format_html(
        '<span title="{}">{}+</span><div class="small text-muted fw-normal">{}</div>',
        _("More than %(cap)s: counting stops there so that the page stays fast.")
        % {"cap": COUNT_CAP},
        COUNT_CAP,
        _("counted up to %(cap)s") % {"cap": COUNT_CAP},
    )


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
