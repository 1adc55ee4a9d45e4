#!/usr/bin/env bash
# The Test command: installs what the suite needs and is missing on this machine (Debian's Chromium and
# ChromeDriver for the browser tests; libaio for Artemis's AIO journal), then builds everything and runs
# every test: unit tests, and the OQ suite against the real EAR on the configured WildFly (one server
# start for the module).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "Installing Chromium and ChromeDriver (Debian packages) for the browser tests"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# libaio, so that Artemis writes its journal with Linux AIO as in production, not NIO with an fsync per
# sync (validation/pq/README.md, line-throughput, 2026-11-28); without it Artemis falls back to NIO, and
# everything still works, so a failed install only warns
if ! /sbin/ldconfig -p 2>/dev/null | grep -q 'libaio\.so\.1 '; then
  echo "Installing libaio (Debian package) for Artemis's AIO journal"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libaio1; } \
    || echo "libaio could not be installed; Artemis will use its NIO journal" >&2
fi

# a server left running on the test ports would make the managed server fail to start
if (exec 3<>/dev/tcp/127.0.0.1/9990) 2>/dev/null; then
  echo "A server is listening on port 9990 (WildFly management); stop it before running the tests." >&2
  exit 1
fi

export SE_OFFLINE=true
./mvnw -B clean verify "$@"
