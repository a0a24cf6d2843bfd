"""The rows of the case list (templates/cases/queue.html: the queues, the register, the
searches), written in Python.

Drawn by the template, each of the 50 rows looked up about twenty variables and drew two
templates of its own (cases/_status.html and cases/_badge.html): the queue page's templates
took about 15 ms longer (docs/scale.md). This writes the same markup in a loop: the words
translated, the choice labels read and the case page's address reversed once a page; every
value from the case is escaped (`conditional_escape`)."""

from __future__ import annotations

from urllib.parse import quote

from django import template
from django.conf import settings
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.timezone import get_current_timezone
from django.utils.translation import gettext

from ..models import Case

register = template.Library()

_CODE = "lxcode0"  # stands for the case's code in the reversed address
_URL_SAFE = "!$&'()*+,;=" + "/~:@"  # what reverse() leaves unquoted in a path


def _e(value) -> str:
    return conditional_escape(value)


class _Page:
    """What every row shares: the words in the active language, the choice labels, the
    address of a case page with a gap for its code."""

    def __init__(self):
        self.zone = get_current_timezone() if settings.USE_TZ else None
        self.url = reverse("workbench:case_detail", args=[_CODE]).split(_CODE)
        fields = {f: dict(Case._meta.get_field(f).flatchoices) for f in ("kind", "status")}
        fields["supervision"] = dict(Case._meta.get_field("supervision").flatchoices)
        self.choices = fields
        self.waiting = _e(gettext("waiting for the citizen"))
        self.unsatisfied = _e(gettext("unsatisfied"))
        self.urgent = _e(gettext("urgent"))
        self.lead_unit = _e(gettext("Lead unit"))
        self.waiting_time = _e(gettext("Waiting time"))
        self.reply_by = _e(gettext("Reply by"))
        self.badges = {
            "red": f'<span class="badge text-bg-danger">{_e(gettext("overdue"))}</span>',
            "yellow": f'\n  <span class="badge text-bg-warning">{_e(gettext("due soon"))}</span>',
            "green": f'\n  <span class="badge text-bg-success">{_e(gettext("on time"))}</span>',
        }
        self.warned = (
            '\n  <span class="badge text-bg-warning lx-warned"><i class="bi bi-alarm"></i> '
            f"{_e(gettext('deadline warning'))}</span>"
        )

    def display(self, field: str, value) -> str:
        """`get_FOO_display()`"""
        return _e(force_str(self.choices[field].get(value, value), strings_only=True))

    def href(self, code: str) -> str:
        """`{% url 'workbench:case_detail' code %}`"""
        return _e(quote(str(code), safe=_URL_SAFE).join(self.url))


def _month_minute(value, zone) -> str:
    """The `date:"m-d H:i"` filter: in the current time zone (`template_localtime`)."""
    t = value.astimezone(zone) if zone is not None and value.utcoffset() is not None else value
    return f"{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}"


def status_html(c, p: _Page) -> str:
    """cases/_status.html"""
    out = [
        f'<span class="badge lx-status lx-status-{_e(c.status)}">'
        f"{p.display('status', c.status)}</span>"
    ]
    if c.paused_at:
        out.append(f'\n  <span class="badge text-bg-info">{p.waiting}</span>')
    if c.review_pending:
        out.append(f'\n  <span class="badge text-bg-danger">{p.unsatisfied}</span>')
    if c.supervision:
        out.append(
            f'\n  <span class="badge text-bg-dark">{p.display("supervision", c.supervision)}</span>'
        )
    if c.urgent:
        out.append(f'\n  <span class="badge text-bg-danger">{p.urgent}</span>')
    out.append("\n")
    return "".join(out)


def badge_html(badge, warned, p: _Page) -> str:
    """cases/_badge.html"""
    return p.badges.get(badge, "") + (p.warned if warned else "") + "\n"


def row_html(c, p: _Page) -> str:
    category = c.category.name if c.category is not None else ""
    lead = c.lead_unit
    lead_name = lead.name if lead is not None else ""
    handler = f" ·\n      {_e(c.handler.name)}" if c.handler else ""
    waited = getattr(c, "waited", "")
    due = c.reply_due
    urgent = ' class="lx-urgent"' if c.urgent else ""
    return (
        f"<tr{urgent}>\n"
        f'    <td class="text-nowrap lx-card-code"><a href="{p.href(c.code)}">'
        f"{_e(c.code)}</a></td>\n"
        f'    <td class="lx-card-title">{_e(truncatechars(c.title, 40))}</td>\n'
        f'    <td class="d-none d-md-table-cell">{p.display("kind", c.kind)}</td>\n'
        f'    <td class="d-none d-lg-table-cell">{_e(category)}</td>\n'
        f'    <td class="lx-card-status">{status_html(c, p)}</td>\n'
        f'    <td data-label="{p.lead_unit}" class="{"" if lead else "lx-card-empty"}">'
        f"{_e(lead_name) if lead_name else '—'}{handler}</td>\n"
        f'    <td class="text-nowrap{"" if waited else " lx-card-empty"}" '
        f'data-label="{p.waiting_time}">{_e(waited) if waited else "—"}</td>\n'
        f'    <td class="text-nowrap{"" if due else " lx-card-empty"}" data-label="{p.reply_by}">\n'
        f"      {_month_minute(due, p.zone) if due else ''} "
        f"{badge_html(getattr(c, 'badge', ''), getattr(c, 'warned', ''), p)}</td>\n"
        "  </tr>"
    )


@register.simple_tag
def case_rows(cases) -> str:
    """The `<tr>` of each case, as queue.html's loop drew them ("" when there is none)."""
    p = _Page()
    return mark_safe("".join(row_html(c, p) for c in cases))  # noqa: S308 (escaped above)
