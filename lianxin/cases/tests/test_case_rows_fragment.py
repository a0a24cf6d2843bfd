"""The rows of the case list (templates/cases/queue.html, written by
cases/templatetags/caserows.py): the same markup as the template loop that drew each row with
cases/_status.html and cases/_badge.html, drawn without template lookups per row (the queues
show 50)."""

from datetime import UTC, datetime

from django.template import Context, Template, Variable
from django.utils import translation

from lianxin.cases.models import Case, Category
from lianxin.org.models import Person, Unit

# queue.html's loop as it was
REFERENCE = """{% load i18n %}{% for c in page %}<tr{% if c.urgent %} class="lx-urgent"{% endif %}>
    <td class="text-nowrap lx-card-code"><a href="{% url 'workbench:case_detail' c.code %}">{{ c.code }}</a></td>
    <td class="lx-card-title">{{ c.title|truncatechars:40 }}</td>
    <td class="d-none d-md-table-cell">{{ c.get_kind_display }}</td>
    <td class="d-none d-lg-table-cell">{{ c.category.name }}</td>
    <td class="lx-card-status">{% include "cases/_status.html" %}</td>
    <td data-label="{% translate 'Lead unit' %}" class="{% if not c.lead_unit %}lx-card-empty{% endif %}">{{ c.lead_unit.name|default:"—" }}{% if c.handler %} ·
      {{ c.handler.name }}{% endif %}</td>
    <td class="text-nowrap{% if not c.waited %} lx-card-empty{% endif %}" data-label="{% translate 'Waiting time' %}">{{ c.waited|default:"—" }}</td>
    <td class="text-nowrap{% if not c.reply_due %} lx-card-empty{% endif %}" data-label="{% translate 'Reply by' %}">
      {% if c.reply_due %}{{ c.reply_due|date:"m-d H:i" }}{% endif %} {% include "cases/_badge.html" with badge=c.badge warned=c.warned %}</td>
  </tr>{% endfor %}"""  # noqa: E501

ROWS = "{% load caserows %}{% case_rows page %}"
DUE = datetime(2026, 3, 31, 17, 30, tzinfo=UTC)  # 04-01 01:30 in Beijing


def case(n, **values):
    shown = {
        "waited": values.pop("waited", ""),
        "badge": values.pop("badge", ""),
        "warned": values.pop("warned", False),
    }
    c = Case(code=f"2026-{n:06d}", title=values.pop("title", f"路面坑槽 {n}"), **values)
    for name, value in shown.items():
        setattr(c, name, value)
    return c


def cases():
    roads = Category(name="道路<养护>")
    station = Unit(name="城关站 & 二所")
    handler = Person(name='王"承办"')
    return [
        case(1, kind="complaint", status="received", category=roads, urgent=True, waited="3小时"),
        case(
            2,
            title="很长的标题" * 10 + "<script>",
            kind="help",
            status="in_progress",
            category=roads,
            lead_unit=station,
            handler=handler,
            reply_due=DUE,
            badge="red",
            warned=True,
            paused_at=DUE,
            review_pending=True,
            supervision=2,
        ),
        case(3, kind="consult", status="dispatched", category=roads, lead_unit=station,
             reply_due=DUE, badge="yellow", waited="2天"),
        case(4, kind="suggestion", status="replied", category=roads, badge="green", supervision=3),
        case(5, kind="praise", status="closed", category=Category(name=""),
             lead_unit=Unit(name="")),
        case(6, kind="no such kind", status="odd<status>", category=roads, warned=True),
    ]  # fmt: skip


def test_the_rows_are_the_markup_the_template_drew():
    page = cases()
    for language in ("zh-hans", "en"):
        with translation.override(language):
            drawn = Template(ROWS).render(Context({"page": page}))
            reference = Template(REFERENCE).render(Context({"page": page}))
        assert drawn == reference, language
    with translation.override("zh-hans"):
        html = Template(ROWS).render(Context({"page": page}))
    assert '<a href="/workbench/cases/2026-000002/">2026-000002</a>' in html
    assert "&lt;script&gt;" not in html and "很长的标题很长的标题" in html  # cut at 40
    assert "道路&lt;养护&gt;" in html and "城关站 &amp; 二所 ·\n      王&quot;承办&quot;" in html
    assert '04-01 01:30 <span class="badge text-bg-danger">已超期</span>' in html
    assert 'lx-status-odd&lt;status&gt;">odd&lt;status&gt;' in html
    assert Template(ROWS).render(Context({"page": []})) == ""


def test_fifty_rows_are_drawn_without_template_lookups_per_row(monkeypatch):
    """The template looked up about twenty variables a row, and drew two templates."""
    page = [case(i, kind="complaint", status="received", category=Category(name="路灯"))
            for i in range(50)]  # fmt: skip
    lookups = []
    resolve = Variable._resolve_lookup

    def counted(self, context):
        lookups.append(self.var)
        return resolve(self, context)

    monkeypatch.setattr(Variable, "_resolve_lookup", counted)
    html = Template(ROWS).render(Context({"page": page}))
    assert html.count("<tr>") == 50 and "2026-000049" in html
    assert len(lookups) < 5, lookups[:10]
