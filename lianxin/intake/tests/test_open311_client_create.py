"""open311_client_create: an administrator of the organisation issues a client system's key,
or a command as the system; an ordinary leader is refused, and so is an action that names
nobody."""

import pytest
from django.core.exceptions import PermissionDenied

from lianxin.core.actor import Actor
from lianxin.intake.actions import open311_client_create
from lianxin.intake.models import Open311Client


def test_a_key_is_issued_by_an_administrator_or_the_system_only(cast):
    with pytest.raises(PermissionDenied):  # the organ's leader does not administer it
        open311_client_create(root=cast.root, name="12345平台", actor=cast.leader)
    with pytest.raises(TypeError):  # None once skipped the check
        open311_client_create(root=cast.root, name="12345平台", actor=None)
    assert not Open311Client.objects.exists()
    _client, key = open311_client_create(root=cast.root, name="12345平台", actor=cast.admin)
    _other, _key = open311_client_create(
        root=cast.root, name="网格平台", actor=Actor.system("open311_key")
    )
    assert key.startswith("o311_") and Open311Client.objects.count() == 2
