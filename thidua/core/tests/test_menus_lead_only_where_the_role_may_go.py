"""Menus show only what the role may open: no menu link answers 403 (issue #16, item 9)."""
import re

import pytest

from thidua.accounts.models import Role, User
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="mainnav"[^>]*>(.*?)</nav>', re.S)


def _user(role: str, unit: Organisation) -> User:
    return User.objects.create_user(username=f"menu-{role}", password="x-Không-đoán-được-42", role=role,
                                    unit=unit, first_name="Thử", last_name=role)


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_menu_link_of_a_role_opens(client, role):
    commune = Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, valid_until__isnull=True).first()
    unit = commune.children.filter(valid_until__isnull=True).exclude(kind=Organisation.Kind.VILLAGE).first() \
        if role == Role.CLERK else commune
    client.force_login(_user(role, unit))
    home = client.get("/")
    assert home.status_code == 200
    links = re.findall(r'href="([^"]+)"', NAV.search(home.content.decode()).group(1))
    assert links, "every role has a menu"
    refused = {link: client.get(link, follow=True).status_code for link in links}
    refused = {link: status for link, status in refused.items() if status != 200}
    assert not refused, f"menu links a {role} cannot open: {refused}"
