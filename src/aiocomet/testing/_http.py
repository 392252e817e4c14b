"""The HTTP side of the API: one route per spec method, auth, parameter checks, answers.

Every request goes the same way: an injected failure if one is queued, then
authentication (form fields, or ``X-Comet-Admin-*`` headers for multipart),
then each parameter checked against the method table (missing, or JSON
that does not decode into the parameter's type, is refused naming it),
then either a stateful handler or the zero value of the return type.

Refusals come in the real server's form by default (``error_mode="body"``):
authentication failures keep their HTTP status (403, 449, and 400 for the
wrong kind of account), while application errors (unknown user, policy or
job, bad parameter) answer HTTP 200 with a ``CometAPIResponseMessage`` body,
which every official SDK checks for. ``error_mode="http"`` sends those with
their HTTP status instead. Answers are encoded the way Go encodes them
(:mod:`aiocomet._gojson`), and JSON ``null`` parameters mean the zero value, as in Go.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any, Literal

import msgspec
from aiohttp import BodyPartReader, web

from .._generated.methods import METHODS
from .._gojson import go_encode
from .._methodspec import MethodSpec, ParamSpec
from ._auth import Accounts, AuthError, Principal
from ._faults import EmulatorFaults, MethodFailure
from ._handlers import Call, StatefulAPI
from ._state import StateError

log = logging.getLogger("aiocomet.testing")
AUTH_FIELDS = ("Username", "AuthType", "Password", "SessionKey", "TOTP")
MULTIPART_AUTH_HEADERS = {f"X-Comet-Admin-{name}": name for name in AUTH_FIELDS}
MAX_UPLOAD = 64 * 1024 * 1024
_encoder = msgspec.json.Encoder()
_raw = msgspec.json.Decoder()
_TRUE = {"1", "true", "True"}
_FALSE = {"0", "false", "False", "", "null"}  # Ruby leaves an unset boolean nil
ErrorMode = Literal["body", "http"]
ERROR_MODES: tuple[ErrorMode, ...] = ("body", "http")


class BadRequest(Exception):
    """A request the emulator answers with 400 (or another status) and a message."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(
    status: int, message: str, headers: Mapping[str, str] | None = None, *, http_status: int = 0
) -> web.Response:
    """A ``CometAPIResponseMessage`` body, sent with ``http_status`` (default: ``status``)."""
    body = _encoder.encode({"Status": status, "Message": message})
    return web.Response(
        status=http_status or status,
        body=body,
        content_type="application/json",
        headers=dict(headers or {}),
    )


def zero_value(t: Any) -> Any:
    """The well-typed empty answer for a return type."""
    args = [a for a in typing.get_args(t) if a is not type(None)]
    if typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 1:
        t = args[0]
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
    return value if isinstance(value, bytes) else go_encode(value, spec.decode_type)


def _without_nulls(value: Any) -> Any:
    """JSON with every ``null`` object member dropped, so the field takes its zero value."""
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _parse_param(param: ParamSpec, text: str) -> tuple[Any, str]:
    """The typed value of a parameter and its wire text (``null`` members dropped).

    A Go client sends ``null`` for a nil slice or map and other SDKs leave
    unset members ``null``; like the Go server, the emulator reads them as
    zero values.
    """
    if param.encoding == "raw":
        return text, text
    if param.encoding == "bool":
        if text in _TRUE:
            return True, text
        if text in _FALSE:
            return False, text
        raise BadRequest(f"Invalid parameter {param.name}: expected a boolean (1/0, true/false)")
    try:
        if "null" in text:
            cleaned = _without_nulls(_raw.decode(text))
            if cleaned is None:  # Go leaves the target as it was: the zero value
                zero = zero_value(param.python_type)
                return zero, "{}" if isinstance(zero, msgspec.Struct) else "null"
            text = _encoder.encode(cleaned).decode()
        return msgspec.json.decode(text, type=param.python_type), text
    except msgspec.MsgspecError as exc:
        raise BadRequest(
            f"Invalid parameter {param.name}: not valid JSON for {param.type} ({exc})"
        ) from None


class ApiRoutes:
    """Serves every method of the spec on its path."""

    def __init__(
        self,
        accounts: Accounts,
        api: StatefulAPI,
        faults: EmulatorFaults,
        error_mode: ErrorMode = "body",
    ) -> None:
        if error_mode not in ERROR_MODES:
            raise ValueError(f"error_mode must be one of {ERROR_MODES}, not {error_mode!r}")
        self.accounts = accounts
        self.api = api
        self.faults = faults
        self.error_mode = error_mode

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
                failure.status,
                f"Injected failure of {spec.name}",
                failure.headers,
                http_status=200 if self._injected_in_body(failure) else 0,
            )
        try:
            form, auth_fields, upload = await self._read(request, spec)
            principal = self._authenticate(request, spec, auth_fields)
            call = self._call(spec, principal, form, upload, request.path)
            if not self.api.handles(spec.name):
                body = _zero_body(spec)
            else:
                value = self.api.handle(call)
                if inspect.isawaitable(value):  # a handler that calls out (Custom Remote Bucket)
                    value = await value
                body = value if isinstance(value, bytes) else go_encode(value, spec.decode_type)
        except AuthError as exc:
            return error_response(exc.status, exc.message, exc.headers)
        except BadRequest as exc:
            return self.refusal(exc.status, exc.message)
        except StateError as exc:
            if self.error_mode == "body" and exc.in_body is not None:
                return self.refusal(*exc.in_body)
            return self.refusal(exc.status, exc.message)
        except Exception:
            log.exception("emulator: %s failed", spec.name)
            return error_response(500, f"Internal error in the emulator's {spec.name}")
        if spec.returns_bytes:
            return web.Response(body=body, content_type="application/octet-stream")
        return web.Response(body=body, content_type="application/json")

    def _injected_in_body(self, failure: MethodFailure) -> bool:
        """Whether an injected failure comes in a 200 body (see ``Faults.fail_method``)."""
        if failure.in_body is not None:
            return failure.in_body
        application = 400 <= failure.status < 500 and failure.status not in (429, 449)
        return application and self.error_mode == "body"

    def refusal(self, status: int, message: str) -> web.Response:
        """An application error, in the body of a 200 answer or as an HTTP status."""
        return error_response(status, message, http_status=200 if self.error_mode == "body" else 0)

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
            call.values[param.name], call.raw[param.name] = _parse_param(param, text)
        return call
