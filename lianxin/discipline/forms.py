from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.core.forms import FilesField, StyledForm
from lianxin.org.models import Person, Unit

from .models import Disposition, PenaltyKind, measure_choices, work_style_choices

TEXT = forms.Textarea(attrs={"rows": 4})
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReportForm(StyledForm):
    accused_unit = forms.ModelChoiceField(
        label=_("Which unit"), queryset=Unit.objects.none(), empty_label=_("— choose —")
    )
    accused_person = forms.TypedChoiceField(
        label=_("Person reported (if you know)"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("By unit, then name; or describe him below."),
    )
    accused_text = forms.CharField(
        label=_("Who (name or position, if not in the list)"), max_length=100, required=False
    )
    what = forms.CharField(
        label=_("The problem reported"), widget=forms.Textarea(attrs={"rows": 6})
    )
    when_text = forms.CharField(label=_("When"), max_length=100, required=False)
    where = forms.CharField(label=_("Where"), max_length=200, required=False)
    clause = forms.CharField(
        label=_("Clause broken (optional)"),
        max_length=300,
        required=False,
        help_text=_("Paste the link of the clause from the regulations page."),
    )
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField(label=_("Evidence (photos or PDF)"))  # type: ignore[assignment]
    name = forms.CharField(label=_("Your name"), max_length=50, required=False)
    phone = forms.CharField(
        label=_("Your phone"), max_length=30, required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )  # fmt: skip
    contact = forms.CharField(label=_("Other contact"), max_length=100, required=False)
    pow_challenge = forms.CharField(widget=forms.HiddenInput)
    pow_counter = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accused_unit"].queryset = Unit.objects.filter(
            path__startswith=root.path, is_active=True
        ).order_by("path")
        self.fields["accused_person"].choices = roster_choices(root)


def roster_choices(root) -> list:
    """The people of the organisation by unit, then name: name and position only."""
    groups: dict[str, list] = {}
    for pk, name, position, unit in (
        Person.objects.filter(
            unit__path__startswith=root.path, is_active=True, unit__is_active=True
        )
        .order_by("unit__path", "name")
        .values_list("pk", "name", "position", "unit__name")
    ):
        groups.setdefault(unit, []).append((pk, f"{name}（{position}）" if position else name))
    return [("", _("— not known, or not in the list —")), *groups.items()]


class ReceiptForm(StyledForm):
    receipt = forms.CharField(
        label=_("Receipt"), max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )  # fmt: skip
    pow_challenge = forms.CharField(widget=forms.HiddenInput)
    pow_counter = forms.CharField(widget=forms.HiddenInput, required=False)


class MessageForm(StyledForm):
    text = forms.CharField(label=_("Message"), widget=TEXT)
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField(label=_("Evidence (photos or PDF)"))  # type: ignore[assignment]


class StaffMessageForm(StyledForm):
    text = forms.CharField(label=_("Message to the reporter"), widget=TEXT)


class PersonChoiceField(forms.ModelChoiceField):
    """A person as colleagues tell him apart: name, position and unit."""

    def label_from_instance(self, obj):
        return "　".join(x for x in (obj.name, obj.position, obj.unit.name) if x)


class PenaltyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.person.name} · {obj.get_measure_display()} · {obj.document_no}"


def _named(choices, prompt) -> list:
    return [("", prompt), *choices]


class StepForm(StyledForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DisposeForm(StepForm):
    disposition = forms.ChoiceField(
        label=_("Disposition"), choices=_named(Disposition.choices, _("Choose the disposition…"))
    )
    category = forms.ChoiceField(
        label=_("Work-style category"),
        choices=[],
        help_text=_("Under the headings of the monthly statistics of work-style cases."),
    )
    note = forms.CharField(label=_("Note"), widget=TEXT, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _named(work_style_choices(), _("Choose a category…"))


class ConcludeForm(StepForm):
    findings = forms.CharField(label=_("Findings"), widget=TEXT)
    decision = forms.CharField(label=_("Handling decision"), widget=TEXT)


class FeedbackForm(StepForm):
    feedback = forms.CharField(label=_("Feedback to the reporter"), widget=TEXT)


class AcceptForm(StepForm):
    """受理 confirms who is reported: the person picked or named, or nobody (the unit)."""

    accused = PersonChoiceField(
        label=_("Person reported (confirm)"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("— no individual: the unit reported —"),
        help_text=_("Those the reporter's text names are kept away from the report until "
                    "you confirm; then only the person reported and those around him."),
    )  # fmt: skip

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accused"].queryset = (
            Person.objects.filter(unit__path__startswith=root.path)
            .select_related("unit")
            .order_by("unit__path", "name")
        )


class IdentifyForm(StepForm):
    person = PersonChoiceField(
        label=_("Person reported"),
        queryset=Person.objects.none(),
        empty_label=_("Choose the person…"),
    )

    def __init__(self, *args, root=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = (
            Person.objects.filter(unit__path__startswith=root.path)
            .select_related("unit")
            .order_by("unit__path", "name")
        )


class PenaltyForm(StyledForm):
    person = PersonChoiceField(
        label=_("Person"), queryset=Person.objects.none(), empty_label=_("Choose the person…")
    )
    kind = forms.ChoiceField(
        label=_("Kind of handling"),
        choices=_named(PenaltyKind.choices, _("Choose the kind…")),
        help_text=_("Party discipline for party members only; criticism, admonition and "
                    "organisational handling are no sanction and apply to anyone."),
    )  # fmt: skip
    measure = forms.ChoiceField(label=_("Measure"), choices=[])
    category = forms.ChoiceField(label=_("Category"), choices=[])
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    ends_on = forms.DateField(label=_("In effect until"), widget=DATE, required=False)
    document_no = forms.CharField(label=_("Decision document number"), max_length=60)
    document = FilesField(label=_("Decision document (PDF)"))
    reason = forms.CharField(label=_("Reason"), widget=TEXT)
    report = forms.CharField(label=_("Report number (optional)"), max_length=20, required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people if people is not None else Person.objects.none()
        self.fields["measure"].choices = _named(measure_choices(), _("Choose the measure…"))
        self.fields["category"].choices = _named(work_style_choices(), _("Choose a category…"))


class NoticeForm(StyledForm):
    penalty = PenaltyChoiceField(
        label=_("Penalty or handling"), queryset=None, empty_label=_("Choose the decision…")
    )
    title = forms.CharField(label=_("Title"), max_length=100)
    position = forms.CharField(label=_("Position"), max_length=50)
    conduct = forms.CharField(label=_("Conduct"), widget=TEXT)
    clause = forms.CharField(label=_("Clause broken"), max_length=300, required=False)

    def __init__(self, *args, penalties=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["penalty"].queryset = penalties
