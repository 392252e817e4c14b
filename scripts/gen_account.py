"""Emit ``account.py``, the account.cometbackup.com API, from ``account-api.json``."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from gen_spec import Spec, snake
from judgements import Judgements

ACCOUNT_SPEC = "account-api.json"
JSON_CT = "application/json"
TEXT_CT = "text/plain"
BINARY_CT = "application/octet-stream"
FORMAT_PARAM = "format"  # the param that ``when_format`` responses depend on


class AccountSpec:
    """``account-api.json``: the account.cometbackup.com endpoints."""

    def __init__(self, path: Path) -> None:
        raw = path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        self.data: dict[str, Any] = json.loads(raw)
        self.endpoints: list[dict[str, Any]] = self.data["endpoints"]


def account_params(ep: dict[str, Any]) -> list[dict[str, Any]]:
    """Endpoint params; auth params are the client's business, not the method's."""
    return [p for p in ep["params"] if not p.get("auth")]


def account_param_type(p: dict[str, Any]) -> tuple[str, str, str]:
    """(spec type, wire encoding, Python annotation) of one param."""
    if "enum" in p:
        return "string", "raw", "Literal[" + ", ".join(json.dumps(v) for v in p["enum"]) + "]"
    if isinstance(p.get("default"), int) and not isinstance(p.get("default"), bool):
        return "int", "json", "int"
    return "string", "raw", "str"


def account_success(ep: dict[str, Any]) -> dict[str, str]:
    """2xx content type by ``format`` value ("" when it does not depend on it)."""
    found = {
        r.get("when_format", ""): r["content_type"]
        for r in ep["responses"]
        if 200 <= r["status"] < 300
    }
    if not found or ("" in found and len(found) > 1):
        raise ValueError(f"{ep['name']}: cannot tell what a success response holds")
    if found.get("", JSON_CT) not in (JSON_CT, TEXT_CT, BINARY_CT):
        raise ValueError(f"{ep['name']}: unsupported success content type {found['']!r}")
    return found


def account_json_type(ep: dict[str, Any]) -> str:
    """``dict[str, Any]`` where the spec shows an object, else ``Any`` (shape not given)."""
    bodies = [r["body"] for r in ep["responses"] if 200 <= r["status"] < 300 and "body" in r]
    keys = ep.get("example_response_keys", [])
    if any(isinstance(b, dict) for b in bodies) or any("." in k for k in keys):
        return "dict[str, Any]"
    return "Any"


def account_returns(ep: dict[str, Any]) -> tuple[str, str, bool]:
    """(``returns`` text, Python result type, whether the body is streamed binary)."""
    by_format = account_success(ep)
    if "" not in by_format:
        return "by format: " + ", ".join(f"{k}={v}" for k, v in by_format.items()), "Any", False
    ct = by_format[""]
    if ct == TEXT_CT:
        return ct, "str", False
    if ct == JSON_CT:
        return ct, account_json_type(ep), False
    return ct, "bytes", True


def account_header(spec: Spec, account: AccountSpec, what: str) -> str:
    return (
        f'"""{what}\n\n'
        "GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.\n"
        f"Source: {ACCOUNT_SPEC} sha256 {account.sha256} (spec_format "
        f"{account.data['spec_format']}), shipped with the spec.json of comet_version "
        f"{spec.version}.\n"
        '"""\n\n'
    )


def account_doc(ep: dict[str, Any]) -> list[str]:
    words = re.findall(r"[A-Z][a-z0-9]*|[0-9]+", ep["name"])
    summary = " ".join([words[0]] + [w.lower() for w in words[1:]])
    auth = "account credentials" if ep["auth_required"] else "none"
    lines = [f"{summary} (``{ep['name']}``).", ""]
    lines.append(f"``{ep['http_method']} {ep['path']}`` - auth: {auth}")
    if ep["auth_required"] and not ep["auth_params_documented"]:
        lines.append("The guide lists no auth params here; the account credentials are sent.")
    by_format = account_success(ep)
    if "" not in by_format:
        json_formats = [f"``{k}``" for k, v in by_format.items() if v == JSON_CT]
        raw_formats = [f"``{k}``" for k, v in by_format.items() if v != JSON_CT]
        lines.append(
            f"Returns the decoded JSON for format {', '.join(json_formats)}, the raw body "
            f"(``bytes``) for {', '.join(raw_formats)}."
        )
    elif by_format[""] == TEXT_CT:
        lines.append("Returns the ``text/plain`` body as ``str``, surrounding whitespace removed.")
    elif by_format[""] == JSON_CT:
        lines.append("Returns the decoded JSON body.")
    defaults = [f"{p['name']}={p['default']}" for p in account_params(ep) if "default" in p]
    if defaults:
        lines.append(f"Server defaults: {', '.join(defaults)}.")
    for alias in ep["legacy_aliases"]:
        lines.append(f"Legacy alias (avoid): ``{alias['http_method']} {alias['path']}``.")
    return lines


def account_signature(
    ep: dict[str, Any], extra: str = "", types: dict[str, str] | None = None
) -> tuple[list[str], str]:
    """Arguments (required positional, ``extra``, optional keyword-only) and the params dict.

    ``types`` overrides the annotation of some params (the ``format`` of an overload).
    """
    params = account_params(ep)
    ann = {p["name"]: account_param_type(p)[2] for p in params} | (types or {})
    args = ["self"] + [f"{snake(p['name'])}: {ann[p['name']]}" for p in params if not p["optional"]]
    if extra:
        args.append(extra)
    optional = [p for p in params if p["optional"]]
    if optional:
        args.append("*")
    args += [f"{snake(p['name'])}: {ann[p['name']]} | None = None" for p in optional]
    body = "{" + ", ".join(f"{json.dumps(p['name'])}: {snake(p['name'])}" for p in params) + "}"
    return args, body


def docstring(lines: list[str]) -> str:
    return '        """' + "\n        ".join(lines) + '\n        """\n'


def gen_account_method(ep: dict[str, Any]) -> str:
    name, py = ep["name"], snake(ep["name"])
    _, rt, streamed = account_returns(ep)
    args, body = account_signature(ep)
    if streamed:
        save_args, _ = account_signature(ep, "path: str | os.PathLike[str]")
        stream_doc = [
            *account_doc(ep),
            "Streamed in chunks: ``async with`` it, then iterate or ``save()``.",
        ]
        save_doc = [
            f"Stream ``{name}`` to ``path`` chunk by chunk; returns the bytes written.",
            "",
            "A partial file is removed if the download fails.",
        ]
        return (
            f"\n    def {py}_stream({', '.join(args)}) -> DownloadStream:\n"
            + docstring(stream_doc)
            + f"        return self._stream({name}, {body})\n"
            f"\n    async def {py}_save({', '.join(save_args)}) -> int:\n"
            + docstring(save_doc)
            + f"        return await self._stream({name}, {body}).save(path)\n"
        )
    out = []
    by_format = account_success(ep)
    if "" not in by_format:
        groups: dict[str, list[str]] = {}
        for fmt, ct in by_format.items():
            groups.setdefault("Any" if ct == JSON_CT else "bytes", []).append(fmt)
        for result, formats in groups.items():
            literal = "Literal[" + ", ".join(json.dumps(f) for f in formats) + "]"
            over, _ = account_signature(ep, types={FORMAT_PARAM: literal})
            out.append(f"\n    @overload\n    async def {py}({', '.join(over)}) -> {result}: ...\n")
    out.append(f"\n    async def {py}({', '.join(args)}) -> {rt}:\n")
    out.append(docstring(account_doc(ep)))
    out.append(f"        return await self._call({name}, {body})\n")
    return "".join(out)


def gen_account_auth(data: dict[str, Any]) -> str:
    """The auth facts: param names and the token ``authType`` spellings."""
    token_params: dict[str, str] = {}
    for variant, naming in data["token_auth_naming"].items():
        if token_params.setdefault(naming["authType"], naming["param"]) != naming["param"]:
            raise ValueError(f"token naming {variant}: conflicting params for one authType")
    password = next(a for a in data["auth_types"] if a["authType"] == data["default_auth_type"])
    tokens = sorted(token_params)
    out = [
        f"DEFAULT_BASE_URL: Final = {json.dumps(data['base_url'])}\n",
        f"AUTH_TYPE_PARAM: Final = {json.dumps(data['auth_type_param'])}\n",
        f"PASSWORD_AUTH_TYPE: Final = {json.dumps(password['authType'])}\n",
        f"PASSWORD_AUTH_PARAMS: Final = {tuple(password['params'])!r}\n",
        "TokenAuthType = Literal[" + ", ".join(json.dumps(t) for t in tokens) + "]\n",
        '"""The token ``authType`` values; the guide spells it both ways."""\n\n',
        "TOKEN_AUTH_PARAMS: Final[dict[str, str]] = {\n",
        *(f"    {json.dumps(t)}: {json.dumps(token_params[t])},\n" for t in tokens),
        "}\n",
        '"""Token ``authType`` value -> the form param carrying the token."""\n\n',
    ]
    return "".join(out)


def gen_account_spec(ep: dict[str, Any], judged: Judgements) -> str:
    """One endpoint as a :class:`MethodSpec`, so the Comet Server transport can send it."""
    returns, rt, streamed = account_returns(ep)
    params = []
    for p in account_params(ep):
        ptype, enc, ann = account_param_type(p)
        params.append(
            f"ParamSpec({json.dumps(p['name'])}, {json.dumps(snake(p['name']))}, "
            f"{json.dumps(ptype)}, {json.dumps(enc)}, {p['optional']}, {ann})"
        )
    ptuple = "(" + "".join(x + ", " for x in params) + ")"
    auth = "admin" if ep["auth_required"] else "none"
    return (
        f"\n{ep['name']}: Final[MethodSpec[{rt}]] = MethodSpec(\n"
        f"    name={json.dumps(ep['name'])},\n"
        f"    python_name={json.dumps(snake(ep['name']))},\n"
        f"    http_method={json.dumps(ep['http_method'])},\n"
        f"    path={json.dumps(ep['path'])},\n"
        f"    content_type={json.dumps(ep['request_content_type'] or '')},\n"
        f"    auth={json.dumps(auth)},\n"
        f"    params={ptuple},\n"
        f"    returns={json.dumps(returns)},\n"
        f"    returns_bytes={streamed},\n"
        f"    decode_type={rt},\n"
        f"    read_only={judged.account_retry_safe[ep['name']]},\n"
        ")\n"
    )


def gen_account(spec: Spec, account: AccountSpec, judged: Judgements) -> str:
    endpoints = account.endpoints
    what = "The account.cometbackup.com API: endpoint table and one method each."
    out = [account_header(spec, account, what), "from __future__ import annotations\n\n"]
    typing_names = ["Any", "Final", "Literal"]
    if any("" not in account_success(ep) for ep in endpoints):
        typing_names.append("overload")
    streamed = any(account_returns(ep)[2] for ep in endpoints)
    if streamed:
        out.append("import os\n")
    out.append(f"from typing import {', '.join(typing_names)}\n\n")
    out.append(f"from .._api_base import APIBase{', DownloadStream' if streamed else ''}\n")
    out.append("from .._methodspec import MethodSpec, ParamSpec\n\n")
    out.append(gen_account_auth(account.data))
    out.extend(gen_account_spec(ep, judged) for ep in endpoints)
    out.append("\nENDPOINTS: Final[dict[str, MethodSpec[Any]]] = {\n")
    out.extend(f"    {json.dumps(ep['name'])}: {ep['name']},\n" for ep in endpoints)
    out.append("}\n")
    out.append('"""Every endpoint; ``auth="admin"`` means the account credentials are sent."""\n\n')
    out.append("RESPONSE_TYPES: Final[dict[str, dict[str, str]]] = {\n")
    for ep in endpoints:
        items = [f"{json.dumps(k)}: {json.dumps(v)}" for k, v in account_success(ep).items()]
        out.append(f"    {json.dumps(ep['name'])}: {{{', '.join(items)}}},\n")
    out.append("}\n")
    out.append(f'"""2xx content type by ``{FORMAT_PARAM}`` ("" when it does not matter)."""\n\n')
    out.append("\nclass GeneratedAccountAPI(APIBase):\n")
    out.append('    """Every account.cometbackup.com endpoint (from account-api.json)."""\n')
    out.extend(gen_account_method(ep) for ep in endpoints)
    return "".join(out)


def account_auth_fields(data: dict[str, Any]) -> set[str]:
    """Every auth param name the account API guide uses, in any of its spellings."""
    names = {param for auth in data["auth_types"] for param in auth["params"]}
    return names | {naming["param"] for naming in data["token_auth_naming"].values()}
