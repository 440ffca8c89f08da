from django.urls import NoReverseMatch, reverse

from .navigation import MAIN_MENU


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_menu": []}
    items = []
    for label, url_name, roles in MAIN_MENU:
        if not user.is_superuser and roles is not None and not (
                roles(user) if callable(roles) else getattr(user, "role", None) in roles):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": False})
    # Only the most specific entry is active (/de-nghi/hoi-dong/ is "Hội đồng", not "Hồ sơ").
    matches = [item for item in items if request.path.startswith(item["url"])]
    if matches:
        max(matches, key=lambda item: len(item["url"]))["active"] = True
    return {"main_menu": items}
