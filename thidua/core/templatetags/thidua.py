"""Template helpers available everywhere (registered as a builtin in settings)."""
from django import template

from thidua.core.text import format_vnd
from thidua.core.words import amount_in_words

register = template.Library()


@register.filter
def vnd(amount):
    """{{ 3450000|vnd }} -> 3.450.000 đồng"""
    if amount in (None, ""):
        return ""
    return format_vnd(int(amount))


@register.filter
def vnd_words(amount):
    if amount in (None, ""):
        return ""
    return amount_in_words(int(amount))


@register.filter
def percent(value, digits=1):
    if value is None:
        return "—"
    return f"{value:.{int(digits)}f}".replace(".", ",") + " %"


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """Current query string with some parameters replaced (for pagination links); a parameter
    given as ``None`` is dropped (a filter link starts again at the first page)."""
    params = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()
