from django.urls import path

from apps.jobs import views

app_name = "jobs"

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
