"""Generated code; see scripts/generate.py.

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""
