from django.conf import settings


def site(request):
    def is_admin():
        from lianxin.org.access import is_any_admin

        return is_any_admin(request.user)

    def is_inspector():
        from lianxin.discipline.access import inspects_any

        return inspects_any(request.user)

    def unread_notices():
        if not request.user.is_authenticated:
            return 0
        from .models import Notice

        return Notice.objects.filter(recipient=request.user, read_at=None).count()

    return {
        "unread_notices": unread_notices,
        "SITE_NAME": settings.LIANXIN_SITE_NAME,
        "ORG_NAME": settings.LIANXIN_ORG_NAME,
        "is_admin": is_admin,
        "is_inspector": is_inspector,
        "SECOND_FACTOR_OFF": not getattr(settings, "LIANXIN_REQUIRE_OTP", True),
    }
