# Sourced by .ci/run: find or install a CPython X.Y using only this machine's own sources.
#
# In order: python X.Y on PATH or in pyenv's versions (this machine kind ships CPython
# 3.11, 3.12 and 3.13 there); /usr/bin/pythonX.Y; Debian's package pythonX.Y (apt-get);
# else a build of Debian's source package of pythonX.Y from a newer Debian suite, made
# once into /opt/aiocomet-ci (Debian 12 has only 3.11; Debian 13 has the 3.13 source;
# no Debian suite has 3.12 any more). The only network used is the machine's own Debian
# mirror, as apt is set up. Nothing here needs a download from anywhere else.

CI_PREFIX=${AIOCOMET_CI_PREFIX:-/opt/aiocomet-ci}
_APT_UPDATED=""

# A usable interpreter: runs, and has what venv, pip and the tests need.
_usable_python() {
    [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import ssl, zlib, venv, ensurepip' >/dev/null 2>&1
}

# Print the path of an installed CPython X.Y; status 1 if there is none.
find_python() {
    local ver=$1 cand
    local pyenv_root=${PYENV_ROOT:-${HOME:-/root}/.pyenv}
    for cand in \
        "$(command -v "python$ver" 2>/dev/null || true)" \
        $(ls -d "$pyenv_root"/versions/"$ver".*/bin/python"$ver" 2>/dev/null | sort -Vr) \
        "/usr/bin/python$ver" \
        "$CI_PREFIX/python$ver/bin/python$ver"; do
        if _usable_python "$cand"; then
            echo "$cand"
            return 0
        fi
    done
    return 1
}

_apt_update() {
    if [ -z "$_APT_UPDATED" ]; then
        apt-get update -qq >&2
        _APT_UPDATED=1
    fi
}

# Debian's binary package, when this Debian release has one.
_install_from_apt() {
    local ver=$1
    command -v apt-get >/dev/null || return 1
    _apt_update
    local policy
    policy=$(apt-cache policy "python$ver" 2>/dev/null || true)
    grep -q 'Candidate: [0-9]' <<< "$policy" || return 1
    echo "installing python$ver from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$ver" "python$ver-venv" >&2
}

# Debian's source package from a newer suite of the same mirror, built with Debian 12's
# compiler and libraries (only the upstream tarball is used, not Debian's packaging).
_build_from_debian_source() {
    local ver=$1 mirror keyring aptdir src suite
    command -v apt-get >/dev/null || return 1
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /^\[/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [ -n "$mirror" ] || return 1
    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    aptdir=$(mktemp -d)
    chmod 755 "$aptdir"  # apt downloads as its own user
    mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial" "$aptdir/src"
    for suite in trixie sid; do
        echo "deb-src [signed-by=$keyring] $mirror $suite main"
    done > "$aptdir/sources.list"
    local opts=(-o "Dir::Etc::sourcelist=$aptdir/sources.list" -o "Dir::Etc::sourceparts=-"
                -o "Dir::State::Lists=$aptdir/lists" -o "Dir::Cache=$aptdir/cache")
    apt-get "${opts[@]}" update -qq >&2 || { rm -rf "$aptdir"; return 1; }
    local found
    found=$(apt-cache "${opts[@]}" showsrc "python$ver" 2>/dev/null || true)
    if ! grep -q '^Package:' <<< "$found"; then
        echo "no Debian suite on this mirror has the source of python$ver" >&2
        rm -rf "$aptdir"
        return 1
    fi
    echo "building python$ver from Debian's source package (a few minutes, once)" >&2
    _apt_update
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade build-essential \
        libssl-dev zlib1g-dev libffi-dev libbz2-dev liblzma-dev libsqlite3-dev uuid-dev \
        xz-utils >&2
    # (set -e does not hold in a subshell whose status is tested: every step says || exit)
    (
        cd "$aptdir/src" || exit 1
        for suite in trixie sid; do
            apt-get "${opts[@]}" source --download-only "python$ver/$suite" >&2 && break
            rm -f ./*
        done
        tar xJf python"$ver"_*.orig.tar.xz || exit 1
        src=$(find . -maxdepth 1 -type d -name 'Python-*' | head -n 1)
        cd "$src" || exit 1
        ./configure --prefix="$CI_PREFIX/python$ver" >"$aptdir/configure.log" 2>&1 || exit 1
        make -j"$(nproc)" >"$aptdir/make.log" 2>&1 || exit 1
        make altinstall >"$aptdir/install.log" 2>&1 || exit 1
    ) || { tail -n 30 "$aptdir"/*.log >&2 2>/dev/null; rm -rf "$aptdir"; return 1; }
    rm -rf "$aptdir"
}

# Print the path of a CPython X.Y, installing it first if needed; status 1 if impossible.
python_for() {
    local ver=$1
    find_python "$ver" && return 0
    { _install_from_apt "$ver" || _build_from_debian_source "$ver"; } || true
    find_python "$ver"
}
