from django.urls import path

from apps.selfcare import views

app_name = "selfcare"

urlpatterns = [
    path("", views.history, name="history"),
    path("check-in/", views.checkin, name="checkin"),
]
