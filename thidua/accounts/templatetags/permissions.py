"""``{% if user|can:"manage_council" %}``: a template asks the capability table
(``thidua.accounts.permissions``), never a role. A template builtin (settings.TEMPLATES)."""
from django import template

from thidua.accounts import permissions

register = template.Library()


@register.filter
def can(user, capability: str) -> bool:
    return permissions.can(user, capability)


@register.simple_tag
def can_in(user, capability: str, obj) -> bool:
    """``{% can_in user "decide" commune as may_sign %}``: the capability on a unit or commune."""
    return permissions.can(user, capability, obj)
