"""Every change in supervision: one transaction, one audit event, notices after commit."""

from .inspection import finding_record, inspection_finish, inspection_plan
from .ledger import (
    rectification_plan,
    rectification_reject,
    rectification_report,
    rectification_sign_off,
)
from .orders import order_feedback, order_issue, order_lift
from .transfer import complaint_transfer, report_register

__all__ = [
    "inspection_plan",
    "finding_record",
    "inspection_finish",
    "rectification_plan",
    "rectification_report",
    "rectification_sign_off",
    "rectification_reject",
    "order_issue",
    "order_feedback",
    "order_lift",
    "complaint_transfer",
    "report_register",
]
