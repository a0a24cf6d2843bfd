"""The words for timeline entries and action buttons."""

from django.utils.translation import gettext_lazy as _

EVENT_LABELS = {
    "receive": _("Received"),
    "answer": _("Answered on the spot"),
    "dispatch": _("Dispatched"),
    "merge": _("Merged into an earlier case"),
    "withdraw": _("Withdrawn by the citizen"),
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
    "note": _("Note"),
    "messages_on": _("Messages switched on"),
    "messages_off": _("Messages switched off"),
}

ACTION_LABELS = {
    "dispatch": _("Dispatch"),
    "answer": _("Answer directly"),
    "merge": _("Merge as duplicate"),
    "return": _("Return"),
    "accept": _("Accept"),
    "assign": _("Assign handler"),
    "pause": _("Ask the citizen"),
    "resume": _("Information received"),
    "request_extension": _("Ask for an extension"),
    "decide_extension": _("Decide the extension"),
    "reply": _("Reply"),
    "callback": _("Record callback"),
    "confirm": _("Confirm the reply"),
    "reopen": _("Reopen"),
    "verify": _("Verify rectification"),
    "reject": _("Reject rectification"),
    "appeal": _("Appeal the rating"),
    "decide_appeal": _("Decide the appeal"),
    "remind": _("Remind"),
    "supervise": _("Supervise"),
    "note": _("Add a note"),
}

ACTOR_LABELS = {"citizen": _("citizen"), "system": _("system")}
