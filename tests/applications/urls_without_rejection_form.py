from tests.applications.rejection_urls import handler404, handler500, without_form

urlpatterns = without_form()

__all__ = ["handler404", "handler500", "urlpatterns"]
