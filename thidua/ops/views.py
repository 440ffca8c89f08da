from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@require_GET
@never_cache
def healthz(request):
    """200 when every check is fresh, 503 otherwise; JSON with ages and counts only."""
    healthy, body = health.report()
    return JsonResponse(body, status=200 if healthy else 503)
