from django.apps import AppConfig


class SelfcareConfig(AppConfig):
    name = "apps.selfcare"
    label = "selfcare"
