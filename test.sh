#!/usr/bin/env bash
# Runs isolab's whole test suite (unit, in-process HTTP, real containers, browser end to end),
# installing first what the tests need and the machine lacks. Extra arguments go to Maven,
# e.g. `./test.sh -pl sim-kernel -am`.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"

# Debian packages the tests use: Chromium for Playwright, gcc for the real sandbox's helper,
# util-linux and iproute2 for real containers, dash as /bin/sh; the programs of docs/MACHINE.md
# that the namespace contract and the namespace labs run (ping, ifconfig, capsh, a static busybox
# for a chroot; findmnt, lsns, ipcmk/ipcs, setpriv from util-linux).
need=()
for pair in chromium:chromium gcc:gcc unshare:util-linux nsenter:util-linux ip:iproute2 dash:dash ps:procps \
    ping:iputils-ping ifconfig:net-tools capsh:libcap2-bin busybox:busybox-static setpriv:util-linux \
    findmnt:util-linux lsns:util-linux ipcmk:util-linux; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  mapfile -t need < <(printf '%s\n' "${need[@]}" | sort -u)
  if [ "$(id -u)" != 0 ]; then
    echo "test.sh: missing ${need[*]}; run as root, or: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "test.sh: installing ${need[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${need[@]}" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "${need[@]}" >/dev/null; }
fi

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec mvn -B verify "$@"
