"""Chinese unless the user chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
a clerk whose computer was installed in English. lianxin speaks zh-Hans by default; the
language switch (Django's set_language view, a cookie) is the only way to change it.
"""

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.codes else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


def body_limit(path: str) -> int:
    """The largest request body (bytes) that `path` takes: the longest matching prefix of
    LIANXIN_BODY_LIMITS wins, else LIANXIN_MAX_BODY."""
    best, limit = -1, int(settings.LIANXIN_MAX_BODY)
    for prefix, size in settings.LIANXIN_BODY_LIMITS.items():
        if path.startswith(prefix) and len(prefix) > best:
            best, limit = len(prefix), int(size)
    return limit


class BodyLimitMiddleware:
    """Refuse a request whose declared body is over the limit of its path with HTTP 413,
    before anything reads the body (CSRF, forms, uploads come later in the chain).

    A body without Content-Length (chunked) is never read by Django (it reads exactly
    CONTENT_LENGTH bytes); the web server's own limits apply there.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = -1
        limit = body_limit(request.path_info)
        if declared < 0 or declared > limit:
            return too_large(request, limit)
        return self.get_response(request)


def too_large(request, limit: int):
    from django.http import HttpResponse, JsonResponse
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    mb = max(1, limit // 2**20)
    message = _("The request is too large: at most %(mb)d MB may be sent here.") % {"mb": mb}
    if request.path_info.startswith(("/api/", "/open311/", "/channels/")):
        response: HttpResponse = JsonResponse({"detail": message}, status=413)
    else:
        response = render(request, "errors/413.html", {"message": message}, status=413)
    # The body was not read: the connection cannot be reused for another request.
    response["Connection"] = "close"
    return response


SECOND_FACTOR_GUARDED = ("/workbench/", "/admin/", "/api/")


class SecondFactorMiddleware:
    """Staff with power over others' data (core/secondfactor.py) reach no workbench or admin
    page before their session passed the second factor: they are sent to enrol an
    authenticator app, or to enter its code. On the API a session that has not passed it
    counts as no session (a bearer token still works).

    Comes after django-otp's OTPMiddleware, which marks a verified session on request.user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from . import secondfactor

        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith(SECOND_FACTOR_GUARDED)
            and secondfactor.required()
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and secondfactor.needs_second_factor(user)
        ):
            if path.startswith("/api/"):
                from django.contrib.auth.models import AnonymousUser

                request.user = AnonymousUser()
            else:
                from django.shortcuts import redirect
                from django.urls import reverse
                from django.utils.http import urlencode

                name = (
                    "second_factor"
                    if secondfactor.confirmed_device(user)
                    else "second_factor_enrol"
                )
                target = reverse(name)
                if request.method == "GET":
                    target += "?" + urlencode({"next": request.get_full_path()})
                return redirect(target)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Every HTML page carries LIANXIN_CSP: scripts, styles, fonts and images from this site
    only (the vendored Bootstrap, htmx and our static files), no inline script, no style
    attribute, no framing, forms posting only here. Pages mark elements with data attributes
    and static/js/lianxin.js acts on them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.LIANXIN_CSP

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response


def is_bearer_api(request) -> bool:
    """A JSON API call with a bearer token: it needs no session, flash
    messages, second-factor state or htmx detection (the token is checked
    by the API itself, `lianxin.api.auth`)."""
    return request.path_info.startswith("/api/") and request.META.get(
        "HTTP_AUTHORIZATION", ""
    ).startswith("Bearer ")


def skip_for_bearer_api(path: str):
    """The middleware at `path`, passed over for bearer-token API calls (`is_bearer_api`);
    every other request goes through it as before. A subclass, so that the checks that
    look for the original (the admin's, axes') still find it."""
    inner_class = import_string(path)

    def __call__(self, request):
        if is_bearer_api(request):
            return self.get_response(request)
        return inner_class.__call__(self, request)

    name = f"BearerSkips{inner_class.__name__}"
    return type(name, (inner_class,), {"__call__": __call__, "__qualname__": name})


class BearerApiUserMiddleware(AuthenticationMiddleware):
    """Django's AuthenticationMiddleware, except for bearer-token API calls: nobody is
    logged in until the API checks the token (a session cookie sent along counts for
    nothing, and there is no session to read)."""

    def process_request(self, request):
        if is_bearer_api(request):
            request.user = AnonymousUser()
            return None
        return super().process_request(request)


SessionMiddleware = skip_for_bearer_api("django.contrib.sessions.middleware.SessionMiddleware")
OTPMiddleware = skip_for_bearer_api("django_otp.middleware.OTPMiddleware")
MessageMiddleware = skip_for_bearer_api("django.contrib.messages.middleware.MessageMiddleware")
HtmxMiddleware = skip_for_bearer_api("django_htmx.middleware.HtmxMiddleware")
