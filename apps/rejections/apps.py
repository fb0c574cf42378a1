from django.apps import AppConfig


class RejectionsConfig(AppConfig):
    name = "apps.rejections"
    label = "rejections"
