import datetime

from django import forms
from django.core.exceptions import ValidationError

from apps.applications.selectors import applications_for
from apps.contacts.models import Contact, Interaction, InteractionKind, LinkRole
from apps.contacts.selectors import contacts_for
from apps.core.forms import DateInput


class ContactForm(forms.ModelForm):
    company_name = forms.CharField(
        label="Company",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "company-names", "autocomplete": "off"}),
        help_text="Optional. Type a name: it is matched with your companies or added to them.",
    )
    profile_url = forms.URLField(
        label="LinkedIn or other profile",
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Contact
        fields = [
            "name",
            "company_name",
            "title",
            "kind",
            "email",
            "phone",
            "profile_url",
            "how_we_met",
            "strength",
            "next_follow_up_on",
            "notes",
        ]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "how_we_met": forms.TextInput(),
            "next_follow_up_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "how_we_met": "For example: “former colleague at Acme” or “met at a meetup”.",
            "next_follow_up_on": "Optional. The list shows when it is due.",
        }

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        if self.instance.pk and self.instance.company_id and not self.is_bound:
            self.initial["company_name"] = self.instance.company.name

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError("Enter the person’s name.")
        return name

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "").strip()
        if email:
            clash = Contact.objects.for_user(self.owner).filter(email__iexact=email)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise ValidationError("You already have a contact with this email address.")
        return email

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        return {"name": data.pop("name"), "company_name": data.pop("company_name"), **data}


class InteractionForm(forms.ModelForm):
    """The quick "log an interaction" form for one contact."""

    class Meta:
        model = Interaction
        fields = ["kind", "happened_on", "notes", "follow_up_on"]
        widgets = {
            "happened_on": DateInput(),
            "follow_up_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"follow_up_on": "Optional. Sets the contact’s next follow-up."}

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        if not self.is_bound:
            self.initial.setdefault("happened_on", today)
        self.fields["notes"].required = False

    def clean_happened_on(self) -> datetime.date:
        happened_on = self.cleaned_data["happened_on"]
        if happened_on > self.today:
            raise ValidationError("Choose today or an earlier date.")
        return happened_on

    def clean(self):
        cleaned = super().clean()
        happened_on, follow_up_on = cleaned.get("happened_on"), cleaned.get("follow_up_on")
        if happened_on and follow_up_on and follow_up_on < happened_on:
            self.add_error("follow_up_on", "Choose a date on or after the day you were in touch.")
        return cleaned

    def service_fields(self) -> dict:
        return dict(self.cleaned_data)

    def _post_clean(self):
        # The service validates the whole row (with its owner and contact); the form only
        # checks the fields it shows.
        pass


class EventForm(InteractionForm):
    """An event or online group logged on its own, with the people met there."""

    class Meta(InteractionForm.Meta):
        fields = ["title", "happened_on", "notes", "people_met", "follow_up_on"]
        widgets = {
            **InteractionForm.Meta.widgets,
            "people_met": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"follow_up_on": "Optional. A reminder to follow up on what you heard."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["title"].error_messages["required"] = "Name the event or group."

    def service_fields(self) -> dict:
        return {**self.cleaned_data, "kind": InteractionKind.EVENT}


class ApplicationLinkForm(forms.Form):
    """On a contact's page: link them to one of the person's applications."""

    application = forms.ModelChoiceField(queryset=None, label="Application", empty_label=None)
    role = forms.ChoiceField(label="Their part", choices=LinkRole.choices)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications_for(user=owner).filter(archived=False)


class ContactLinkForm(forms.Form):
    """On an application's page: link one of the person's contacts to it."""

    contact = forms.ModelChoiceField(queryset=None, label="Who", empty_label=None)
    role = forms.ChoiceField(label="Their part", choices=LinkRole.choices)

    def __init__(self, *args, owner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].queryset = contacts_for(owner=owner)
