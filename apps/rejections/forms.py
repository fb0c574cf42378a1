from django import forms

from apps.applications.models import Application, Status
from apps.applications.selectors import applications_for
from apps.applications.stages import StageReached
from apps.core.forms import DateField
from apps.rejections.models import Feeling, Reflection, Rejection, StepState

RATING_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


def _feeling_field(help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label="How does it feel?",
        choices=Feeling.choices,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class RejectionForm(forms.ModelForm):
    """Logging (or editing) the rejection of an application already tracked."""

    feeling = _feeling_field("Only for you. It helps you see how you are doing over time.")

    class Meta:
        model = Rejection
        fields = ["received_on", "stage_reached", "feeling", "reason_given", "notes"]
        field_classes = {"received_on": DateField}
        widgets = {
            "reason_given": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "stage_reached": "Worked out from the history; change it if it was different.",
            "reason_given": "If they said why. Leave it empty if they did not.",
        }


QUICK_CHOICES = 60


class QuickLogForm(forms.Form):
    """The dashboard's quick form: an application already tracked, or a new company and role."""

    application = forms.ModelChoiceField(
        label="Which application?",
        queryset=Application.objects.none(),
        required=False,
        empty_label="A new one (add it below)",
    )
    company_name = forms.CharField(label="Company", max_length=200, required=False)
    role_title = forms.CharField(label="Role", max_length=200, required=False)
    received_on = DateField(label="Heard on")
    stage_reached = forms.ChoiceField(
        label="Stage reached",
        choices=[("", "Work it out from the history"), *StageReached.choices],
        required=False,
    )
    feeling = _feeling_field()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        in_play = (
            applications_for(user=user)
            .filter(archived=False)
            .exclude(status__in=[Status.REJECTED, Status.ACCEPTED, Status.WISHLIST])
        )
        # The most recently active ones keep the menu short however long the search has
        # been; an older one can be typed below and is matched, or logged from its page.
        recent = in_play.order_by("-status_changed_on", "-id").values("pk")[:QUICK_CHOICES]
        self.fields["application"].queryset = (
            in_play.filter(pk__in=recent)
            .select_related("company")
            .order_by("company__name", "role_title")
        )
        self.fields["application"].label_from_instance = lambda app: (
            f"{app.company.name}: {app.role_title}"
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("application") is None:
            if not cleaned.get("company_name", "").strip():
                self.add_error("company_name", "Choose an application above, or type the company.")
            if not cleaned.get("role_title", "").strip():
                self.add_error("role_title", "Type the role too.")
        return cleaned


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["fit_values", "fit_interests", "fit_skills", "what_to_change"]
        widgets = {
            "fit_values": forms.RadioSelect(choices=RATING_CHOICES),
            "fit_interests": forms.RadioSelect(choices=RATING_CHOICES),
            "fit_skills": forms.RadioSelect(choices=RATING_CHOICES),
            "what_to_change": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "fit_values": "1 is not at all, 5 is completely.",
            "what_to_change": "Anything about where or how you apply. One line is plenty.",
        }


class StepStateForm(forms.Form):
    state = forms.ChoiceField(choices=StepState.choices)


class RestForm(forms.Form):
    days = forms.TypedChoiceField(choices=[(1, "1"), (2, "2"), (3, "3")], coerce=int)
