from django.urls import path

from apps.dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("panels/pipeline/", views.pipeline_panel, name="pipeline_panel"),
    path("panels/follow-ups/", views.follow_ups_panel, name="follow_ups_panel"),
]
