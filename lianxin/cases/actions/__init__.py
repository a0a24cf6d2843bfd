"""Every step of a case. Each function is one transaction that locks the case row, asks the
workflow table whether the actor may take the step in the case's state, changes the case,
appends one timeline entry, and leaves notifications to run after commit.

`actor` is a staff login, or `workflow.CITIZEN` (proven by code + secret in the portal), or
`workflow.SYSTEM` (the clock). `version` is the case version the actor was looking at: if
the case changed meanwhile, the step is refused with "reload".
"""

from .decline import case_decline
from .flags import case_lift_flag
from .followup import (
    case_appeal,
    case_autoclose,
    case_citizen_messages,
    case_confirm,
    case_contact_view,
    case_decide_appeal,
    case_note,
    case_rate,
    case_reject,
    case_remind,
    case_reopen,
    case_supervise,
    case_verify,
)
from .handling import (
    case_accept,
    case_assign,
    case_decide_extension,
    case_pause,
    case_reply,
    case_request_extension,
    case_resume,
)
from .intake import (
    case_answer,
    case_dispatch,
    case_merge,
    case_receive,
    case_return,
    case_withdraw,
)
from .proof import case_phone_proof_check, case_phone_proof_send
from .setup import (
    category_save,
    extension_rule_set,
    reply_template_delete,
    reply_template_save,
    time_limit_delete,
    time_limit_set,
)
from .transfer import case_transfer

__all__ = [
    "category_save",
    "extension_rule_set",
    "time_limit_set",
    "time_limit_delete",
    "reply_template_save",
    "reply_template_delete",
    "case_receive",
    "case_answer",
    "case_dispatch",
    "case_return",
    "case_merge",
    "case_withdraw",
    "case_decline",
    "case_accept",
    "case_assign",
    "case_pause",
    "case_resume",
    "case_request_extension",
    "case_decide_extension",
    "case_reply",
    "case_rate",
    "case_confirm",
    "case_reopen",
    "case_verify",
    "case_reject",
    "case_autoclose",
    "case_appeal",
    "case_decide_appeal",
    "case_remind",
    "case_supervise",
    "case_lift_flag",
    "case_transfer",
    "case_note",
    "case_citizen_messages",
    "case_contact_view",
    "case_phone_proof_send",
    "case_phone_proof_check",
]
