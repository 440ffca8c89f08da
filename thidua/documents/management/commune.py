"""The ``--commune CODE`` option of the documents commands: a commune's code, by default the
commune this instance serves (settings.THIDUA_HOME_COMMUNE_CODE)."""
from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError

from thidua.org.models import Organisation


def add_commune_argument(parser) -> None:
    parser.add_argument("--commune", default=None, help="Mã xã (mặc định THIDUA_HOME_COMMUNE_CODE)")


def commune_option(options, *, hint: str = "") -> Organisation:
    """The commune named by ``--commune`` (else the instance's); a CommandError when there is none."""
    code = options.get("commune") or settings.THIDUA_HOME_COMMUNE_CODE
    commune = Organisation.objects.filter(code=code, kind=Organisation.Kind.COMMUNE).first()
    if commune is None:
        raise CommandError(f"Không có xã mã “{code}”{': ' + hint if hint else ''}.")
    return commune
