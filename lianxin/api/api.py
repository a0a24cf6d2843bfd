"""The JSON API at /api/v1/ (django-ninja); OpenAPI at /api/v1/openapi.json.

Authentication: a bearer token (`Authorization: Bearer lx_...`, made with `lianxin token`)
for scripts and trusted systems, or the staff session (with CSRF for writes). Apps add
their routers here.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.security import django_auth

from lianxin.cases.api import router as cases_router
from lianxin.catalog.api import router as catalog_router
from lianxin.core.errors import ApplicationError
from lianxin.discipline.api import router as discipline_router
from lianxin.liaison.api import router as liaison_router
from lianxin.org.api import router as org_router
from lianxin.partywork.api import router as partywork_router
from lianxin.stats.api import router as stats_router

from .auth import TokenAuth

api = NinjaAPI(
    title="lianxin API",
    version="1",
    description="连心 lianxin: register, contact work and scorecards of grassroots units.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(ApplicationError)
def application_error(request, exc: ApplicationError):
    return api.create_response(request, {"detail": [exc.as_dict()]}, status=400)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    """Malformed input answers 400 (not 422), like every other refusal."""
    return api.create_response(request, {"detail": exc.errors}, status=400)


@api.exception_handler(DataError)
def data_error(request, exc: DataError):
    """Input the database cannot hold (a NUL character in text on PostgreSQL, a number out of
    its column's range) is bad input: 400, never 500. The action's transaction has rolled
    back; the validation of the schemas catches the usual cases before this."""
    return api.create_response(
        request,
        {"detail": [{"field": None, "code": "invalid", "message": _("A value cannot be stored.")}]},
        status=400,
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": _("Forbidden")}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not Found"}, status=404)


api.add_router("/org/", org_router)
api.add_router("/cases/", cases_router)
api.add_router("/partywork/", partywork_router)
api.add_router("/catalog/", catalog_router)
api.add_router("/liaison/", liaison_router)
api.add_router("/discipline/", discipline_router)
api.add_router("/scorecards/", stats_router)
