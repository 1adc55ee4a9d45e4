#!/usr/bin/env bash
# Installs libaio (Debian package libaio1) when it is missing, so that Artemis writes its journal with Linux
# AIO, as in production, instead of NIO with an fsync per sync, which stalled the line benchmark's
# transactions (validation/pq/README.md, line-throughput, 2026-11-28). Best effort: without libaio Artemis
# falls back to NIO and everything still works, so a failed install only warns. Called by the Test command
# (test-all.sh) and the PQ session (validation/pq/rest-session.sh).
set -uo pipefail

if /sbin/ldconfig -p 2>/dev/null | grep -q 'libaio\.so\.1 '; then
  exit 0
fi
echo "Installing libaio (Debian package libaio1) for Artemis's AIO journal"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
{ $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libaio1; } \
  || echo "libaio could not be installed; Artemis will use its NIO journal" >&2
exit 0
