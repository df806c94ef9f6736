from django.conf import settings

from tillit.policy import is_editor

from .navigation import section_of


def portal(request):
    user = getattr(request, "user", None)
    return {
        "portal_name": settings.PORTAL_NAME,
        "user_is_editor": bool(user and is_editor(user)),
        "nav_section": section_of(request.path),
    }
