from django import template

from ..models import format_number

register = template.Library()


@register.filter
def points(value):
    """{{ score|points }}: 98 -> '98', 4.50 -> '4,5', None -> ''."""
    if value in (None, ""):
        return ""
    return format_number(value)
