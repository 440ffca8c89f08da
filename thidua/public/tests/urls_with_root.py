"""The project's URLs plus the root verification mount, for tests run before thidua/urls.py
includes thidua.public.root_urls (see conftest.py)."""
from django.urls import include, path

from thidua.urls import urlpatterns as project_patterns

urlpatterns = [*project_patterns, path("", include("thidua.public.root_urls"))]
