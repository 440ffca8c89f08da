from .notifications import unread_count


def notifications(request):
    """The bell's count in base.html (core's menu knows nothing of accounts)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
