from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def queue(request):
    return render(request, "proposals/queue.html", {})


@login_required
def council(request):
    return render(request, "proposals/council.html", {})
