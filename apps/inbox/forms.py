from django import forms
from django.utils import timezone

from apps.applications.models import InterviewKind
from apps.core.uploads import UPLOAD_CEILING_BYTES
from apps.inbox.imap import is_loopback
from apps.inbox.models import Kind, Mailbox, Security
from apps.inbox.parsing import ParsedEmail, UnreadableEmail, parse_bytes, parse_paste

MAX_FILES = 50
MAX_FILE_BYTES = 5 * 1024 * 1024
NEW_APPLICATION = "new"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".eml,message/rfc822"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class ReadForm(forms.Form):
    """Paste one email, or upload up to 50 .eml files."""

    text = forms.CharField(
        label="Paste an email",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text="The whole message with its headers works best (in most mail programs: "
        "“Show original” or “View source”), but the text alone is fine too.",
    )
    files = MultipleFileField(
        label="Or upload .eml files",
        required=False,
        help_text=f"Up to {MAX_FILES} files at once, 5 MB each.",
    )
    kind = forms.ChoiceField(
        label="What is it?",
        required=False,
        choices=[("", "Let Rebound work it out"), *Kind.choices],
        help_text="Only if Rebound reads it wrong.",
    )

    def __init__(self, *args, upload_too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_too_large = upload_too_large
        self.emails: list[tuple[str, ParsedEmail]] = []

    def clean(self):
        cleaned = super().clean()
        if self.upload_too_large:
            raise forms.ValidationError(
                f"That upload was larger than {UPLOAD_CEILING_BYTES // (1024 * 1024)} MB, so "
                "it was not kept. Each email file can be at most 5 MB."
            )
        text = cleaned.get("text", "")
        files = cleaned.get("files") or []
        if self.errors:
            return cleaned
        if not text.strip() and not files:
            raise forms.ValidationError("Paste an email into the box, or choose .eml files.")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                f"That is {len(files)} files; upload at most {MAX_FILES} at a time."
            )
        problems = []
        if text.strip():
            try:
                self.emails.append(("the pasted email", parse_paste(text)))
            except UnreadableEmail as error:
                problems.append(str(error))
        for upload in files:
            if upload.size > MAX_FILE_BYTES:
                problems.append(f"{upload.name}: larger than 5 MB, so it was not read.")
                continue
            try:
                self.emails.append((upload.name, parse_bytes(upload.read())))
            except UnreadableEmail as error:
                problems.append(f"{upload.name}: {error}")
        if problems:
            self.emails = []
            raise forms.ValidationError(
                [*problems, "Nothing was kept. Fix or leave out these and try again."]
            )
        return cleaned


class ActForm(forms.Form):
    """The card's one click, with what can be changed before it: which application, and for
    an interview, when."""

    target = forms.ChoiceField(
        label="Which application?",
        error_messages={
            "required": "Choose which application the email is about.",
            "invalid_choice": "Choose one of your applications, or a new one.",
        },
    )
    company_name = forms.CharField(label="Company", max_length=200, required=False)
    role_title = forms.CharField(label="Role", max_length=200, required=False)
    interview_at = forms.DateTimeField(
        label="Interview date and time",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="Leave it empty if no time is set yet; you can add it later.",
    )
    interview_kind = forms.ChoiceField(
        label="Kind of interview", choices=InterviewKind.choices, required=False
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("target") == NEW_APPLICATION:
            if not cleaned.get("company_name", "").strip():
                self.add_error("company_name", "Type the company.")
            if not cleaned.get("role_title", "").strip():
                self.add_error("role_title", "Type the role.")
        interview_at = cleaned.get("interview_at")
        if interview_at is not None and timezone.is_naive(interview_at):
            cleaned["interview_at"] = timezone.make_aware(interview_at)
        return cleaned


class KindForm(forms.Form):
    kind = forms.ChoiceField(label="Read it as", choices=Kind.choices)


class MailboxForm(forms.ModelForm):
    password = forms.CharField(
        label="App password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Stored encrypted and never shown again. Leave empty to keep the saved one.",
    )

    class Meta:
        model = Mailbox
        fields = ["host", "port", "security", "username", "password", "folder", "since", "enabled"]
        widgets = {"since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {
            "host": "For example imap.fastmail.com or imap.gmail.com.",
            "folder": "Rebound only reads this folder and never changes anything in it.",
            "since": "Older mail is not read. Empty means everything in the folder.",
            "enabled": "Turn it off to stop reading without forgetting the settings.",
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("security") == Security.NONE and not is_loopback(cleaned.get("host", "")):
            self.add_error(
                "security", "Only a server on this machine may be read without encryption."
            )
        if not cleaned.get("password") and not (self.instance and self.instance.password_token):
            self.add_error("password", "Enter the app password for this mailbox.")
        return cleaned
