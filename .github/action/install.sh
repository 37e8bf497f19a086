#!/usr/bin/env bash
# Installs azsr-lsp for the GitHub Action (action.yml) into "$AZSR_ROOT/bin": the release
# binary for this runner when the release of the action's version has one, else a build
# from the action's own source with cargo. Prints the binary's path on stdout.
#
# AZSR_ROOT        where to install (the action caches it)
# AZSR_SOURCE      the action's checkout (a clone of this repository)
# AZSR_RELEASES    base URL of the releases (default: the repository's GitHub releases)
set -euo pipefail

root=${AZSR_ROOT:?}
source_dir=${AZSR_SOURCE:?}
releases=${AZSR_RELEASES:-https://github.com/azsr/azsr/releases/download}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$source_dir/Cargo.toml" | head -n1)

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) target=x86_64-unknown-linux-gnu ;;
  Linux-aarch64 | Linux-arm64) target=aarch64-unknown-linux-gnu ;;
  Darwin-x86_64) target=x86_64-apple-darwin ;;
  Darwin-arm64) target=aarch64-apple-darwin ;;
  MINGW* | MSYS* | CYGWIN*) target=x86_64-pc-windows-msvc ;;
  *) target="" ;;
esac
exe=azsr-lsp
[ "$target" = x86_64-pc-windows-msvc ] && exe=azsr-lsp.exe
bin="$root/bin/$exe"

if [ -x "$bin" ] && "$bin" --version | grep -qF "$version"; then
  echo "azsr-lsp $version: cached" >&2
  echo "$bin"
  exit 0
fi

mkdir -p "$root/bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
archive="azsr-lsp-$target.tar.gz"
if [ -n "$target" ] && curl -fsSL --retry 2 -o "$tmp/$archive" "$releases/v$version/$archive" 2>/dev/null; then
  tar -xzf "$tmp/$archive" -C "$tmp"
  install -m 0755 "$tmp/$exe" "$bin"
  echo "azsr-lsp $version: release binary for $target" >&2
else
  echo "azsr-lsp $version: no release binary for ${target:-this runner}, building with cargo" >&2
  cargo install --locked --quiet --path "$source_dir/crates/azsr-lsp" --root "$root" >&2
fi
"$bin" --version >&2
echo "$bin"
