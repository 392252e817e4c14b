"""The HTTP side of the API: one route per spec method, auth, parameter checks, answers.

Every request goes the same way: an injected failure if one is queued, then
authentication (form fields, or ``X-Comet-Admin-*`` headers for multipart),
then each parameter checked against the method table (missing, or JSON
that does not decode into the parameter's type, answers 400 naming it),
then either a stateful handler or the zero value of the return type.
"""

from __future__ import annotations

import asyncio
import logging
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

import msgspec
from aiohttp import BodyPartReader, web

from .._generated.methods import METHODS
from .._methodspec import MethodSpec, ParamSpec
from ._auth import Accounts, AuthError, Principal
from ._faults import EmulatorFaults
from ._handlers import Call, StatefulAPI
from ._state import StateError

log = logging.getLogger("aiocomet.testing")
AUTH_FIELDS = ("Username", "AuthType", "Password", "SessionKey", "TOTP")
MULTIPART_AUTH_HEADERS = {f"X-Comet-Admin-{name}": name for name in AUTH_FIELDS}
MAX_UPLOAD = 64 * 1024 * 1024
_encoder = msgspec.json.Encoder()
_TRUE = {"1", "true", "True"}
_FALSE = {"0", "false", "False"}


class BadRequest(Exception):
    """A request the emulator answers with 400 (or another status) and a message."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None
) -> web.Response:
    """A ``CometAPIResponseMessage`` body with an HTTP error status."""
    body = _encoder.encode({"Status": status, "Message": message})
    return web.Response(
        status=status, body=body, content_type="application/json", headers=dict(headers or {})
    )


def zero_value(t: Any) -> Any:
    """The well-typed empty answer for a return type."""
    origin = typing.get_origin(t)
    if origin is list:
        return []
    if origin is dict:
        return {}
    if t is bytes:
        return b""
    if isinstance(t, type) and issubclass(t, msgspec.Struct):
        value = t()
        fields = t.__struct_fields__
        if "Status" in fields and "Message" in fields:
            value = msgspec.structs.replace(value, Status=200, Message="OK")
        return value
    return {str: "", int: 0, bool: False, float: 0.0}.get(t)


@cache
def _zero_body(spec: MethodSpec[Any]) -> bytes:
    value = zero_value(spec.decode_type)
    return value if isinstance(value, bytes) else _encoder.encode(value)


def _parse_param(spec: MethodSpec[Any], param: ParamSpec, text: str) -> Any:
    if param.encoding == "raw":
        return text
    if param.encoding == "bool":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadRequest(f"Invalid parameter {param.name}: expected a boolean (1/0, true/false)")
    try:
        return msgspec.json.decode(text, type=param.python_type)
    except msgspec.MsgspecError as exc:
        raise BadRequest(
            f"Invalid parameter {param.name}: not valid JSON for {param.type} ({exc})"
        ) from None


class ApiRoutes:
    """Serves every method of the spec on its path."""

    def __init__(self, accounts: Accounts, api: StatefulAPI, faults: EmulatorFaults) -> None:
        self.accounts = accounts
        self.api = api
        self.faults = faults

    def routes(self) -> list[web.RouteDef]:
        table = []
        for spec in METHODS.values():

            async def handler(request: web.Request, spec: MethodSpec[Any] = spec) -> web.Response:
                return await self.handle(request, spec)

            table.append(web.route(spec.http_method, spec.path, handler))
        return table

    async def handle(self, request: web.Request, spec: MethodSpec[Any]) -> web.Response:
        failure = self.faults.take_method_failure(spec.name)
        if failure is not None:
            if failure.delay > 0:
                await asyncio.sleep(failure.delay)
            return error_response(
                failure.status, f"Injected failure of {spec.name}", failure.headers
            )
        try:
            form, auth_fields, upload = await self._read(request, spec)
            principal = self._authenticate(request, spec, auth_fields)
            call = self._call(spec, principal, form, upload, request.path)
            if not self.api.handles(spec.name):
                body = _zero_body(spec)
            else:
                value = self.api.handle(call)
                body = value if isinstance(value, bytes) else _encoder.encode(value)
        except AuthError as exc:
            return error_response(exc.status, exc.message, exc.headers)
        except (BadRequest, StateError) as exc:
            return error_response(exc.status, exc.message)
        except Exception:
            log.exception("emulator: %s failed", spec.name)
            return error_response(500, f"Internal error in the emulator's {spec.name}")
        if spec.returns_bytes:
            return web.Response(body=body, content_type="application/octet-stream")
        return web.Response(body=body, content_type="application/json")

    async def _read(
        self, request: web.Request, spec: MethodSpec[Any]
    ) -> tuple[dict[str, str], dict[str, str], bytes | None]:
        """Form fields, auth fields and the uploaded file of a request."""
        form: dict[str, str] = {}
        upload: bytes | None = None
        if request.method == "GET":
            form.update(request.query)
        elif request.content_type.startswith("multipart/"):
            upload = await self._read_multipart(request, form)
        elif request.content_type == "application/x-www-form-urlencoded":
            for key, value in (await request.post()).items():
                if isinstance(value, str):
                    form.setdefault(key, value)
        if spec.multipart:
            if not request.content_type.startswith("multipart/"):
                raise BadRequest("Invalid request: expected a multipart/form-data body")
            auth = {
                name: request.headers[header]
                for header, name in MULTIPART_AUTH_HEADERS.items()
                if header in request.headers
            }
        else:
            auth = {}
        for name in AUTH_FIELDS:
            if name not in auth and name in form:
                auth[name] = form[name]
        return form, auth, upload

    async def _read_multipart(self, request: web.Request, form: dict[str, str]) -> bytes | None:
        """Text parts into ``form``; the ``upload`` file part is returned."""
        upload: bytes | None = None
        reader = await request.multipart()
        while (part := await reader.next()) is not None:
            if not isinstance(part, BodyPartReader):
                continue
            if part.name == "upload":
                upload = bytes(await part.read())
                if len(upload) > MAX_UPLOAD:
                    raise BadRequest("Invalid parameter upload: too large", 413)
            elif part.name:
                form[part.name] = await part.text()
        return upload

    def _authenticate(
        self, request: web.Request, spec: MethodSpec[Any], fields: dict[str, str]
    ) -> Principal | None:
        if spec.auth == "none":
            return None
        try:
            return self.accounts.authenticate(fields, spec.auth)
        except AuthError as exc:
            self.api.auth_failed(exc, request.path, spec.auth)
            raise

    def _call(
        self,
        spec: MethodSpec[Any],
        principal: Principal | None,
        form: dict[str, str],
        upload: bytes | None,
        path: str,
    ) -> Call:
        call = Call(spec, principal, upload=upload, path=path)
        for param in spec.params:
            if param.encoding == "file":
                if upload is None and not param.optional:
                    raise BadRequest(f"Missing required parameter {param.name} (a file part)")
                continue
            text = form.get(param.name)
            if text is None:
                if not param.optional:
                    raise BadRequest(f"Missing required parameter {param.name}")
                continue
            call.raw[param.name] = text
            call.values[param.name] = _parse_param(spec, param, text)
        return call
