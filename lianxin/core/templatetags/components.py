"""The components of templates/components/ that need a little logic.

- `{% pagination page %}`: previous and next links of a page, a Paginator's (numbered) or a
  keyset page (`cases.keyset`, cursors); the links keep the request's other parameters.
- `{% filter_bar %}…{% endfilter_bar %}`: the GET form above a list; its body holds the fields
  (`components/filter_input.html`, `{% filter_select %}`), the bar adds the button and 清除.
- `{% filter_select name label options selected %}`: a select of a filter bar.
- `{% page_header %}title{% subtitle %}a line{% actions %}buttons{% endpage_header %}`: the
  h1 row of a page (the subtitle and the buttons are optional).
"""

import datetime

from django import template
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

register = template.Library()

PAGER_KEYS = ("page", "after", "before")


def _url(request, **values) -> str:
    """The current query without the pager's keys, with `values` added."""
    params = [
        (key, value)
        for key, values_ in request.GET.lists()
        if key not in PAGER_KEYS
        for value in values_
    ]
    return "?" + urlencode([*params, *values.items()])


def _cleared(request, keep: str) -> str:
    """The page without its filters (keeping `keep`), or "" when it is not filtered."""
    if not any(v for key, v in request.GET.items() if key != keep and key not in PAGER_KEYS):
        return ""
    kept = request.GET.get(keep, "") if keep else ""
    return request.path + (f"?{urlencode({keep: kept})}" if kept else "")


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page):
    request = context["request"]
    numbered = hasattr(page, "paginator")
    previous = next_ = ""
    if numbered:
        if page.has_previous():
            previous = _url(request, page=page.previous_page_number())
        if page.has_next():
            next_ = _url(request, page=page.next_page_number())
    else:
        if page.has_previous:
            previous = _url(request, before=page.previous_cursor)
        if page.has_next:
            next_ = _url(request, after=page.next_cursor)
    return {
        "previous": previous,
        "next": next_,
        "number": page.number if numbered else None,
        "pages": page.paginator.num_pages if numbered else None,
    }


def _choices(options):
    """(value, text) pairs from pairs, rows (pk, name), columns ({"key", "label"}), months
    (dates, as YYYY-MM) or plain values."""
    for option in options:
        if isinstance(option, dict):
            value, text = option["key"], option["label"]
        elif isinstance(option, list | tuple):
            value, text = option[0], option[1]
        elif hasattr(option, "pk"):
            value, text = option.pk, getattr(option, "name", option)
        elif isinstance(option, datetime.date):
            value = text = option.strftime("%Y-%m")
        else:
            value = text = option
        yield str(value), text


@register.inclusion_tag("components/filter_select.html")
def filter_select(name, label, options, selected="", blank=None, id=""):
    """`blank`: the text of a first empty option (any), if the filter may be left open."""
    chosen = "" if selected is None else str(selected)
    return {
        "name": name,
        "label": label,
        "id": id or f"filter-{name}",
        "blank": blank,
        "choices": [(value, text, value == chosen) for value, text in _choices(options)],
    }


class ComponentNode(template.Node):
    """A component that wraps markup of the page: the parts between its tags are handed to
    its template as `body` (and the parts after `{% subtitle %}`, `{% actions %}` as
    `subtitle`, `actions`), with the keyword parameters of the opening tag and `request`;
    nothing else of the page (as an include `with … only`)."""

    def __init__(self, name, kwargs, parts):
        self.name, self.kwargs, self.parts = name, kwargs, parts

    def render(self, context):
        values = {key: value.resolve(context) for key, value in self.kwargs.items()}
        for part, nodelist in self.parts.items():
            values[part] = mark_safe(nodelist.render(context).strip())  # noqa: S308 (rendered)
        request = context.get("request")
        if self.name == "filter_bar" and values.get("clear") and request is not None:
            values["cleared"] = _cleared(request, values.get("keep", ""))
        component = context.template.engine.get_template(f"components/{self.name}.html")
        return component.render(context.new(values))  # its parameters only, as `with … only`


def _component(name, middles=()):
    """The parser of `{% name k=v … %}body{% middle %}part…{% endname %}`, the middles in order."""

    def parse(parser, token):
        bits = token.split_contents()[1:]
        kwargs = template.base.token_kwargs(bits, parser)
        if bits:
            raise template.TemplateSyntaxError(f"{name}: only name=value parameters, not {bits}")
        end = f"end{name}"
        parts, part, rest = {}, "body", list(middles)
        while True:
            parts[part] = parser.parse((*rest, end))
            found = parser.next_token().contents
            if found == end:
                return ComponentNode(name, kwargs, parts)
            part, rest = found, rest[rest.index(found) + 1 :]

    return parse


register.tag("filter_bar", _component("filter_bar"))
register.tag("page_header", _component("page_header", middles=("subtitle", "actions")))
