from django.urls import path

from apps.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.request_create, name="create"),
    path("ask/<int:application_pk>/", views.request_ask, name="ask"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/edit/", views.request_edit, name="edit"),
    path("<int:pk>/sent/", views.request_mark_sent, name="mark_sent"),
    path("<int:pk>/answer/", views.request_answer, name="answer"),
    path("<int:pk>/close/", views.request_close, name="close"),
    path("<int:pk>/delete/", views.request_delete, name="delete"),
]
