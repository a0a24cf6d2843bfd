"""What cases contributes to core's registries: the Cases menu entry, the work counters of
the plain home, the timeline's hash chain (`lianxin audit verify`) and the demo cases."""

from django.utils.translation import gettext_lazy as _

from lianxin.core import chains, demo, exportjobs, homes, menu
from lianxin.org import access as org_access

from . import exports

menu.register(
    menu.Entry(
        "cases",
        _("Cases"),
        "workbench:case_queue",
        "inboxes",
        10,
        org_access.opens_workbench_pages,
    )
)


def _work_panel(request):
    from .queries import work_counts

    root = org_access.root_of_request_user(request.user)
    if root is None:
        return None
    return ("cases/_home_work.html", {"work": work_counts(request.user, root)})


homes.register_panel(_work_panel, order=20)


def _verify():
    from .timeline import verify

    return verify()


def _count() -> int:
    from .models import CaseEvent

    return CaseEvent.objects.count()


chains.register("case timeline", verify=_verify, count=_count)


def _load(state: dict) -> None:
    from .demo_data import load_demo_cases

    load_demo_cases(state["units"])


def _summary(state: dict, write) -> None:
    from django.utils.translation import gettext as _

    from lianxin.org.demo_data import ORG

    from .models import Case

    n = Case.objects.filter(root=state["units"][ORG[0]]).count()  # visits and research add some
    write(_("Demo cases: %(n)s.") % {"n": n})


demo.register("cases", _load, order=10, after=("org",), summary=_summary)


exportjobs.register(
    "cases", allowed=exports.allowed, table=exports.cases_table, title=exports.cases_title
)
