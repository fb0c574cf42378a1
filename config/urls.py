from django.urls import include, path

from apps.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("apps.accounts.urls")),
    path("applications/", include("apps.applications.urls")),
    path("rejections/", include("apps.rejections.urls")),
    path("feedback/", include("apps.feedback.urls")),
    path("contacts/", include("apps.contacts.urls")),
    path("self-care/", include("apps.selfcare.urls")),
    path("inbox/", include("apps.inbox.urls")),
    path("export/", include("apps.exports.urls")),
    path("api/", include("apps.api.urls")),
    path("email/", include("apps.jobs.urls")),
    path("", include("apps.dashboard.urls")),
]

handler404 = "apps.core.views.page_not_found"
handler500 = "apps.core.views.server_error"
