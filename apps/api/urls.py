from django.urls import path

from apps.api import views
from apps.api.api import api

app_name = "api"

urlpatterns = [
    path("docs/", views.docs, name="docs"),
    path("v1/", api.urls),
]
