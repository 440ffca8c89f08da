from django import template

from thidua.core.text import format_vnd

register = template.Library()


@register.filter
def vnd_number(value):
    """3450000 -> '3.450.000' (numbers of report tables, Vietnamese separators)."""
    if isinstance(value, int):
        return format_vnd(value, suffix="")
    return value
