"""The words for timeline entries and action buttons."""

from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "receive": _("Received"),
    "answer": _("Answered on the spot"),
    "dispatch": _("Dispatched"),
    "merge": _("Merged into an earlier case"),
    "withdraw": _("Withdrawn by the citizen"),
    "decline": _("Not accepted for handling"),
    "return": _("Returned to the dispatcher"),
    "accept": _("Accepted"),
    "assign": _("Handler assigned"),
    "pause": _("More information asked of the citizen"),
    "resume": _("Information received, clock running again"),
    "request_extension": _("Extension requested"),
    "decide_extension": _("Extension decided"),
    "reply": _("Replied"),
    "rate": _("Rated by the citizen"),
    "callback": _("Callback recorded"),
    "confirm": _("Unsatisfied rating reviewed, reply confirmed"),
    "reopen": _("Reopened for handling again"),
    "verify": _("Rectification verified"),
    "reject": _("Rectification not accepted"),
    "autoclose": _("Closed without a rating after 7 days"),
    "appeal": _("Rating appealed"),
    "decide_appeal": _("Appeal decided"),
    "remind": _("Reminder (催办)"),
    "supervise": _("Supervision (督办)"),
    "lift_flag": _("Flagged supervision lifted"),
    "transfer": _("Transferred to the discipline office"),
    "note": _("Note"),
    "messages_on": _("Messages switched on"),
    "messages_off": _("Messages switched off"),
}

# The labels of the steps (buttons) are declared with the steps: steps.STEPS.

ACTOR_LABELS = {"citizen": _("citizen"), "system": _("system")}
