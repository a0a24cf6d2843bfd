"""The entries of a case's timeline, written in Python (templates/cases/_timeline.html).

Drawn by the template, the 200 entries of a long timeline took about 35 ms of an 85 ms case
page (0.18 ms an entry: a dozen variable lookups, filters and translations each;
docs/scale.md). This writes the same markup in a loop, the words translated once a page;
every value from the entry is escaped (`conditional_escape`, `linebreaksbr`), and an entry's
files are still drawn by cases/_files.html."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.template.base import render_value_in_context
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone
from django.utils.translation import gettext

from ..labels import ACTOR_LABELS, EVENT_LABELS

register = template.Library()

FILES_TEMPLATE = "cases/_files.html"


def _minute(value, zone) -> str:
    """The `date:"Y-m-d H:i"` filter: in the current time zone (`template_localtime`)."""
    t = value.astimezone(zone) if zone is not None and value.utcoffset() is not None else value
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


class _Words:
    """The words of the template, translated once a page (in the active language)."""

    def __init__(self):
        self.internal = conditional_escape(gettext("internal"))
        self.staff = conditional_escape(gettext("staff"))
        self.solved = conditional_escape(gettext("solved"))
        self.not_solved = conditional_escape(gettext("not solved"))
        self.approved = conditional_escape(gettext("approved"))
        self.refused = conditional_escape(gettext("refused"))
        self.upheld = conditional_escape(gettext("upheld"))
        self.rejected = conditional_escape(gettext("rejected"))
        self.events = {k: conditional_escape(str(v)) for k, v in EVENT_LABELS.items()}
        self.actors = {k: conditional_escape(str(v)) for k, v in ACTOR_LABELS.items()}
        self.zone = get_current_timezone() if settings.USE_TZ else None

    def actor(self, label: str) -> str:
        shown = self.actors.get(label)
        return conditional_escape(label) if shown is None else shown


def _files(context, files) -> str:
    """`{% include "cases/_files.html" with files=... url_name="workbench:case_file" %}`"""
    files_template = context.template.engine.get_template(FILES_TEMPLATE)
    with context.push(files=files, url_name="workbench:case_file"):
        return files_template.render(context)


def _entry(context, e, words: _Words, public_view) -> str:
    data = e.data if isinstance(e.data, dict) else {}
    out = [
        f'\n<li class="mb-2 {"" if e.public else "lx-internal"}"><div class="small text-muted">'
        f"{_minute(e.at, words.zone)} ·\n  "
    ]
    if not public_view:
        out.append(words.actor(e.actor_label))
        if not e.public:
            out.append(f'\n  <span class="badge text-bg-light">{words.internal}</span>')
        out.append("\n  ")
    elif e.actor_label in ("citizen", "system"):
        out.append(words.actor(e.actor_label))
    else:
        out.append(words.staff)
    action = e.action
    label = words.events.get(action)
    out.append(f"</div>\n<div><strong>{conditional_escape(action) if label is None else label}")
    out.append("</strong>")
    if data.get("rating"):
        rating = render_value_in_context(data["rating"], context)
        out.append(f" · {rating}/5")
        out.append(f" {words.solved}" if data.get("solved") else f"\n  {words.not_solved}")
    if data.get("workdays") and action != "decide_extension":
        n = render_value_in_context(data["workdays"], context)
        out.append(" ·\n  " + conditional_escape(gettext("%(n)s working days")) % {"n": n})
    if action == "decide_extension":
        out.append(" ·\n  " + (words.approved if data.get("approved") else words.refused))
    if action == "decide_appeal":
        out.append(" ·\n  " + (words.upheld if data.get("upheld") else words.rejected))
    out.append("</div>\n")
    if e.note:
        out.append(f'<div class="lx-note">{linebreaksbr(e.note, autoescape=True)}</div>')
    out.append("\n")
    if e.files:
        out.append(_files(context, e.files))
    out.append("\n  </li>")
    return "".join(out)


@register.simple_tag(takes_context=True)
def timeline_entries(context, events) -> str:
    """The `<li>` of each entry, as cases/_timeline.html drew them."""
    words = _Words()
    public_view = context.get("public_view")
    return mark_safe(  # noqa: S308 (every value escaped above)
        "".join(_entry(context, e, words, public_view) for e in events)
    )
