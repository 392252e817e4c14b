"""Emit the Comet Server API methods: the ``methods.py`` table and the ``api.py`` mixin."""

from __future__ import annotations

import json
from typing import Any

from docstrings import Docs
from gen_spec import Spec, header, pylit, snake
from judgements import Judgements


def param_py_name(p: dict[str, Any]) -> str:
    return snake(p["name"])


def return_type(spec: Spec, m: dict[str, Any], prefix: str) -> str:
    if m["returns"]["kind"] == "bytes":
        return "bytes"
    return spec.py_type(m["returns"]["type"], prefix)


def param_type(spec: Spec, p: dict[str, Any], prefix: str) -> str:
    if p["encoding"] == "file":
        return "UploadBody"
    return spec.py_type(p["type"], prefix)


def gen_methods(spec: Spec, judged: Judgements) -> str:
    out = [header(spec, "The method table: wire facts of every Comet Server API method.")]
    out.append("from __future__ import annotations\n\n")
    out.append("from typing import Any, Final\n\n")
    out.append("from .._methodspec import MethodSpec, ParamSpec\nfrom . import models as m\n\n")
    for meth in spec.data["methods"]:
        rt = return_type(spec, meth, "m.")
        params = []
        for p in meth["params"]:
            pt = "bytes" if p["encoding"] == "file" else spec.py_type(p["type"], "m.")
            extra = ", server_url_default=True" if p.get("default") == "server_url" else ""
            params.append(
                f"ParamSpec({json.dumps(p['name'])}, {json.dumps(param_py_name(p))}, "
                f"{json.dumps(p['type'])}, {json.dumps(p['encoding'])}, {p['optional']}, "
                f"{pt}{extra})"
            )
        ptuple = "(" + "".join(x + ", " for x in params) + ")"
        out.append(
            f"{meth['name']}: Final[MethodSpec[{rt}]] = MethodSpec(\n"
            f"    name={json.dumps(meth['name'])},\n"
            f"    python_name={json.dumps(snake(meth['name']))},\n"
            f"    http_method={json.dumps(meth['http_method'])},\n"
            f"    path={json.dumps(meth['path'])},\n"
            f"    content_type={json.dumps(meth['content_type'])},\n"
            f"    auth={json.dumps(meth['auth'])},\n"
            f"    params={ptuple},\n"
            f"    returns={json.dumps(meth['returns']['type'])},\n"
            f"    returns_bytes={meth['returns']['kind'] == 'bytes'},\n"
            f"    decode_type={rt},\n"
            f"    read_only={judged.retry_safe[meth['name']]},\n"
            f"    requires_roles={tuple(meth['requires_roles'])!r},\n"
            f"    since={pylit(meth['since'])},\n"
            f"    stores_session_key={meth['stores_session_key']},\n"
            ")\n"
        )
    out.append("\nMETHODS: Final[dict[str, MethodSpec[Any]]] = {\n")
    out.extend(
        f"    {json.dumps(meth['name'])}: {meth['name']},\n" for meth in spec.data["methods"]
    )
    out.append("}\n")
    return "".join(out)


def signature(spec: Spec, meth: dict[str, Any]) -> tuple[list[str], list[str]]:
    args, body = ["self"], []
    required = [p for p in meth["params"] if not p["optional"]]
    optional = [p for p in meth["params"] if p["optional"]]
    for p in required:
        args.append(f"{param_py_name(p)}: {param_type(spec, p, 'models.')}")
    if optional:
        args.append("*")
    for p in optional:
        args.append(f"{param_py_name(p)}: {param_type(spec, p, 'models.')} | None = None")
    for p in meth["params"]:
        body.append(f"{json.dumps(p['name'])}: {param_py_name(p)}")
    return args, body


def gen_api(spec: Spec, judged: Judgements) -> str:
    out = [header(spec, "One async method per Comet Server API method, mixed into CometClient.")]
    docs = Docs(spec.data, judged.retry_safe)
    out.append("from __future__ import annotations\n\n")
    out.append("from .._api_base import APIBase, DownloadStream, UploadBody\n")
    out.append("from . import methods as _m\nfrom . import models\n\n\n")
    out.append("class GeneratedAPI(APIBase):\n")
    out.append('    """Every Comet Server API method (generated from the spec)."""\n')
    for meth in spec.data["methods"]:
        args, body = signature(spec, meth)
        rt = return_type(spec, meth, "models.")
        doc = docs.method(meth, {p["name"]: param_py_name(p) for p in meth["params"]})
        params = "{" + ", ".join(body) + "}"
        out.append(f"\n    async def {snake(meth['name'])}({', '.join(args)}) -> {rt}:\n")
        out.append('        """' + "\n        ".join(doc) + '\n        """\n')
        out.append(f"        return await self._call(_m.{meth['name']}, {params})\n")
        if meth["returns"]["kind"] == "bytes":
            out.append(
                f"\n    def {snake(meth['name'])}_stream({', '.join(args)}) -> DownloadStream:\n"
            )
            out.append(
                f'        """Stream the body of ``{meth["name"]}`` in chunks '
                '(``async with`` it, then iterate or ``save()``)."""\n'
            )
            out.append(f"        return self._stream(_m.{meth['name']}, {params})\n")
    return "".join(out)
