"""Generate aiocomet's typed API surface from the Comet Server API spec.

Usage::

    python scripts/generate.py            # write src/aiocomet/_generated/*
    python scripts/generate.py --check    # exit 1 naming the first file that differs
    python scripts/generate.py --spec PATH

The spec lives outside the project (``../shared/comet-api/spec.json``); the
generated modules are committed so that a clone works without it. Output is
piped through ``ruff format`` so it reads like hand-written code.

This module is the command line and the driver (judge, render, format, compare or
write). The emitters are its siblings: ``gen_spec`` (the spec reader and shared
helpers), ``gen_models``, ``gen_methods`` and ``gen_account``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from gen_account import ACCOUNT_SPEC, AccountSpec, account_auth_fields, gen_account
from gen_methods import gen_api, gen_methods
from gen_models import gen_constants, gen_events, gen_models, gen_omitempty
from gen_spec import Spec, header
from judgements import JudgementError, Judgements, check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT.parent / "shared" / "comet-api" / "spec.json"
OUT_DIR = ROOT / "src" / "aiocomet" / "_generated"


def ruff_format(source: str, filename: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", filename, "-"],
        input=source.encode(),
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"ruff format failed on {filename}:\n{proc.stderr.decode()}")
    return proc.stdout.decode()


def gen_judgements(spec: Spec, judged: Judgements, json_names: dict[str, str]) -> str:
    """The reviewed secret wire keys, for redacting error previews by key."""
    out = [header(spec, "Reviewed judgements the spec lacks (from scripts/judgements.toml).")]
    out.append("from __future__ import annotations\n\nfrom typing import Final\n\n")
    out.append("SECRET_KEYS: Final[frozenset[str]] = frozenset(\n    {\n")
    out.extend(f"        {json.dumps(key)},\n" for key in judged.secret_keys(json_names))
    out.append("    }\n)\n")
    out.append('"""JSON keys, form fields and headers-by-field whose values are credentials."""\n')
    return "".join(out)


def judge(spec: Spec, account: AccountSpec | None) -> tuple[Judgements, dict[str, str]]:
    """The reviewed table, checked against the spec (``JudgementError`` if they differ)."""
    judged = Judgements.load()
    json_names = check(
        judged,
        spec.data["methods"],
        spec.structs,
        spec.kind,
        spec.data["conventions"]["form_auth_fields"],
        account.endpoints if account is not None else None,
        account_auth_fields(account.data) if account is not None else (),
    )
    return judged, json_names


def render(spec: Spec, account: AccountSpec | None = None) -> dict[str, str]:
    judged, json_names = judge(spec, account)
    files = {
        "models.py": gen_models(spec, judged),
        "constants.py": gen_constants(spec),
        "methods.py": gen_methods(spec, judged),
        "judgements.py": gen_judgements(spec, judged, json_names),
        "api.py": gen_api(spec, judged),
        "events.py": gen_events(spec),
        "omitempty.py": gen_omitempty(spec),
        "__init__.py": header(spec, "Generated code; see scripts/generate.py."),
    }
    if account is not None:
        files["account.py"] = gen_account(spec, account, judged)
    return {name: ruff_format(src, str(OUT_DIR / name)) for name, src in files.items()}


def first_difference(files: dict[str, str], out_dir: Path) -> str | None:
    for name, text in sorted(files.items()):
        path = out_dir / name
        if not path.exists() or path.read_text() != text:
            return str(path.relative_to(ROOT))
    return None


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--check", action="store_true", help="fail if committed code differs")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec = Spec(args.spec, args.spec.parent / "events.json")
    account_path = args.spec.parent / ACCOUNT_SPEC
    account = AccountSpec(account_path) if account_path.exists() else None
    if account is None:
        print(f"note: no {ACCOUNT_SPEC} next to the spec; _generated/account.py not generated")
    try:
        files = render(spec, account)
    except JudgementError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        diff = first_difference(files, OUT_DIR)
        if diff:
            print(f"generated code is out of date: {diff} (run python scripts/generate.py)")
            return 1
        print("generated code is up to date")
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT_DIR / name).write_text(text)
    print(f"wrote {len(files)} files to {OUT_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
