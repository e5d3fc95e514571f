#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the pinned toolchain and dependencies
# (npm ci brings Node 24 from the npm registry), builds or reuses the control-plane binaries
# (kube-apiserver, kube-controller-manager, kubectl, etcd; cached outside the repo), then runs
# the type check, the unit tests and the integration tests against a real API server.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$SECONDS
step() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - t0)); }

step "npm ci"
npm ci --no-audit --no-fund
./node_modules/.bin/node --version

step "control-plane binaries"
bash test/control-plane/ensure-binaries

step "podman and runc (operator images)"
bash test/image/ensure-podman

step "tests"
npm test
step "done"
