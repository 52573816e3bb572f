#!/usr/bin/env bash
# Prepares the official Python SDK for Job Router (azure-communication-jobrouter, with
# azure-core and the small libraries they import) in .cache/python-sdk/, for the tests that
# check `ccsim serve` against the real client (test/support/python-sdk.ts). pip cannot reach
# PyPI on these machines, so the SDK comes from Debian's packages: python3-azure and
# python3-typing-extensions from trixie (bookworm's python3-azure predates Job Router 1.x and
# API 2023-11-01, and azure-core 1.35 needs typing-extensions >= 4.6), the rest from the
# machine's own sources. The packages are unpacked, not installed; only the modules the client
# needs are kept (5 MB; python3-azure alone unpacks to 574 MB). See docs/serve-clients.md.
#
# Idempotent: a complete folder whose client imports is left alone. Otherwise everything is
# built in a temporary folder beside it and renamed into place at the end, so a failed run
# leaves no half-made SDK. The last line printed is the PYTHONPATH to use.
#
# Needs: apt-get, dpkg-deb, tar, /usr/bin/python3 and network access to deb.debian.org. Root (or
# sudo) only if the machine's own package lists are empty and need an `apt-get update`.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/.cache/python-sdk"
python=/usr/bin/python3
# The modules the tests use, imported from the folder alone: `-S` leaves the machine's own
# dist-packages off sys.path, so a module missing from the folder cannot hide behind one
# installed on this machine.
check_imports='
import certifi, chardet, charset_normalizer, idna, isodate, requests, six, typing_extensions, urllib3
from azure.core.credentials import AzureKeyCredential
from azure.core.pipeline.transport import RequestsTransport
from azure.communication.jobrouter import JobRouterAdministrationClient, JobRouterClient
from azure.communication.jobrouter import models
'

fail() {
  echo "scripts/python-sdk.sh: $*" >&2
  exit 1
}

# True when `folder` is a complete prepared SDK: written to the end, and the client imports.
usable() {
  local folder="$1"
  [ -f "$folder/SOURCES.txt" ] &&
    PYTHONPATH="$folder" timeout 60 "$python" -S -c "$check_imports" >/dev/null 2>&1
}

[ -x "$python" ] || fail "$python not found: the tests run the SDK with Debian's Python 3 (apt-get install python3)"

if usable "$target"; then
  echo "scripts/python-sdk.sh: $target is already prepared" >&2
  echo "$target"
  exit 0
fi

for tool in apt-get apt-cache dpkg-deb tar timeout; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: this script needs Debian's apt and dpkg"
done

mkdir -p "$root/.cache"
# Leftovers of runs killed outright (an interrupted run cleans up after itself); an hour old, so
# that a run going on beside this one keeps its folder.
find "$root/.cache" -maxdepth 1 -name 'python-sdk.building-*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
# On the same file system as the target, so that the final rename is atomic.
work="$(mktemp -d "$root/.cache/python-sdk.building-XXXXXX")"
old="$root/.cache/python-sdk.replaced-$$"
cleanup() { rm -rf "$work" "$old"; }
trap cleanup EXIT

debs="$work/debs"
site="$work/site"
apt_state="$work/apt"
mkdir -p "$debs" "$site" "$apt_state/lists/partial" "$apt_state/cache/archives/partial" "$apt_state/parts"

# As root, apt drops to its `_apt` user to download, which cannot write into this root-owned
# folder: it would warn and go on as root. Say so up front instead of printing the warning.
apt_options=()
if [ "$(id -u)" -eq 0 ]; then
  apt_options+=(-o APT::Sandbox::User=root)
fi

# --- 1. trixie's python3-azure and python3-typing-extensions, with a throw-away apt state ----
# The machine's own sources and lists stay untouched: this apt state sees only trixie.
cat >"$apt_state/parts/trixie.sources" <<'SOURCES'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
trixie=(
  "${apt_options[@]}"
  -o Dir::Etc::SourceList=/dev/null
  -o "Dir::Etc::SourceParts=$apt_state/parts"
  -o "Dir::State::Lists=$apt_state/lists"
  -o "Dir::Cache=$apt_state/cache"
  -o Acquire::http::Timeout=60
  -o Acquire::Retries=2
)
echo "scripts/python-sdk.sh: reading trixie's package list" >&2
timeout 600 apt-get "${trixie[@]}" -qq update >&2 ||
  fail "step 1: apt-get update for trixie failed: is http://deb.debian.org reachable, and /usr/share/keyrings/debian-archive-keyring.gpg present (apt-get install debian-archive-keyring)?"
# apt-get update only warns when it cannot fetch a list: check that it got one.
compgen -G "$apt_state/lists/*_trixie_main_binary-*_Packages*" >/dev/null ||
  fail "step 1: could not read trixie's package list from http://deb.debian.org (see apt's warnings above): check the network or the proxy (apt honours http_proxy), then run this script again"
echo "scripts/python-sdk.sh: downloading python3-azure and python3-typing-extensions from trixie" >&2
(cd "$debs" && timeout 600 apt-get "${trixie[@]}" -qq download python3-azure python3-typing-extensions >&2) ||
  fail "step 1: downloading python3-azure and python3-typing-extensions from trixie failed (see apt's message above); try again, or check the network"

# --- 2. the small dependencies from the machine's own sources ----------------------------------
# Two more than the obvious six: python3-six, which bookworm's isodate 0.6.1 imports (trixie's
# 0.7 no longer does), and python3-chardet, which Debian's requests 2.28 depends on: with
# charset-normalizer 3 alone it warns on every import that the versions do not match.
local_packages=(python3-requests python3-urllib3 python3-idna python3-certifi python3-charset-normalizer python3-chardet python3-isodate python3-six)
if ! apt-cache show "${local_packages[@]}" >/dev/null 2>&1; then
  # Fresh machines and containers often ship with empty package lists.
  echo "scripts/python-sdk.sh: the machine's package lists lack ${local_packages[*]}: running apt-get update" >&2
  if [ "$(id -u)" -eq 0 ]; then
    timeout 600 apt-get -qq update >&2 || fail "step 2: apt-get update failed (see apt's message above)"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    timeout 600 sudo -n apt-get -qq update >&2 || fail "step 2: sudo apt-get update failed (see apt's message above)"
  else
    fail "step 2: the machine's package lists are empty and this is not root: run 'sudo apt-get update', then this script again"
  fi
fi
echo "scripts/python-sdk.sh: downloading ${local_packages[*]}" >&2
(cd "$debs" && timeout 600 apt-get "${apt_options[@]}" -qq download "${local_packages[@]}" >&2) ||
  fail "step 2: downloading ${local_packages[*]} from the machine's sources failed (see apt's message above); try 'apt-get update' first"

# --- 3. unpack, keeping only what the client needs ---------------------------------------------
echo "scripts/python-sdk.sh: unpacking" >&2
dist=./usr/lib/python3/dist-packages
# python3-azure holds every Azure SDK (574 MB unpacked): take only azure-core and Job Router
# (with their metadata) and the licence, straight from the archive, so that the rest never
# reaches the disk. `azure/` and `azure/communication/` are namespace packages (no
# __init__.py in this Debian build); a file there, if a future build adds one, comes along.
azure_deb=("$debs"/python3-azure_*.deb)
[ -f "${azure_deb[0]}" ] || fail "step 3: no python3-azure .deb was downloaded"
dpkg-deb --fsys-tarfile "${azure_deb[0]}" |
  tar -x -C "$site" --wildcards --anchored \
    "$dist/azure/core" "$dist/azure/core/*" \
    "$dist/azure/communication/jobrouter" "$dist/azure/communication/jobrouter/*" \
    "$dist/azure/__init__.py" "$dist/azure/communication/__init__.py" \
    "$dist/azure_core-*.egg-info" "$dist/azure_core-*.egg-info/*" \
    "$dist/azure_communication_jobrouter-*.egg-info" "$dist/azure_communication_jobrouter-*.egg-info/*" \
    ./usr/share/doc/python3-azure/copyright 2>"$work/tar-errors" || true
# tar reports patterns that matched nothing (the optional __init__.py files); anything else is
# a real failure, and a missing client is caught by the import check below.
if grep -v -e 'Not found in archive' -e 'Exiting with failure status' "$work/tar-errors" >&2; then
  fail "step 3: unpacking ${azure_deb[0]##*/} failed (see tar's message above)"
fi
[ -d "$site/$dist/azure/communication/jobrouter" ] ||
  fail "step 3: nothing unpacked from ${azure_deb[0]##*/} at azure/communication/jobrouter: a damaged download (run again), or has Debian dropped the package? See docs/serve-clients.md"
# The small packages whole: their modules and licences.
for deb in "$debs"/*.deb; do
  [ "$deb" = "${azure_deb[0]}" ] && continue
  dpkg-deb -x "$deb" "$site" || fail "step 3: dpkg-deb -x ${deb##*/} failed"
done

# The asynchronous client needs aiohttp, which is not here: its half of the client goes.
rm -rf "$site/$dist/azure/communication/jobrouter/aio"
# Flatten into the layout PYTHONPATH wants: the modules at the top, licences under licenses/.
sdk="$work/python-sdk"
mkdir -p "$sdk/licenses"
mv "$site/$dist"/* "$sdk/"
for doc in "$site"/usr/share/doc/*/; do
  package="$(basename "$doc")"
  [ -f "$doc/copyright" ] && cp "$doc/copyright" "$sdk/licenses/$package.copyright"
done
# The rest of what the packages ship (documentation, man pages) goes with $site.
rm -rf "$site" "$apt_state"
{
  echo "Prepared by scripts/python-sdk.sh: Debian packages unpacked onto this PYTHONPATH."
  echo "python3-azure keeps only azure/core and azure/communication/jobrouter (without aio/)."
  for deb in "$debs"/*.deb; do
    dpkg-deb --show --showformat='${Package} ${Version}\n' "$deb"
  done
} >"$sdk/SOURCES.txt"
rm -rf "$debs"

# --- 4. check, then move into place ------------------------------------------------------------
if ! errors="$(PYTHONPATH="$sdk" timeout 60 "$python" -S -c "$check_imports" 2>&1)"; then
  echo "$errors" >&2
  fail "step 4: the prepared SDK does not import with $python (above); nothing was installed. A module the trimming in step 3 left out? See docs/serve-clients.md"
fi
if [ -e "$target" ]; then
  mv "$target" "$old"
fi
mv "$sdk" "$target" || fail "step 4: could not move the prepared SDK to $target"
echo "scripts/python-sdk.sh: prepared $target ($(du -sh "$target" | cut -f1)); use it with PYTHONPATH=$target" >&2
echo "$target"
