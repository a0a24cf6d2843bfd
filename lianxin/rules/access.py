"""Who sees and does what with regulations.

- The public reads versions in force (and repealed ones that were in force) on the portal.
- Staff of the organisation read every version, drafts included, and confirm their study.
- Administrators of the organisation draft, enforce and repeal, and make booklets.
- Anyone else in the workbench: 404.
"""

from __future__ import annotations

from django.http import Http404

from lianxin.org.access import home_root_or_404, is_admin_of, organisation_ids

from .models import Regulation, Version


def sees(user, root) -> bool:
    return bool(getattr(user, "is_superuser", False) or root.pk in organisation_ids(user))


def manages(user, root) -> bool:
    return sees(user, root) and is_admin_of(user, root)


def root_of(user):
    return home_root_or_404(user)


def access_regulation(user, pk: int, *, manage: bool = False) -> Regulation:
    regulation = Regulation.objects.select_related("root").filter(pk=pk).first()
    if regulation is None or not sees(user, regulation.root):
        raise Http404
    if manage and not manages(user, regulation.root):
        raise Http404
    return regulation


def access_version(user, pk: int, *, manage: bool = False) -> Version:
    version = (
        Version.objects.select_related("regulation__root", "issued_by", "applies_to")
        .filter(pk=pk)
        .first()
    )
    if version is None or not sees(user, version.regulation.root):
        raise Http404
    if manage and not manages(user, version.regulation.root):
        raise Http404
    return version
