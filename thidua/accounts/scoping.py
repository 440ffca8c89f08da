"""The user's scope — ``thidua.org.scoping``, under the name most modules know it by."""
from thidua.org.scoping import (  # noqa: F401
    can_edit_in, can_see_organisation, can_see_person, commune_of, home_commune, is_province_user, merged_paths,
    path_q, path_subject_parts, province_of, scope_paths, subject_parts, visible_organisations, visible_people,
)
