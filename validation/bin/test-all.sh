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

# libaio for Artemis's AIO journal (best effort)
bash validation/bin/install-libaio.sh

# a server left running on the test ports would make the managed server fail to start
if (exec 3<>/dev/tcp/127.0.0.1/9990) 2>/dev/null; then
  echo "A server is listening on port 9990 (WildFly management); stop it before running the tests." >&2
  exit 1
fi

export SE_OFFLINE=true
./mvnw -B clean verify "$@"
