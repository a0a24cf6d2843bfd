from django.conf import settings


def site(request):
    def is_admin():
        from lianxin.org.access import is_any_admin

        return is_any_admin(request.user)

    return {
        "SITE_NAME": settings.LIANXIN_SITE_NAME,
        "ORG_NAME": settings.LIANXIN_ORG_NAME,
        "is_admin": is_admin,
    }
