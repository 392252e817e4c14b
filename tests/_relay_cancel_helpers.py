"""What tests/test_relay_cancel.py and tests/test_relay_cancel_guard.py share."""

from __future__ import annotations

ENDS = 10.0  # a cancelled consumer ends within one round trip; this only bounds a failure
