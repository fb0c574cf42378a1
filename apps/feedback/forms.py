"""Forms parse and label input; the date and status rules live in services.py, whose
messages land on these forms' fields (see apps.core.forms.add_service_errors)."""

from django import forms
from django.urls import reverse

from apps.applications.selectors import applications_for
from apps.contacts.selectors import contacts_for
from apps.core.forms import DateField
from apps.core.limits import TEXT_MAX_CHARS
from apps.feedback.models import Channel, RequestStatus, Tone


def _date_field(
    label: str, *, help_text: str = "", required: bool = False, required_message: str = ""
) -> DateField:
    return DateField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={"required": required_message or "Enter a date."},
    )


class ApplicationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.role_title} at {obj.company.name}"


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.company.name})" if obj.company else obj.name


def _contact_field() -> ContactChoiceField:
    return ContactChoiceField(
        label="Who are you asking?",
        queryset=None,
        required=False,
        empty_label="Someone not in my contacts",
        help_text="Optional. Their name goes in the greeting of the draft.",
    )


def _limit_contacts(form: forms.Form, user) -> None:
    """Offer the person's own contacts, or no contact field at all when they have none yet."""
    contacts = contacts_for(owner=user)
    if contacts.exists():
        form.fields["contact"].queryset = contacts
    else:
        del form.fields["contact"]


# Changing these on the create form fetches a fresh draft into the message box
# (feedback.js keeps the box as it is once the person has written in it).
def _draft_source_attrs() -> dict[str, str]:
    return {
        "hx-get": reverse("feedback:create"),
        "hx-trigger": "change",
        "hx-target": "#draft-field",
        "hx-swap": "outerHTML",
        "hx-include": "[name='application'], [name='contact']",
        "data-draft-source": "",
    }


class FeedbackFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any status"), *RequestStatus.choices],
    )
    due = forms.BooleanField(label="Only follow-ups that are due", required=False)


class FeedbackCreateForm(forms.Form):
    application = ApplicationChoiceField(
        label="Which application?",
        queryset=None,
        empty_label="Choose an application",
        error_messages={"required": "Choose the application you would like feedback on."},
    )
    contact = _contact_field()
    channel = forms.ChoiceField(
        label="How will you ask?",
        choices=Channel.choices,
        initial=Channel.EMAIL,
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="Your message",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Rebound drafts this for you from the application. Change anything you like; "
        "if you leave it empty, the draft is used.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications_for(user=user).order_by(
            "-status_changed_on", "-id"
        )
        self.fields["application"].widget.attrs.update(_draft_source_attrs())
        _limit_contacts(self, user)
        if "contact" in self.fields:
            self.fields["contact"].widget.attrs.update(_draft_source_attrs())


class FeedbackEditForm(forms.Form):
    """The fields a request's status allows editing: dates appear once it has been sent,
    the answer once there is one."""

    contact = _contact_field()
    channel = forms.ChoiceField(
        label="How you ask", choices=Channel.choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="Your message",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    asked_on = _date_field("Asked on", required=True, required_message="Enter the date you asked.")
    follow_up_on = _date_field(
        "Follow up on", help_text="Leave empty if you would rather not follow up."
    )
    answered_on = _date_field(
        "They replied on", required=True, required_message="Enter the date they replied."
    )
    what_they_said = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="What they said",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Write down what they said, even in a few words."},
    )
    my_takeaways = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="Your takeaways",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    tone = forms.ChoiceField(
        label="How did it come across?",
        choices=Tone.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the feedback came across."},
    )

    def __init__(self, *args, feedback_request, **kwargs):
        super().__init__(*args, **kwargs)
        status = feedback_request.status
        keep = {"contact", "channel", "message"}
        if status != RequestStatus.DRAFT:
            keep |= {"asked_on", "follow_up_on"}
        if status in (RequestStatus.ANSWERED, RequestStatus.DECLINED):
            keep.add("answered_on")
        if status == RequestStatus.ANSWERED:
            keep |= {"what_they_said", "my_takeaways", "tone"}
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]
        _limit_contacts(self, feedback_request.owner)
        if "contact" in self.fields:
            self.fields["contact"].help_text = "Optional."


class MarkSentForm(forms.Form):
    asked_on = _date_field("Sent on", help_text="Change it if you sent it on another day.")
    follow_up_on = _date_field(
        "Follow up on", help_text="A week after you asked if you leave it empty."
    )


class AnswerForm(forms.Form):
    answered_on = _date_field("They replied on", help_text="Today if you leave it empty.")
    what_they_said = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="What they said",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Their words as closely as you remember them, good parts included.",
        error_messages={"required": "Write down what they said, even in a few words."},
    )
    my_takeaways = forms.CharField(
        max_length=TEXT_MAX_CHARS,
        label="Your takeaways",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What you will keep, try or change next time. Only you see this.",
    )
    tone = forms.ChoiceField(
        label="How did it come across?",
        choices=Tone.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how the feedback came across."},
    )


class CloseForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (RequestStatus.DECLINED, RequestStatus.DECLINED.label),
            (RequestStatus.NO_ANSWER, RequestStatus.NO_ANSWER.label),
        ],
        error_messages={"invalid_choice": "Choose how the request ended."},
    )
