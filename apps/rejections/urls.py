from django.urls import path

from apps.rejections import views

app_name = "rejections"

urlpatterns = [
    path("", views.rejection_list, name="list"),
    path("log/", views.quick_log, name="log"),
    path("log/<int:pk>/", views.log_for_application, name="log_for_application"),
    path("plan/", views.plan_panel, name="plan_panel"),
    path("insights/", views.insights, name="insights"),
    path("example/", views.example_plan, name="example"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/plan-body/", views.plan_body, name="plan_body"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/reflect/", views.reflect, name="reflect"),
    path("steps/<int:pk>/", views.step_update, name="step_update"),
    path("steps/<int:pk>/card/", views.step_card, name="step_card"),
    path("steps/<int:pk>/rest/", views.step_rest, name="step_rest"),
    path("steps/<int:pk>/ask-feedback/", views.step_ask_feedback, name="step_ask_feedback"),
]
