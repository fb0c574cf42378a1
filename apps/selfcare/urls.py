app_name = "selfcare"

urlpatterns: list = []
