"""The options of a select, written in Python (templates/django/forms/widgets/select.html).

Django draws each option with two template includes (select_option.html and attrs.html):
about 0.4 ms an option, so the queue's filter form, whose unit list holds every unit of a
province (200), spent about 100 ms a page drawing options (docs/scale.md). This writes the
same markup as those templates in a loop; an option with a template of its own (a widget
that sets `option_template_name`) is still drawn by its template."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict) -> str:
    """attrs.html without `css`: each attribute but False ones, True ones bare, the class
    last."""
    out = []
    for name, value in attrs.items():
        if name == "class" or value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{conditional_escape(value)}"')
    if attrs.get("class"):
        out.append(f' class="{conditional_escape(attrs["class"])}"')
    return "".join(out)


def option_html(option: dict) -> str:
    """One option as select_option.html draws it."""
    if option.get("template_name", OPTION_TEMPLATE) != OPTION_TEMPLATE:
        return render_to_string(option["template_name"], {"widget": option})
    value = conditional_escape(str(option["value"]))
    label = conditional_escape(option["label"])
    # the template's file ends with a line break, which it writes after each option
    return f'<option value="{value}"{_attrs(option["attrs"])}>{label}</option>\n'


@register.simple_tag
def select_options(widget: dict) -> str:
    """The optgroups and options of a select widget's context, as select.html drew them."""
    out = []
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            out.append("\n  " + option_html(option))
        if group_name:
            out.append("\n  </optgroup>")
    return mark_safe("".join(out))  # noqa: S308 (every part escaped above)
