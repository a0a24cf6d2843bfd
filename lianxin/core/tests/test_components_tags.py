"""The components that take a little logic (core/templatetags/components.py): what a reader
of a list page sees of the pagination, the filter bar and the page header."""

from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

from lianxin.cases.keyset import KeysetPage


def render(text: str, path: str = "/workbench/list/?q=road&page=2", **values) -> str:
    request = RequestFactory().get(path)
    return Template("{% load components %}" + text).render(Context({"request": request, **values}))


def test_numbered_pages_keep_the_filters_and_show_where_the_reader_is():
    page = Paginator(list(range(120)), 50).get_page(2)
    html = render("{% pagination page %}", page=page)
    assert '<nav class="mt-2" aria-label="' in html
    assert 'href="?q=road&amp;page=1" rel="prev"' in html
    assert 'href="?q=road&amp;page=3" rel="next"' in html
    assert "2 / 3" in html


def test_keyset_pages_link_by_cursor_without_the_old_cursor():
    page = KeysetPage(rows=[1], next_cursor="N", previous_cursor="P")
    html = render("{% pagination page %}", "/x/?tab=mine&after=OLD", page=page)
    assert 'href="?tab=mine&amp;before=P"' in html
    assert 'href="?tab=mine&amp;after=N"' in html
    assert "OLD" not in html and " / " not in html


def test_a_single_page_has_no_pagination():
    assert "<nav" not in render("{% pagination page %}", page=Paginator([1], 50).get_page(1))


def test_the_filter_bar_offers_clear_only_when_filtered_and_keeps_the_tab():
    bar = '{% filter_bar clear=True keep="tab" %}<input name="q">{% endfilter_bar %}'
    filtered = render(bar, "/workbench/cases/?tab=mine&q=road")
    assert 'method="get"' in filtered and '<input name="q">' in filtered
    assert 'href="/workbench/cases/?tab=mine"' in filtered
    assert 'href="/workbench/cases/' not in render(bar, "/workbench/cases/?tab=mine")


def test_a_filter_select_has_a_label_and_marks_the_chosen_option():
    html = render(
        '{% filter_select "state" "Status" states state blank="any" %}',
        states=[("open", "Open"), ("closed", "Closed")],
        state="closed",
    )
    assert '<label class="visually-hidden" for="filter-state">Status</label>' in html
    assert '<option value="">any</option>' in html
    assert '<option value="closed" selected>Closed</option>' in html
    assert '<option value="open">Open</option>' in html


def test_the_page_header_holds_the_title_and_the_buttons():
    html = render(
        "{% page_header %}Cases · <b>A</b>{% actions %}<a href=x>New</a>{% endpage_header %}"
    )
    assert '<h1 class="h4 mb-0">Cases · <b>A</b></h1>' in html
    assert "<a href=x>New</a>" in html
    assert "text-muted" not in render("{% page_header %}T{% endpage_header %}")
    with_line = render(
        "{% page_header %}T{% subtitle %}<b>Sub</b>{% actions %}B{% endpage_header %}"
    )
    assert '<div class="text-muted small"><b>Sub</b></div>' in with_line
    assert with_line.index("Sub") < with_line.index(">B</div>")
