"""A select of a form (templates/django/forms/widgets/select.html, its options written by
core/templatetags/widgets.py): the same markup as Django's option templates, drawn without
a template per option (a province's unit list has 200)."""

from django import forms
from django.template import Context, Template
from django.test.signals import template_rendered

from lianxin.cases.forms import HandlerSelect

# select.html as it was, each option drawn by Django's select_option.html and attrs.html
REFERENCE = (
    '<select name="{{ widget.name }}"{% include "django/forms/widgets/attrs.html" with '
    'css="form-select" %}>{% for group_name, group_choices, group_index in widget.optgroups %}'
    '{% if group_name %}\n  <optgroup label="{{ group_name }}">{% endif %}'
    "{% for option in group_choices %}\n  {% include option.template_name with widget=option %}"
    "{% endfor %}{% if group_name %}\n  </optgroup>{% endif %}{% endfor %}\n</select>"
)


class NotedSelect(forms.Select):
    """Options with attributes of their own (as HandlerSelect's data-units)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        option["attrs"].update({"data-note": f'{label} "&"', "class": "c<1>", "hidden": False})
        return option


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "any"), ("a", 'A & <b>"x"</b>'), (3, "three")])
    grouped = forms.ChoiceField(
        choices=[("Roads <1>", [("r1", "坑槽"), ("r2", "路灯")]), ("x", "other")],
        widget=forms.Select(attrs={"class": "wide", "data-x": '1 & "2"', "disabled": True}),
    )
    many = forms.MultipleChoiceField(choices=[("1", "one"), ("2", "two"), ("3", "three")])
    handler = forms.ChoiceField(choices=[("", "—"), ("7", "王承办")], widget=HandlerSelect)
    noted = forms.ChoiceField(choices=[("1", "<one>")], widget=NotedSelect)


def reference(bound_field) -> str:
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs({"id": "i"})
    context = widget.get_context(bound_field.html_name, bound_field.value(), attrs)
    return Template(REFERENCE).render(Context(context))


def test_a_select_draws_the_markup_of_djangos_option_templates():
    form = Sample({"plain": "a", "grouped": "r2", "many": ["1", "3"]})
    for name in ("plain", "grouped", "many", "handler", "noted"):
        field = form[name]
        drawn = field.as_widget(attrs={"id": "i"})
        assert drawn == reference(field), name
    html = str(form["plain"])
    assert '<option value="a" selected>A &amp; &lt;b&gt;&quot;x&quot;&lt;/b&gt;</option>' in html
    assert '<optgroup label="Roads &lt;1&gt;">' in str(form["grouped"])
    assert str(form["many"]).count(" selected>") == 2


def test_a_long_list_is_drawn_without_a_template_per_option():
    choices = [(str(i), f"站所{i}") for i in range(200)]
    field = forms.ChoiceField(choices=choices)
    form = forms.Form()
    form.fields["unit"] = field
    drawn = []

    def seen(sender, template, **kwargs):
        drawn.append(template.name)

    template_rendered.connect(seen)
    try:
        html = str(form["unit"])
    finally:
        template_rendered.disconnect(seen)
    assert html.count("<option ") == 200
    assert len(drawn) < 10, drawn[:5]
