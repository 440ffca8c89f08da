"""What belongs to a commune's reports: its subtree plus the former bodies merged into it
(the four former communes, "Công an xã Chi Lăng Nam (cũ)"…), the same rule as the
commune-wide users' scope (``thidua.accounts.scoping``)."""
from __future__ import annotations

from django.db.models import Q, QuerySet

from thidua.accounts.scoping import merged_paths, path_q
from thidua.awards.models import Award
from thidua.org.models import Organisation, Person


commune_paths = merged_paths  # the commune's subtree and its former bodies'
_path_q = path_q


def organisations(paths: list[str]) -> QuerySet[Organisation]:
    return Organisation.objects.filter(_path_q(paths, "path"))


def people(paths: list[str]) -> QuerySet[Person]:
    ids = Person.objects.filter(_path_q(paths, "memberships__organisation__path")
                                | _path_q(paths, "household__village__path")).values("pk")
    return Person.objects.filter(pk__in=ids)


def awards(paths: list[str], *, year_from: int | None = None, year_to: int | None = None) -> QuerySet[Award]:
    """Awards (not revoked) of the people, collectives and households of the commune."""
    from thidua.accounts.scoping import path_subject_parts
    from thidua.awards.selectors import award_ids

    years = {"year__gte": year_from} if year_from is not None else {}
    if year_to is not None:
        years["year__lte"] = year_to
    ids = award_ids(path_subject_parts(paths), revoked=False, **years)  # indexed (see award_ids)
    if ids is not None:
        return Award.objects.filter(pk__in=ids).select_related("award_type", "issuer")
    qs = Award.objects.filter(
        Q(person__in=people(paths)) | Q(organisation__in=organisations(paths))
        | _path_q(paths, "household__village__path"), revoked=False, **years)
    return qs.select_related("award_type", "issuer")


def communes(user=None) -> list[Organisation]:
    """Current communes (visible to the user when given), in Vietnamese order."""
    from thidua.core.text import collation_key

    qs = Organisation.objects.filter(kind=Organisation.Kind.COMMUNE, valid_until__isnull=True)
    if user is not None:
        from thidua.accounts.scoping import visible_organisations

        qs = qs.filter(pk__in=visible_organisations(user).values("pk"))
    return sorted(qs, key=lambda o: collation_key(o.name))
