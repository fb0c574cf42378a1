from django.urls import path

from apps.inbox import views

app_name = "inbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:pk>/act/", views.act, name="act"),
    path("<int:pk>/dismiss/", views.dismiss, name="dismiss"),
    path("<int:pk>/kind/", views.reclassify, name="reclassify"),
    path("mailbox/", views.mailbox, name="mailbox"),
    path("mailbox/test/", views.mailbox_test, name="mailbox_test"),
    path("mailbox/read/", views.mailbox_poll, name="mailbox_poll"),
    path("mailbox/disconnect/", views.mailbox_delete, name="mailbox_delete"),
]
