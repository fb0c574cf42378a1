import zoneinfo

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm

from apps.accounts import services
from apps.accounts.models import ApiToken, Invite, TokenAccess, User, normalise_email
from apps.accounts.selectors import api_tokens_for
from apps.accounts.services import EMAIL_TAKEN
from apps.core.forms import ENTER_A_DATE, DateField, DateInput


def timezone_choices() -> list[tuple[str, str]]:
    # Not stored on the model field: the list changes with tzdata releases, and a
    # migration per release would be noise.
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    display_name = forms.CharField(
        label="What should we call you?",
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        help_text=(
            "Optional. Used in greetings and drafted messages; "
            "without it, drafts leave a space for your name."
        ),
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not a common password and not all numbers.",
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # Filled in by static/js/timezone.js from the browser; UTC when JavaScript is off
    # or the browser names a zone we do not know. It can be changed in settings.
    timezone = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    # The secret of the invite link the person came from, when sign-up is by invitation.
    invite = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(EMAIL_TAKEN)
        return email

    def clean_timezone(self) -> str:
        sent = self.cleaned_data.get("timezone", "")
        return sent if sent in zoneinfo.available_timezones() else "UTC"

    def clean(self):
        cleaned = super().clean()
        password1 = cleaned.get("password1")
        password2 = cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords are not the same.")
        elif password1:
            candidate = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        # As long as a stored address may be: a longer one cannot match an account, and
        # the lockout's record of attempts keeps 255 characters.
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": "That email address and password do not match an account. "
        "Check both and try again.",
        "inactive": "This account is switched off.",
    }


KEEP_WHEN_EMPTY = ("stale_after_days", "digest", "digest_hour", "reminder_hours_before")


class ProfileForm(forms.ModelForm):
    timezone = forms.ChoiceField(
        choices=timezone_choices,
        help_text="Dates such as “today” and “this week” follow this timezone.",
    )

    class Meta:
        model = User
        fields = list(services.SETTINGS_FIELDS)
        field_classes = {"resting_until": DateField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Left empty, these settings keep their current values.
        for name in KEEP_WHEN_EMPTY:
            self.fields[name].required = False

    def _clean_kept(self, name: str):
        value = self.cleaned_data.get(name)
        return getattr(self.instance, name) if value in (None, "") else value

    def clean_digest(self):
        return self._clean_kept("digest")

    def clean_digest_hour(self):
        return self._clean_kept("digest_hour")

    def clean_reminder_hours_before(self):
        return self._clean_kept("reminder_hours_before")

    def clean_stale_after_days(self):
        days = self.cleaned_data.get("stale_after_days")
        return self.instance.stale_after_days if days is None else days


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To make sure it is really you.",
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not right. Nothing was deleted.")
        return password


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "access", "expires_on"]
        labels = {"access": "What it may do", "expires_on": "Expires after"}
        help_texts = {
            "access": "Read only is enough for a script that looks things up.",
            "expires_on": "Optional. It works through this day, then stops. "
            "Leave empty for a token that lasts until you revoke it.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"placeholder": "For example: phone shortcut"}),
            "access": forms.RadioSelect,
            "expires_on": DateInput(),
        }
        error_messages = {
            "name": {"required": "Give the token a name, for example “phone shortcut”."},
            "expires_on": {"invalid": ENTER_A_DATE},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["access"].choices = TokenAccess.choices

    def _post_clean(self):
        # The service checks the whole token (with its owner and today's date).
        pass


class PasswordChangeWithTokensForm(PasswordChangeForm):
    """Django's password change, plus the offer to revoke the API tokens: a new password
    often means something leaked."""

    revoke_api_tokens = forms.BooleanField(
        label="Also revoke my API tokens",
        required=False,
        initial=True,
        help_text="Scripts and shortcuts that use them stop working until you make new ones.",
    )
    revoked_tokens = 0  # how many the save revoked, for the message that follows

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        if not api_tokens_for(user=user).exists():
            del self.fields["revoke_api_tokens"]

    def save(self, commit: bool = True) -> User:
        self.revoked_tokens = services.password_change(
            user=self.user,
            password=self.cleaned_data["new_password1"],
            revoke_api_tokens=self.cleaned_data.get("revoke_api_tokens", False),
        )
        return self.user


class PasswordResetSetForm(SetPasswordForm):
    """The last step of a password reset, saved through the same service as a change (so
    the calendar feed's address changes too)."""

    def save(self, commit: bool = True) -> User:
        services.password_change(user=self.user, password=self.cleaned_data["new_password1"])
        return self.user


class InviteForm(forms.ModelForm):
    class Meta:
        model = Invite
        fields = ["note"]
