"""Who does what with services.

- Administrators of the organisation edit services, guides and commitments.
- Handlers and leaders of a service's handling unit (or of a unit above it) register and
  handle its requests and answer its bad reviews; leaders approve extensions and appeal
  ratings; supervisors of the organisation decide appeals.
- Other staff of the organisation read services and requests with the applicant's phone
  masked; anyone else gets 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from lianxin.org.access import (
    has_role_over,
    home_root_or_404,
    is_admin_of,
    person_grants,
    person_of,
    sees_unit,
)
from lianxin.org.models import Role, Unit

from .models import Service, ServiceRequest

HANDLING = (Role.HANDLER, Role.LEADER)


def may_edit(user, root: Unit) -> bool:
    return is_admin_of(user, root)


def handles(user, service: Service) -> bool:
    return has_role_over(user, service.unit, HANDLING)


def handled_service_ids(user, services) -> set[int]:
    """The ids of `services` whose requests the user handles (the rule of `handles`), from
    his grants read once: a list asks this once, not a query per row."""
    if getattr(user, "is_superuser", False):
        return {s.pk for s in services}
    person = person_of(user)
    if person is None:
        return set()
    paths = [path for role, path in person_grants(person) if role in HANDLING]
    return {s.pk for s in services if any(s.unit.path.startswith(p) for p in paths)}


def leads(user, service: Service) -> bool:
    return has_role_over(user, service.unit, (Role.LEADER,))


def supervises(user, service: Service) -> bool:
    return has_role_over(user, service.root, (Role.SUPERVISOR,))


def access_service(user, pk) -> Service:
    service = Service.objects.filter(pk=pk).select_related("root", "unit").first()
    if service is None or not sees_unit(user, service.root):
        raise Http404
    return service


def access_home_service(user, pk) -> Service:
    """A service of the user's own organisation (the API's services), or 404: a superuser
    who sees every organisation changes only his own's through the API."""
    service = access_service(user, pk)
    if service.root_id != root_of(user).pk:
        raise Http404
    return service


def handled_service(user, root: Unit, pk: int) -> Service:
    """A service of the organisation whose requests the user registers (`handles`), or 403
    (as for a service that is not there)."""
    service = Service.objects.filter(pk=pk, root=root).select_related("unit", "root").first()
    if service is None or not handles(user, service):
        raise PermissionDenied
    return service


def editor_root(user) -> Unit:
    """The user's organisation if he edits its services, guides and commitments; 403 for its
    other staff, 404 for a login of no organisation."""
    root = root_of(user)
    if not may_edit(user, root):
        raise PermissionDenied
    return root


def access_request(user, code: str) -> ServiceRequest:
    req = (
        ServiceRequest.objects.filter(code=code)
        .select_related("service__root", "service__unit", "guide")
        .first()
    )
    if req is None or not sees_unit(user, req.service.root):
        raise Http404
    return req


def root_of(user) -> Unit:
    return home_root_or_404(user)


def handled_services(user, root: Unit) -> list[Service]:
    """The organisation's active services whose requests the user registers and handles."""
    active = Service.objects.filter(root=root, is_active=True).select_related("unit", "root")
    return [s for s in active if handles(user, s)]
