from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lianxin.cases.models import Category
from lianxin.core.forms import FilesField, StyledForm, limit_choices
from lianxin.org.models import Person, Role, RoleGrant, Unit

from .deadlines import MAX_WORKDAYS
from .models import Inspection

DATE = {"type": "date"}


def _date(label, required=True):
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(format="%Y-%m-%d", attrs=DATE),
    )


class InspectionForm(StyledForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    method = forms.ChoiceField(label=_("Method"), choices=Inspection.Method.choices)
    units = forms.ModelMultipleChoiceField(
        label=_("Units inspected"),
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    team = forms.ModelMultipleChoiceField(
        label=_("Team"),
        queryset=Person.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    starts_on = _date(_("From"))
    ends_on = _date(_("To"))

    def __init__(self, *args, root: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(
            self,
            "units",
            Unit.objects.filter(path__startswith=root.path, is_active=True).exclude(pk=root.pk),
        )
        limit_choices(
            self,
            "team",
            Person.objects.filter(unit__path__startswith=root.path, is_active=True).select_related(
                "unit"
            ),
        )
        self.fields["team"].label_from_instance = lambda p: f"{p.name} · {p.unit.name}"


class FindingForm(StyledForm):
    unit = forms.ModelChoiceField(label=_("Responsible unit"), queryset=Unit.objects.none())
    text = forms.CharField(
        label=_("What was found"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none())
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField()  # type: ignore[assignment]

    def __init__(self, *args, inspection: Inspection, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(self, "unit", inspection.units.all())
        limit_choices(
            self, "category", Category.objects.filter(root=inspection.root, is_active=True)
        )


class FinishForm(StyledForm):
    summary = forms.CharField(
        label=_("Summary for the bulletin"), widget=forms.Textarea(attrs={"rows": 5})
    )


class PlanForm(StyledForm):
    leader = forms.ModelChoiceField(label=_("Responsible leader"), queryset=Person.objects.none())
    person = forms.ModelChoiceField(label=_("Responsible person"), queryset=Person.objects.none())
    measures = forms.CharField(
        label=_("Rectification measures"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    workdays = forms.IntegerField(
        label=_("Rectification period (working days)"),
        min_value=1,
        max_value=MAX_WORKDAYS,
        required=False,
    )
    due_on = _date(_("or rectify by"), required=False)

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        leaders = RoleGrant.objects.filter(role=Role.LEADER, unit_id__in=unit.ancestor_ids).values(
            "person_id"
        )
        limit_choices(self, "leader", Person.objects.filter(pk__in=leaders, is_active=True))
        limit_choices(
            self, "person", Person.objects.filter(unit__path__startswith=unit.path, is_active=True)
        )

    def clean(self):
        data = super().clean()
        if not data.get("workdays") and not data.get("due_on") and not self.errors:
            self.add_error("workdays", _("Give the rectification period or a date."))
        return data


class ReportForm(StyledForm):
    text = forms.CharField(
        label=_("Progress"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )
    final = forms.BooleanField(
        label=_("Rectification completed: ask for acceptance"), required=False
    )
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField(label=_("Evidence"))  # type: ignore[assignment]


class SignOffForm(StyledForm):
    note = forms.CharField(
        label=_("Acceptance opinion"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RejectForm(StyledForm):
    reason = forms.CharField(
        label=_("Why it is not accepted"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


LEDGER_STATES = [
    ("", _("All")),
    ("unplanned", _("No plan yet")),
    ("open", _("Not signed off")),
    ("overdue", _("Overdue")),
    ("to_accept", _("Awaiting acceptance")),
    ("signed_off", _("Signed off")),
]


class OrderForm(StyledForm):
    expected = forms.CharField(
        label=_("What is expected"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    workdays = forms.IntegerField(
        label=_("Feedback within (working days)"), min_value=1, max_value=60, required=False
    )
    due_on = _date(_("or feedback by"), required=False)
    flagged = forms.BooleanField(
        label=_("Flagged supervision (shown on the public notice)"), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("workdays") and not data.get("due_on") and not self.errors:
            self.add_error("workdays", _("Give the feedback deadline or a date."))
        return data


class FeedbackForm(StyledForm):
    text = forms.CharField(
        label=_("Feedback"), max_length=900, widget=forms.Textarea(attrs={"rows": 3})
    )


class LiftForm(StyledForm):
    reason = forms.CharField(label=_("Reason for lifting"), max_length=1000)


class TransferForm(StyledForm):
    accused_unit = forms.ModelChoiceField(
        label=_("Unit the complaint is about"), queryset=Unit.objects.none()
    )
    accused_text = forms.CharField(
        label=_("Person complained of (as the citizen says)"), max_length=100, required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, root: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "accused_unit", Unit.objects.filter(path__startswith=root.path, is_active=True)
        )


class RegisterReportForm(StyledForm):
    channel = forms.ChoiceField(label=_("Came in by"))
    accused_unit = forms.ModelChoiceField(label=_("Unit reported"), queryset=Unit.objects.none())
    accused_text = forms.CharField(label=_("Person reported"), max_length=100, required=False)
    what = forms.CharField(
        label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    when_text = forms.CharField(label=_("When"), max_length=100, required=False)
    where = forms.CharField(label=_("Where"), max_length=200, required=False)
    name = forms.CharField(
        label=_("Reporter's name (empty: anonymous)"), max_length=50, required=False
    )
    phone = forms.CharField(label=_("Reporter's phone"), max_length=20, required=False)
    # The metaclass moves a field to base_fields: this one never shadows BaseForm.files.
    files = FilesField()  # type: ignore[assignment]

    def __init__(self, *args, root: Unit, **kwargs):
        from .actions.transfer import REPORT_CHANNELS

        super().__init__(*args, **kwargs)
        self.fields["channel"].choices = list(REPORT_CHANNELS.items())
        limit_choices(
            self, "accused_unit", Unit.objects.filter(path__startswith=root.path, is_active=True)
        )
