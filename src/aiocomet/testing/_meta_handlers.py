"""Stateful server methods: version, server config, webhook options, resources.

Changes publish ``SEVT_SERVER_UPDATED`` and reconfigure the emulator's
webhooks. Registered into the handler table of :mod:`._handlers`.
"""

from __future__ import annotations

from typing import Any

import msgspec

from .._generated import constants as c
from .._generated.models import ServerConfigOptions, WebhookOption
from ._handlers import Call, StatefulAPI, ok, stateful
from ._state import defaults, normalize

_raw = msgspec.json.Decoder()


# -- server meta ----------


@stateful("AdminMetaVersion")
def _version(api: StatefulAPI, call: Call) -> Any:
    return api.state.version_info()


@stateful("AdminMetaServerConfigGet")
def _config_get(api: StatefulAPI, call: Call) -> Any:
    return api.config_view()


@stateful("AdminMetaServerConfigSet")
def _config_set(api: StatefulAPI, call: Call) -> Any:
    api.state.set_config(normalize(ServerConfigOptions, call.raw["Config"]))
    api.on_webhooks_changed()
    api.publish(c.SEVT_SERVER_UPDATED, api.config_view(), actor=call.actor)
    return ok()


@stateful("AdminMetaWebhookOptionsGet")
def _webhooks_get(api: StatefulAPI, call: Call) -> Any:
    return api.state.webhooks_stored()


@stateful("AdminMetaWebhookOptionsSet")
def _webhooks_set(api: StatefulAPI, call: Call) -> Any:
    given = _raw.decode(call.raw["WebhookOptions"])  # null: Go's nil map
    base = defaults(WebhookOption)
    api.state.set_webhooks(
        None if given is None else {name: {**base, **option} for name, option in given.items()}
    )
    api.on_webhooks_changed()
    api.publish(c.SEVT_SERVER_UPDATED, api.config_view(), actor=call.actor)
    return ok()


@stateful("AdminMetaResourceNew")
def _resource_new(api: StatefulAPI, call: Call) -> Any:
    return ok(ResourceHash=api.state.add_resource(call.upload or b""))


@stateful("AdminMetaResourceGet")
def _resource_get(api: StatefulAPI, call: Call) -> Any:
    return api.state.resource(call.values["Hash"])
