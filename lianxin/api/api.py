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
from ninja.errors import HttpError, ValidationError
from ninja.security import django_auth

from lianxin.cases.api import router as cases_router
from lianxin.cases.setup_api import router as register_router
from lianxin.catalog.api import router as catalog_router
from lianxin.catalog.guides_api import router as catalog_guides_router
from lianxin.catalog.request_api import router as catalog_steps_router
from lianxin.catalog.review_api import router as catalog_review_router
from lianxin.core.errors import ApplicationError, InputErrors
from lianxin.discipline.api import router as discipline_router
from lianxin.liaison.api import router as liaison_router
from lianxin.liaison.points_api import router as contact_points_router
from lianxin.mediation.api import router as mediation_router
from lianxin.org.api import router as org_router
from lianxin.partywork.api import router as partywork_router
from lianxin.rules.api import router as rules_router
from lianxin.stats.api import router as stats_router

from . import errors
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
    """Input that does not fit the schema answers 422 with every field error at once, each
    as {field, code, message} (decision 019)."""
    return api.create_response(request, {"detail": errors.field_errors(exc.errors)}, status=422)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    """A body that is not JSON at all answers 400 in the shape of every other refusal."""
    if exc.status_code != 400:
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
    detail = [{"field": None, "code": "parse", "message": _("The body is not valid JSON.")}]
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(InputErrors)
def input_errors(request, exc: InputErrors):
    return api.create_response(request, {"detail": exc.as_list()}, status=422)


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
api.add_router("/register/", register_router)
api.add_router("/partywork/", partywork_router)
api.add_router("/rules/", rules_router)
api.add_router("/catalog/", catalog_router)
api.add_router("/catalog/", catalog_steps_router)
api.add_router("/catalog/", catalog_guides_router)
api.add_router("/catalog/", catalog_review_router)
api.add_router("/liaison/", liaison_router)
api.add_router("/contact-points/", contact_points_router)
api.add_router("/mediation/", mediation_router)
api.add_router("/discipline/", discipline_router)
api.add_router("/scorecards/", stats_router)
