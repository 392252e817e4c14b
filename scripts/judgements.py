"""Load and check ``judgements.toml``: the reviewed facts the spec does not give.

The spec says what a method sends and returns, not whether repeating it is
harmless, nor which fields hold credentials. Those are judgements, made once
by a reviewer in ``scripts/judgements.toml``; this module reads that table and
refuses to let the generator run on a spec it does not match:

* every Comet Server method and account API endpoint must be judged retry-safe
  or not, and the table must name no method the spec lacks;
* every ``Struct.Field`` in the table must exist in the spec;
* a string, bytes or map field whose name looks secret (``SEED``, the old name
  pattern) must be judged one way or the other, so a new ``FooPassword`` in a
  later spec cannot pass unreviewed;
* every ``secret_params`` name must be a parameter or an auth field.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent / "judgements.toml"

SEED = re.compile(
    r"(Pass|Secret|Token|Credential|PrivateKey|AccountKey|AccessKey|EncryptionKey|BucketKey|"
    r"TOTPKey|SessionKey|APIKey|AppKey|PartnerKey|ReadWriteKey|CertKey|SecretKey|Headers|^Key$)"
)
"""Names that look secret; such fields must be judged (the table decides, not this)."""
SEED_EXCEPT = re.compile(r"(ID|Type|Mode|Format|Path|File|Name)$")
SEED_KINDS = ("string", "bytes", "map")


class JudgementError(Exception):
    """The table and the spec disagree; the message lists every disagreement."""


@dataclass(frozen=True)
class Judgements:
    retry_safe: dict[str, bool]
    account_retry_safe: dict[str, bool]
    secret_fields: dict[str, str]
    not_secret_fields: dict[str, str]
    secret_params: dict[str, str]
    account_secret_params: dict[str, str]

    @classmethod
    def load(cls, path: Path = TABLE) -> Judgements:
        data: dict[str, Any] = tomllib.loads(path.read_text())
        return cls(
            retry_safe=dict(data["comet_server"]["retry_safe"]),
            account_retry_safe=dict(data["account_api"]["retry_safe"]),
            secret_fields=dict(data["secret_fields"]),
            not_secret_fields=dict(data["not_secret_fields"]),
            secret_params=dict(data["comet_server"]["secret_params"]),
            account_secret_params=dict(data["account_api"]["secret_params"]),
        )

    def secrets_of(self, struct: str) -> list[str]:
        """The secret field names of one struct, sorted."""
        return sorted(
            key.split(".", 1)[1] for key in self.secret_fields if key.startswith(struct + ".")
        )

    def secret_keys(self, json_names: dict[str, str]) -> list[str]:
        """Wire keys whose values are credentials: secret fields' JSON names and params."""
        fields = {json_names[key] for key in self.secret_fields}
        return sorted(fields | set(self.secret_params) | set(self.account_secret_params))


def _compare(what: str, table: Iterable[str], spec: Iterable[str]) -> list[str]:
    table_set, spec_set = set(table), set(spec)
    problems = [f"{what}: {name} is in the spec but not judged" for name in spec_set - table_set]
    problems += [f"{what}: {name} is judged but not in the spec" for name in table_set - spec_set]
    return sorted(problems)


def _malformed(judged: Judgements) -> list[str]:
    """Entries of the wrong shape: a retry judgement is true/false, a secret has a reason."""
    problems = [
        f"{name} = {value!r}: retry_safe must be true or false"
        for table in (judged.retry_safe, judged.account_retry_safe)
        for name, value in table.items()
        if not isinstance(value, bool)
    ]
    reasons = (
        judged.secret_fields,
        judged.not_secret_fields,
        judged.secret_params,
        judged.account_secret_params,
    )
    problems += [
        f"{name}: give the reason as a non-empty string"
        for table in reasons
        for name, why in table.items()
        if not (isinstance(why, str) and why.strip())
    ]
    return problems


def check(
    judged: Judgements,
    methods: list[dict[str, Any]],
    structs: dict[str, dict[str, Any]],
    kind_of: Callable[[str], str],
    auth_fields: Iterable[str],
    endpoints: list[dict[str, Any]] | None,
    account_auth_fields: Iterable[str] = (),
) -> dict[str, str]:
    """Raise :class:`JudgementError` unless the table fits the spec; return JSON names.

    ``kind_of`` maps a spec type to its kind (``string``, ``map``, ...).
    ``endpoints`` is None when no account API spec is at hand.
    """
    problems = _malformed(judged)
    problems += _compare("retry_safe", judged.retry_safe, (m["name"] for m in methods))
    if endpoints is not None:
        names = (e["name"] for e in endpoints)
        problems += _compare("account retry_safe", judged.account_retry_safe, names)
    fields = {f"{s}.{f['name']}": f for s, struct in structs.items() for f in struct["fields"]}
    for table in ("secret_fields", "not_secret_fields"):
        for key in getattr(judged, table):
            if key not in fields:
                problems.append(f"{table}: {key} is not a field in the spec")
    both = set(judged.secret_fields) & set(judged.not_secret_fields)
    problems += [f"{key} is judged both secret and not secret" for key in sorted(both)]
    for key, field in sorted(fields.items()):
        name = field["name"]
        looks_secret = SEED.search(name) and not SEED_EXCEPT.search(name)
        judged_either = key in judged.secret_fields or key in judged.not_secret_fields
        if looks_secret and kind_of(field["type"]) in SEED_KINDS and not judged_either:
            problems.append(f"{key} looks secret but is not judged (secret_fields or not_secret)")
    params = {p["name"] for m in methods for p in m["params"]} | set(auth_fields)
    unknown = sorted(set(judged.secret_params) - params)
    if endpoints is not None:
        account_params = {p["name"] for e in endpoints for p in e["params"]}
        account_params |= set(account_auth_fields)
        unknown += sorted(set(judged.account_secret_params) - account_params)
    problems += [f"secret_params: {name} is no parameter or auth field" for name in unknown]
    if problems:
        raise JudgementError(
            f"scripts/judgements.toml does not match the spec ({len(problems)} problems):\n  "
            + "\n  ".join(problems)
        )
    return {key: field["json"] for key, field in fields.items()}
