from django.urls import path

from apps.contacts import views

app_name = "contacts"

urlpatterns = [
    path("", views.contact_list, name="list"),
    path("new/", views.contact_create, name="create"),
    path("<int:pk>/", views.contact_detail, name="detail"),
    path("<int:pk>/edit/", views.contact_edit, name="edit"),
    path("<int:pk>/delete/", views.contact_delete, name="delete"),
    path("<int:pk>/log/", views.interaction_log, name="log"),
    path("interactions/<int:pk>/delete/", views.interaction_delete, name="interaction_delete"),
    path("<int:pk>/applications/", views.link_application, name="link_application"),
    path("for-application/<int:pk>/", views.link_contact, name="link_contact"),
    path("links/<int:pk>/delete/", views.unlink, name="unlink"),
    path("events/", views.event_list, name="events"),
    path("events/new/", views.event_create, name="event_create"),
]
