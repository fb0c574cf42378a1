app_name = "rejections"

urlpatterns: list = []
