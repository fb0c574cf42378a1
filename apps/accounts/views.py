from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from apps.accounts import selectors, services
from apps.accounts.forms import (
    ApiTokenForm,
    DeleteAccountForm,
    InviteForm,
    PasswordChangeWithTokensForm,
    ProfileForm,
    SignUpForm,
)
from apps.accounts.models import ApiToken, Invite
from apps.core.access import get_owned_or_404
from apps.core.dates import today_for
from apps.core.forms import add_service_errors


@login_not_required
@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard:home")
    mode = services.signup_mode()
    invite = request.POST.get("invite") or request.GET.get("invite") or ""
    if not services.signup_allowed(invite):
        context = {"mode": mode, "invite": invite, "invite_needed": services.INVITE_NEEDED,
                   "invite_spent": services.INVITE_SPENT}  # fmt: skip
        return render(request, "accounts/signup_unavailable.html", context, status=403)
    form = SignUpForm(request.POST or None, initial={"invite": invite})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
                timezone=form.cleaned_data["timezone"],
                invite=form.cleaned_data["invite"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            greeting = f"Welcome to Rebound, {user.name}." if user.name else "Welcome to Rebound."
            messages.success(request, f"{greeting} Your account is ready.")
            return redirect("dashboard:home")
    return render(request, "accounts/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
def profile_settings(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_settings_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Settings saved.")
            return redirect("accounts:settings")
    context = {"form": form, "api_token_count": selectors.api_tokens_for(user=request.user).count()}
    return render(request, "accounts/settings.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """Personal access tokens for the API. A new token's secret is in this one response and
    nowhere else (only its digest is stored), so the page is never cached."""
    form = ApiTokenForm(request.POST or None)
    created = secret = None
    if request.method == "POST" and form.is_valid():
        try:
            created, secret = services.api_token_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = ApiTokenForm()
    context = {
        "form": form,
        "tokens": selectors.api_tokens_for(user=request.user),
        "created": created,
        "secret": secret,
        "today": today_for(request.user),
    }
    return render(request, "accounts/api_tokens.html", context)


@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_owned_or_404(ApiToken, request.user, pk=pk)
    services.api_token_revoke(token=token)
    messages.success(request, f"Revoked “{token.name}”. Anything using it is refused from now on.")
    return redirect("accounts:api_tokens")


@never_cache
@require_http_methods(["GET", "POST"])
def invites(request: HttpRequest) -> HttpResponse:
    """Invite links for sign-up by invitation. A new link is in this one response only."""
    form = InviteForm(request.POST or None)
    created = link = None
    if request.method == "POST" and form.is_valid():
        created, secret = services.invite_create(owner=request.user, **form.cleaned_data)
        link = request.build_absolute_uri(reverse("accounts:signup") + f"?invite={secret}")
        form = InviteForm()
    context = {
        "form": form,
        "invites": selectors.invites_for(user=request.user),
        "created": created,
        "link": link,
        "mode": services.signup_mode(),
        "today": timezone.now().date(),
    }
    return render(request, "accounts/invites.html", context)


@require_POST
def invite_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    invite = get_owned_or_404(Invite, request.user, pk=pk)
    services.invite_revoke(invite=invite)
    messages.success(request, "The invite link no longer works.")
    return redirect("accounts:invites")


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user=user)
        messages.info(request, "Your account and everything in it have been deleted.")
        return redirect("dashboard:home")
    return render(request, "accounts/delete.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, offering to revoke the API tokens at the same time."""

    form_class = PasswordChangeWithTokensForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: PasswordChangeWithTokensForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.info(
            self.request,
            "Your calendar feed has a new address too. If a calendar app follows it, copy "
            "the new one from Settings.",
        )
        if form.revoked_tokens:
            messages.info(
                self.request,
                f"Your {form.revoked_tokens} API token{pluralize(form.revoked_tokens)} "
                "no longer work. Make new ones in settings when you need them.",
            )
        return response
