"""The timeline of the case page (templates/cases/_timeline.html, its entries written by
cases/templatetags/timeline.py): the same markup as the template that drew each entry, drawn
without a template per entry (a long timeline has 200)."""

from datetime import UTC, datetime, timedelta

from django.template import Context, Template, Variable
from django.utils import translation

from lianxin.cases.models import Attachment, Case, CaseEvent

# _timeline.html as it was, each entry drawn by the template
REFERENCE = """{% load i18n cases %}<ol class="list-unstyled lx-timeline mb-0">{% for e in events %}
<li class="mb-2 {% if not e.public %}lx-internal{% endif %}"><div class="small text-muted">{{ e.at|date:"Y-m-d H:i" }} ·
  {% if not public_view %}{{ e.actor_label|actor_display }}{% if not e.public %}
  <span class="badge text-bg-light">{% translate "internal" %}</span>{% endif %}
  {% elif e.actor_label == "citizen" or e.actor_label == "system" %}{{ e.actor_label|actor_display }}{% else %}{% translate "staff" %}{% endif %}</div>
<div><strong>{{ e.action|event_label }}</strong>{% if e.data.rating %} · {{ e.data.rating }}/5{% if e.data.solved %} {% translate "solved" %}{% else %}
  {% translate "not solved" %}{% endif %}{% endif %}{% if e.data.workdays and e.action != "decide_extension" %} ·
  {% blocktranslate with n=e.data.workdays %}{{ n }} working days{% endblocktranslate %}{% endif %}{% if e.action == "decide_extension" %} ·
  {% if e.data.approved %}{% translate "approved" %}{% else %}{% translate "refused" %}{% endif %}{% endif %}{% if e.action == "decide_appeal" %} ·
  {% if e.data.upheld %}{% translate "upheld" %}{% else %}{% translate "rejected" %}{% endif %}{% endif %}</div>
{% if e.note %}<div class="lx-note">{{ e.note|linebreaksbr }}</div>{% endif %}
{% if e.files %}{% include "cases/_files.html" with files=e.files url_name="workbench:case_file" %}{% endif %}
  </li>{% endfor %}</ol>
"""  # noqa: E501

AT = datetime(2026, 1, 31, 16, 5, tzinfo=UTC)  # 2026-02-01 00:05 in Beijing


def entry(seq, action, *, actor="王<b>&", public=True, note="", data=None, files=()):
    e = CaseEvent(
        seq=seq,
        at=AT + timedelta(minutes=seq),
        actor_label=actor,
        action=action,
        public=public,
        note=note,
        data=data if data is not None else {},
    )
    e.files = list(files)
    return e


def entries():
    photo = Attachment(pk=7, name='坑 "1".jpg', content_type="image/jpeg", size=2048)
    pdf = Attachment(pk=8, name="a&b.pdf", content_type="application/pdf", size=3_500_000)
    return [
        entry(1, "receive", actor="citizen", note="路面\n有坑 <script>x</script>\r\n& 积水"),
        entry(2, "dispatch", actor="system", public=False),
        entry(3, "remind", public=False, note="快<i>办</i>"),
        entry(4, "request_extension", data={"workdays": 5}, public=False),
        entry(5, "decide_extension", data={"workdays": 5, "approved": True}),
        entry(6, "decide_extension", data={"approved": False}),
        entry(7, "reply", note="已修补", files=[photo, pdf]),
        entry(8, "rate", actor="citizen", data={"rating": 4, "solved": True}),
        entry(9, "rate", actor="citizen", data={"rating": 2, "solved": False}),
        entry(10, "appeal", data={"rating": 0, "workdays": 0}),
        entry(11, "decide_appeal", data={"upheld": True}),
        entry(12, "decide_appeal", data={"upheld": False, "rating": "<5>"}),
        entry(13, "no such <action>", actor="", data=["not", "a", "dict"]),
    ]


def test_the_entries_are_the_markup_the_template_drew():
    case = Case(code="2026-000123")
    events = entries()
    for language in ("zh-hans", "en"):
        for public_view in (False, True):
            values = {"case": case, "events": events, "public_view": public_view}
            with translation.override(language):
                drawn = Template('{% include "cases/_timeline.html" %}').render(Context(values))
                reference = Template(REFERENCE).render(Context(values))
            assert drawn == reference, (language, public_view)
    with translation.override("zh-hans"):
        html = Template('{% include "cases/_timeline.html" %}').render(
            Context({"case": case, "events": events})
        )
    assert "有坑 &lt;script&gt;x&lt;/script&gt;<br>" in html
    assert "王&lt;b&gt;&amp;" in html and "快&lt;i&gt;办&lt;/i&gt;" in html
    assert "2026-02-01 00:06" in html  # Beijing time
    assert "5 个工作日" in html and "4/5 已解决" in html
    assert 'src="/workbench/cases/2026-000123/files/7/"' in html and "a&amp;b.pdf (3.3" in html


def test_a_long_timeline_is_drawn_without_template_lookups_per_entry(monkeypatch):
    """The template looked up about fifteen variables an entry (3,000 for 200 entries)."""
    case = Case(code="2026-000123")
    events = [entry(i, "remind", note=f"第{i}次") for i in range(200)]
    lookups = []
    resolve = Variable._resolve_lookup

    def counted(self, context):
        lookups.append(self.var)
        return resolve(self, context)

    monkeypatch.setattr(Variable, "_resolve_lookup", counted)
    html = Template('{% include "cases/_timeline.html" %}').render(
        Context({"case": case, "events": events})
    )
    assert html.count("<li ") == 200 and "第199次" in html
    assert len(lookups) < 10, lookups[:10]
