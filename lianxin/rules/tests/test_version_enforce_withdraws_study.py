"""When a version comes into force (or the regulation is repealed), the requests to study
the repealed version that are still unread leave the inboxes: nobody is asked to study a
text no longer in force."""

from lianxin.core.models import Notice
from lianxin.rules import actions
from lianxin.rules.tests.conftest import V2


def unread(user, version):
    return Notice.objects.filter(
        recipient=user, url=actions.study_url(version.pk), read_at__isnull=True
    )


def test_the_new_version_replaces_the_request_to_study_the_old(rc):
    assert unread(rc.handler, rc.v1).exists()
    v2 = actions.version_draft(
        regulation=rc.reg, text=V2, issued_by=rc.office, applies_to=rc.root, actor=rc.admin
    )
    v2 = actions.version_enforce(version=v2, actor=rc.admin)
    assert not unread(rc.handler, rc.v1).exists()
    assert unread(rc.handler, v2).exists()


def test_repealing_the_regulation_withdraws_its_requests(rc):
    actions.regulation_repeal(regulation=rc.reg, actor=rc.admin)
    assert not unread(rc.handler, rc.v1).exists()
    assert Notice.objects.filter(url=actions.study_url(rc.v1.pk)).exists()  # kept, as read
