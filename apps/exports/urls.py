from django.urls import path

from apps.exports import views

app_name = "exports"

urlpatterns = [
    path("", views.export_index, name="index"),
    path("all.zip", views.everything_zip, name="everything"),
    path("applications/these.csv", views.applications_filtered_csv, name="applications_filtered"),
    path("<str:dataset>.csv", views.dataset_csv, name="dataset"),
    path("import/", views.import_upload, name="import_upload"),
    path("import/<str:token>/", views.import_mapping, name="import_mapping"),
    path("import/<str:token>/preview/", views.import_preview, name="import_preview"),
    path("import/<str:token>/confirm/", views.import_confirm, name="import_confirm"),
    path("import/<str:token>/discard/", views.import_discard, name="import_discard"),
    path("import/<str:token>/progress/", views.import_progress, name="import_progress"),
    path("restore/", views.restore, name="restore"),
    path("restore/<int:pk>/", views.restore_progress, name="restore_progress"),
]
