"""Signals other apps listen to (sent after the step's transaction commits)."""

from django.dispatch import Signal

# sent with case, unit, actor once a dispatch is committed (routing learns from it)
case_dispatched = Signal()
