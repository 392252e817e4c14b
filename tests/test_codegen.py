"""The committed generated code is exactly what the generator writes from the spec."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "comet-api" / "spec.json"


def test_generator_check_passes_on_committed_code() -> None:
    if not SPEC.exists():
        # Without ../shared the spec cannot be read; the header test in test_surface
        # still ties every generated file to a spec hash.
        assert (ROOT / "src" / "aiocomet" / "_generated" / "models.py").exists()
        return
    proc = subprocess.run(
        [sys.executable, "scripts/generate.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_generator_check_names_a_differing_file(tmp_path: Path) -> None:
    if not SPEC.exists():
        return
    import json

    spec = json.loads(SPEC.read_text())
    spec["comet_version"] = "99.0.0"
    other = tmp_path / "spec.json"
    other.write_text(json.dumps(spec))
    (tmp_path / "events.json").write_text((SPEC.parent / "events.json").read_text())
    proc = subprocess.run(
        [sys.executable, "scripts/generate.py", "--check", "--spec", str(other)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "src/aiocomet/_generated/" in proc.stdout
