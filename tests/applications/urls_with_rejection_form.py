from tests.applications.rejection_urls import handler404, handler500, with_form

urlpatterns = with_form()

__all__ = ["handler404", "handler500", "urlpatterns"]
