from django.urls import path

app_name = "exchange"
urlpatterns = []
