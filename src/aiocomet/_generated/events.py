"""What ``StreamableEvent.Data`` holds for each event type.

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""

from __future__ import annotations

from typing import Final

from .._model import CometModel
from . import constants as c
from . import models as m

EVENT_DATA_TYPES: Final[dict[int, type[CometModel]]] = {
    c.SEVT_META_HELLO: m.ServerMetaVersionInfo,
    c.SEVT_ACCOUNT_NEW: m.UserProfileConfig,
    c.SEVT_ACCOUNT_UPDATED: m.UserProfileConfig,
    c.SEVT_ACCOUNT_ADMIN_NEW: m.AllowedAdminUser,
    c.SEVT_JOB_NEW: m.BackupJobDetail,
    c.SEVT_JOB_COMPLETED: m.BackupJobDetail,
    c.SEVT_POLICY_NEW: m.GroupPolicy,
    c.SEVT_POLICY_UPDATED: m.GroupPolicy,
    c.SEVT_TENANT_NEW: m.Organization,
    c.SEVT_TENANT_UPDATED: m.Organization,
    c.SEVT_DEVICE_NEW: m.DeviceConfig,
    c.SEVT_SERVER_UPDATED: m.ServerConfigOptions,
}
"""Event type number -> the struct its ``Data`` decodes into."""

RESOURCE_ID_IS_REQUEST_PATH: Final[frozenset[int]] = frozenset(
    {
        c.SEVT_ACCOUNT_LOGIN,
        c.SEVT_ACCOUNT_LOGIN_FAILED,
        c.SEVT_ACCOUNT_ADMIN_LOGIN,
        c.SEVT_ACCOUNT_ADMIN_LOGIN_FAILED,
    }
)
