"""The unit and category lists of the case list's filter (cases/forms.py, NameChoiceField):
the options Django's ModelChoiceField drew, read as (id, name) pairs without a model instance
per option (a province's unit list holds 200)."""

from django import forms
from django.db.models.signals import pre_init

from lianxin.cases.forms import FilterForm, filter_from
from lianxin.cases.models import Category
from lianxin.org.models import Unit
from lianxin.org.queries import units_under


class Reference(forms.Form):
    category = forms.ModelChoiceField(queryset=Category.objects.none(), required=False)
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, root, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = Category.objects.filter(root=root, is_active=True)
        self.fields["category"].empty_label = FilterForm.base_fields["category"].empty_label
        self.fields["unit"].queryset = units_under(root)
        self.fields["unit"].empty_label = FilterForm.base_fields["unit"].empty_label


def selects(form) -> list[str]:
    return [
        form[name].field.widget.render(name, form[name].value()) for name in ("category", "unit")
    ]


def test_the_lists_offer_the_options_of_a_model_choice_field(cc):
    cc.station_b.name = "路政<科> & 二所"
    cc.station_b.save(update_fields=["name"])
    for data in ({}, {"unit": str(cc.station_a.pk), "category": str(cc.fee.pk)}):
        form = FilterForm(data or None, root=cc.root, units=units_under(cc.root))
        assert selects(form) == selects(Reference(data or None, root=cc.root)), data
    html = str(
        FilterForm({"unit": str(cc.station_a.pk)}, root=cc.root, units=units_under(cc.root))["unit"]
    )
    assert f'<option value="{cc.station_a.pk}" selected>{cc.station_a.name}</option>' in html
    assert "路政&lt;科&gt; &amp; 二所" in html and cc.other.name not in html


def test_a_chosen_unit_is_read_as_the_unit_and_another_organisations_is_refused(cc):
    form, f = filter_from({"unit": str(cc.station_a.pk), "category": str(cc.road.pk)}, cc.root)
    assert f.unit == cc.station_a and isinstance(f.unit, Unit) and f.category == cc.road.pk
    form, f = filter_from({"unit": str(cc.other.pk)}, cc.root)
    assert f.nothing and "unit" in form.errors


def test_the_lists_are_drawn_without_a_model_instance_per_option(cc):
    made = []

    def seen(sender, **kwargs):
        made.append(sender)

    pre_init.connect(seen)
    try:
        form, _f = filter_from({}, cc.root)
        html = str(form["unit"]) + str(form["category"])
    finally:
        pre_init.disconnect(seen)
    assert cc.station_a.name in html and cc.road.name in html
    assert Unit not in made and Category not in made
