from django.urls import path

from apps.applications import views

app_name = "applications"

urlpatterns = [
    path("", views.application_list, name="list"),
    path("bulk/", views.application_bulk, name="bulk"),
    path("board/", views.application_board, name="board"),
    path("board/<int:pk>/move/", views.application_board_move, name="board_move"),
    path("new/", views.application_create, name="create"),
    path("closing/", views.stale_list, name="stale"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/edit/", views.application_edit, name="edit"),
    path("<int:pk>/delete/", views.application_delete, name="delete"),
    path("<int:pk>/move/", views.application_move, name="move"),
    path("<int:pk>/follow-up/", views.application_follow_up, name="follow_up"),
    path("<int:pk>/interviews/new/", views.interview_create, name="interview_create"),
    path("interviews/<int:pk>/edit/", views.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/outcome/", views.interview_outcome, name="interview_outcome"),
    path("interviews/<int:pk>/delete/", views.interview_delete, name="interview_delete"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("calendar/regenerate/", views.calendar_regenerate, name="calendar_regenerate"),
]
