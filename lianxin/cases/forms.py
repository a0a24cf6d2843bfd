"""Forms of the case pages. They only shape input; the actions decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import FilesField, StyledForm
from lianxin.org.models import Person, Unit

from .codes import MAX_TOKEN
from .models import (
    OPERATOR_CHANNELS,
    PROBLEM_CHANNELS,
    PUBLIC_KINDS,
    Category,
    Channel,
    DeclineReason,
    Kind,
    Rating,
    Status,
    Supervision,
)

TEXT = forms.Textarea(attrs={"rows": 4})
SHORT = forms.Textarea(attrs={"rows": 2})


def _categories(root):
    return Category.objects.filter(root=root, is_active=True)


class PortalSubmitForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=[(k.value, k.label) for k in PUBLIC_KINDS],
        widget=forms.RadioSelect,
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    content = forms.CharField(label=_("Content"), widget=forms.Textarea(attrs={"rows": 6}))
    place = forms.CharField(label=_("Place"), required=False)
    citizen_name = forms.CharField(label=_("Your name"), required=False)
    citizen_phone = forms.CharField(
        label=_("Your phone"), widget=forms.TextInput(attrs={"inputmode": "tel"})
    )
    is_public = forms.BooleanField(
        label=_("It may be shown on the public message board (personal data hidden)"),
        required=False,
    )
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField()  # type: ignore[assignment]
    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=MAX_TOKEN)

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(root)


class EntryForm(StyledForm):
    """The operator's fast entry."""

    channel = forms.ChoiceField(
        label=_("Channel"), choices=[(c.value, c.label) for c in OPERATOR_CHANNELS]
    )
    citizen_phone = forms.CharField(
        label=_("Caller's phone"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autofocus": True}),
    )
    citizen_name = forms.CharField(label=_("Caller's name"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[(k.value, k.label) for k in PUBLIC_KINDS])
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    urgent = forms.BooleanField(label=_("Urgent"), required=False)
    content = forms.CharField(label=_("Content"), widget=TEXT)
    place = forms.CharField(label=_("Place"), required=False)
    is_public = forms.BooleanField(label=_("Caller agrees to publication"), required=False)
    answer = forms.CharField(
        label=_("Answer on the spot (consultations)"),
        required=False,
        widget=SHORT,
        help_text=_("Filled in: the consultation is closed with this answer at once."),
    )
    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=MAX_TOKEN)

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(root)


class ProblemForm(StyledForm):
    channel = forms.ChoiceField(
        label=_("Found through"), choices=[(c.value, c.label) for c in PROBLEM_CHANNELS]
    )
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    title = forms.CharField(label=_("Problem"), max_length=100)
    content = forms.CharField(label=_("Details and what is to be rectified"), widget=TEXT)
    place = forms.CharField(label=_("Place"), required=False)
    submit_token = forms.CharField(widget=forms.HiddenInput, max_length=MAX_TOKEN)

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(root)


class NameChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices as (id, name), read with `values_list`: no model instance per option (a
    province's unit list holds 200: 7 ms a page as instances, 1 ms as pairs)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class NameChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField of a model shown by its `name` (its `__str__`): the same options,
    the chosen value still read as an instance of the queryset."""

    iterator = NameChoiceIterator


class FilterForm(StyledForm):
    q = forms.CharField(label=_("Code, phone or words"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any"))] + list(Status.choices)
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("any"))] + list(Kind.choices)
    )
    channel = forms.ChoiceField(
        label=_("Channel"), required=False, choices=[("", _("any"))] + list(Channel.choices)
    )
    category = NameChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label=_("any")
    )
    unit: forms.ModelChoiceField[Unit] = NameChoiceField(
        label=_("Unit"), required=False, queryset=None, empty_label=_("any")
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    since = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )

    def __init__(self, *args, root=None, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(root)
        self.fields["unit"].queryset = units


def filter_from(data, root):
    """The queue's filter form and the CaseFilter it gives (the list page and its export)."""
    from lianxin.org.queries import units_under

    from .queries import CaseFilter

    form = FilterForm(data or None, root=root, units=units_under(root))
    f = CaseFilter(tab=data.get("tab", "all"))
    if form.is_bound and not form.is_valid():
        f.nothing = True  # e.g. ?unit=999: the errors are shown, no case is listed
    elif form.is_valid():
        d = form.cleaned_data
        f.status, f.kind, f.channel, f.q = d["status"], d["kind"], d["channel"], d["q"]
        f.category = d["category"].pk if d["category"] else None
        f.unit, f.overdue, f.since, f.until = d["unit"], d["overdue"], d["since"], d["until"]
    return form, f


# ---- one small form per action on the case page; `version` is the case version seen


class ActionForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class HandlerSelect(forms.Select):
    """The handler list of the dispatch form: each option names the units its person may
    handle cases for (`data-units`), so static/js/cases.js shows only those of the chosen
    lead unit. The action checks the pair again (`_check_handler`)."""

    units: dict[int, list[int]] = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-units"] = " ".join(
                str(u) for u in self.units.get(instance.pk, [])
            )
        return option


class DispatchForm(ActionForm):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(label=_("Lead unit"), queryset=None)
    handler: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Handler"),
        required=False,
        queryset=None,
        widget=HandlerSelect,
        empty_label=_("(the unit assigns)"),
        help_text=_("Only the staff of the chosen lead unit are listed."),
    )
    co_units: forms.ModelMultipleChoiceField[Unit] = forms.ModelMultipleChoiceField(
        label=_("Co-units"), required=False, queryset=None, widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label=_("Note"), required=False, widget=SHORT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].widget.attrs["data-filters"] = self["handler"].auto_id
        self.fields["unit"].widget.attrs["data-co"] = self.add_prefix("co_units")


class ReasonForm(ActionForm):
    reason = forms.CharField(label=_("Reason"), widget=SHORT)


class NoteForm(ActionForm):
    note = forms.CharField(label=_("Note"), required=False, widget=SHORT)


class RequiredNoteForm(ActionForm):
    note = forms.CharField(label=_("Note"), widget=SHORT)
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField()  # type: ignore[assignment]


class QuestionForm(ActionForm):
    question = forms.CharField(label=_("What do you need from the citizen?"), widget=SHORT)


class MergeForm(ActionForm):
    original = forms.CharField(label=_("Code of the original case"), max_length=16)


class DeclineForm(ActionForm):
    reason = forms.ChoiceField(label=_("Why not accepted"), choices=DeclineReason.choices)
    original = forms.CharField(
        label=_("Code of the open case it repeats"), max_length=16, required=False
    )
    note = forms.CharField(label=_("Explanation to the citizen"), required=False, widget=SHORT)


class AssignForm(ActionForm):
    handler: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Handler"), queryset=None
    )


class ExtensionForm(ActionForm):
    workdays = forms.IntegerField(label=_("Extra working days"), min_value=1, max_value=30)
    reason = forms.CharField(label=_("Reason"), widget=SHORT)


class DecideForm(ActionForm):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("approve")), ("no", _("refuse"))],
    )
    note = forms.CharField(label=_("Note"), required=False, widget=SHORT)


class AnswerForm(ActionForm):
    reply = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 6}))
    reusable = forms.BooleanField(label=_("Reusable answer for the knowledge base"), required=False)


class ReplyForm(AnswerForm):
    """The lead unit's reply, with photos of the result (the repaired road): they go with
    the reply entry, which the citizen sees on his tracking page."""

    files = FilesField(  # type: ignore[assignment]  # the field's name, as in the other forms
        label=_("Photos of the result"),
        help_text=_("For example the repaired road. Up to 5 photos or PDF files, 10 MB each."),
    )


class RatingForm(ActionForm):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=Rating.choices, widget=forms.RadioSelect
    )
    solved = forms.TypedChoiceField(
        label=_("Was the matter solved?"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("solved")), ("no", _("not solved"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=SHORT)


class SuperviseForm(ActionForm):
    level = forms.TypedChoiceField(
        label=_("Level"),
        coerce=int,
        choices=[
            (Supervision.SUPERVISED, Supervision.SUPERVISED.label),
            (Supervision.FLAGGED, Supervision.FLAGGED.label),
        ],
    )
    note = forms.CharField(label=_("Note"), required=False, widget=SHORT)


class LookupForm(StyledForm):
    code = forms.CharField(label=_("Case code"), max_length=16)
    secret = forms.CharField(label=_("Lookup secret"), max_length=30)
    pow_challenge = forms.CharField(widget=forms.HiddenInput, max_length=200)
    pow_counter = forms.CharField(widget=forms.HiddenInput, required=False, max_length=12)


class PhoneProofForm(StyledForm):
    """No secret at hand: a one-time code to the phone given with the case."""

    code = forms.CharField(label=_("Case code"), max_length=16)
    phone = forms.CharField(label=_("The mobile number you gave"), max_length=20)
    pow_challenge = forms.CharField(widget=forms.HiddenInput, max_length=200)
    pow_counter = forms.CharField(widget=forms.HiddenInput, required=False, max_length=12)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "phone_%s")  # beside the lookup form on one page
        super().__init__(*args, **kwargs)


class PhoneCodeForm(StyledForm):
    code = forms.CharField(widget=forms.HiddenInput, max_length=16)
    sms_code = forms.CharField(label=_("The code in the text message"), max_length=10)


class SupplementForm(ActionForm):
    note = forms.CharField(label=_("The information asked for"), widget=TEXT)
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField()  # type: ignore[assignment]


class TemplateForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=50)
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none()
    )
    text = forms.CharField(label=_("Text"), widget=TEXT)

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(root)
