"""URLconf used only while benchmarking: the app's own URLs plus a bare Django view,
the floor every page is compared with."""
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


def bare(request):
    return HttpResponse("ok")


def layout(request):
    """The staff layout alone (base.html with navigation) for the signed-in user."""
    return render(request, "base.html", {})


urlpatterns = [path("__bench__/bare/", bare), path("__bench__/layout/", layout), path("", include("thidua.urls"))]
