from django import forms

from apps.selfcare.models import CheckIn, Energy, Mood
from apps.selfcare.selectors import CheckInPanel


class QuickCheckInForm(forms.Form):
    """The one-click check-in: a mood, nothing else."""

    mood = forms.TypedChoiceField(
        choices=Mood.choices,
        coerce=int,
        error_messages={"required": "Choose how you feel.", "invalid_choice": "Choose a mood."},
    )


class CheckInForm(forms.ModelForm):
    """The whole check-in. Everything but the mood is optional."""

    class Meta:
        model = CheckIn
        fields = [
            "mood",
            "energy",
            "hours_slept",
            "moved",
            "ate_well",
            "connected",
            "took_break",
            "note",
        ]
        labels = {"mood": "Mood", "energy": "Energy", "note": "Anything on your mind?"}
        widgets = {
            "mood": forms.RadioSelect,
            "energy": forms.RadioSelect,
            "hours_slept": forms.NumberInput(attrs={"step": "0.5", "min": "0", "max": "24"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"note": "Only you see this."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mood"].error_messages["required"] = "Choose how you feel."
        # Radio groups: nothing ticked means "not saying", so no "---------" choice.
        self.fields["mood"].choices = Mood.choices
        self.fields["energy"].choices = Energy.choices

    def details(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("mood")
        return data


class CheckInDetailsForm(CheckInForm):
    """The panel's "add more" form: the mood is already chosen with the buttons above it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mood"].widget = forms.HiddenInput()


def checkin_panel_context(
    panel: CheckInPanel,
    *,
    form: CheckInDetailsForm | None = None,
    saved: bool = False,
    error: str = "",
) -> dict:
    """What templates/selfcare/_checkin_panel.html needs: the panel, today's details form
    (ids prefixed so the panel can sit on a page with other forms) and how a post went."""
    return {
        "checkin_panel": panel,
        "checkin_form": form or CheckInDetailsForm(instance=panel.checkin, auto_id="checkin_%s"),
        "checkin_saved": saved,
        "checkin_error": error,
    }
