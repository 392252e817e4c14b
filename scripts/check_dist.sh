#!/usr/bin/env bash
# Build the sdist and the wheel as a release would, and check them as a user gets them:
#   1. python -m build, then twine check --strict (the metadata PyPI renders);
#   2. the long description works on PyPI (no relative links, no `pip install -e`);
#   3. the wheel in a clean venv outside the repo: import, `aiocomet --help`, the demo,
#      and the pytest plugin with only the `testing` extra (the docs' example);
#   4. the unpacked sdist is complete: `pytest --co` collects the whole suite.
# Usage: bash scripts/check_dist.sh   (PYTHON=python3.11 to pick the interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
ROOT=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$PY" -m venv "$WORK/tools"
"$WORK/tools/bin/python" -m pip install -q --upgrade pip
"$WORK/tools/bin/python" -m pip install -q "build>=1.2" "twine>=6.1"

echo "== python -m build"
rm -rf "$WORK/dist"
# A warning from the build backend (a deprecated setting, a missing file) fails the check.
"$WORK/tools/bin/python" -m build --outdir "$WORK/dist" . > "$WORK/build.log" 2>&1 || {
    cat "$WORK/build.log"
    exit 1
}
if grep -iE "deprecat|SetuptoolsWarning|no files found" "$WORK/build.log"; then
    echo "the build printed the warnings above"
    exit 1
fi
ls -l "$WORK/dist"
wheel=$(ls "$WORK"/dist/*.whl)
sdist=$(ls "$WORK"/dist/*.tar.gz)

echo "== twine check --strict"
"$WORK/tools/bin/twine" check --strict "$WORK"/dist/*

echo "== the long description works on PyPI"
"$WORK/tools/bin/python" scripts/check_long_description.py "$wheel"

echo "== the wheel in a clean venv outside the repo"
"$PY" -m venv "$WORK/user"
"$WORK/user/bin/python" -m pip install -q --upgrade pip
"$WORK/user/bin/python" -m pip install -q "$wheel[testing]"
mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere"
"$WORK/user/bin/python" -c "import aiocomet, aiocomet.testing; print('aiocomet', aiocomet.__version__)"
"$WORK/user/bin/aiocomet" --help > /dev/null
"$WORK/user/bin/aiocomet" demo --duration 5 --plain > demo.log 2>&1 || {
    cat demo.log
    exit 1
}
tail -n 2 demo.log
# The testing guide's example, as a user writes it: the plugin and the guide's pytest config.
cat > test_plugin_example.py <<'EOF'
from aiocomet import CometClient
from aiocomet.testing import CometEmulator

pytest_plugins = ["aiocomet.testing.pytest_plugin"]


async def test_add_user(comet_emulator: CometEmulator) -> None:
    emu = comet_emulator
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
        await client.admin_add_user("carol", "a-password")
        assert "carol" in await client.admin_list_users()
EOF
printf '[tool.pytest.ini_options]\nasyncio_mode = "auto"\nasyncio_default_fixture_loop_scope = "function"\n' > pyproject.toml
"$WORK/user/bin/python" -m pytest -q -p no:cacheprovider test_plugin_example.py

echo "== the unpacked sdist collects the whole test suite"
tar -xzf "$sdist" -C "$WORK"
src=$(ls -d "$WORK"/aiocomet-*/)
"$WORK/user/bin/python" -m pip install -q --group "$src/pyproject.toml:dev"
cd "$src"
"$WORK/user/bin/python" -m pytest --co -q -p no:cacheprovider > "$WORK/collect.log" 2>&1 || {
    cat "$WORK/collect.log"
    exit 1
}
tail -n 1 "$WORK/collect.log"
cd "$ROOT"
echo "dist checks passed"
