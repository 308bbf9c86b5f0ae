#!/usr/bin/env bash
# Installs what the real-editor end-to-end test (test/e2e/vscode.test.ts) needs, from the npm
# registry and Debian's packages only (no other downloads work on our machines or CI's):
#   - Debian's chromium, driven by playwright-core (a devDependency of the project, installed by
#     the project's own npm install, which may run before or after this script);
#   - Debian's neovim (0.7), the second real LSP client of the language-server tests;
#   - Debian's fonts-noto-core and fonts-noto-mono (Noto Sans and Noto Sans Mono, with full Vietnamese
#     coverage; DejaVu Sans Mono has no ố, ề, ạ …), so that the editor and dashboard screenshots
#     show Vietnamese with its diacritics in place;
#   - Debian's libreoffice-writer-nogui, whose soffice writes the real .docx files of the Word tests;
#   - code-server 4.100.3 (the VS Code 1.100.3 workbench with the real Node extension host) in
#     .e2e/code-server, with its own package.json/lockfile, kept out of the extension's dependencies.
# Adapted from shared/recipes/editor-e2e/install-code-server.sh. Idempotent: a second run only checks.
# Usage: scripts/install-e2e.sh [DEST]      (root for apt-get; DEST defaults to .e2e/code-server)
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=${1:-.e2e/code-server}
CS_VERSION=4.100.3          # last code-server whose engines.node is 20 (4.103+ need 22)
RG_PKG_VERSION=1.15.11      # @vscode/ripgrep version pinned in code-server 4.100.3's lib/vscode shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CODE_SERVER="$DEST/node_modules/.bin/code-server"

export DEBIAN_FRONTEND=noninteractive
# chromium for playwright; fonts-noto-core for Vietnamese glyphs; neovim for the LSP tests; build-essential/python3/pkg-config for node-gyp; libkrb5-dev for the
# 'kerberos' addon; ripgrep replaces @vscode/ripgrep's GitHub download.
# libreoffice-writer-nogui (soffice --headless) turns the .docx tests' fixtures into real Word files (test/cli/docx-libreoffice.test.ts).
APT_PACKAGES=(chromium fonts-noto-core fonts-noto-mono neovim build-essential python3 pkg-config libkrb5-dev ripgrep libreoffice-writer-nogui)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-e2e: apt-get install ${missing[*]}"
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x "$CODE_SERVER" ] && "$CODE_SERVER" --version 2>/dev/null | grep -q "^$CS_VERSION "; then
  echo "install-e2e: code-server $CS_VERSION already in $DEST"
else
  # @vscode/ripgrep's postinstall downloads rg unless it finds the asset in $TMPDIR/vscode-ripgrep-cache-<ver>/
  export TMPDIR=${TMPDIR:-/tmp}
  RGCACHE="$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION"
  mkdir -p "$RGCACHE"
  if [ ! -f "$RGCACHE/$RG_ASSET" ]; then
    d=$(mktemp -d); cp "$(command -v rg)" "$d/rg"; tar czf "$RGCACHE/$RG_ASSET" -C "$d" rg; rm -rf "$d"
  fi
  mkdir -p "$DEST"
  [ -f "$DEST/package.json" ] || echo '{"name":"vanban-e2e-code-server","private":true}' > "$DEST/package.json"
  # npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which otherwise aborts without a TTY
  # npm_config_nodedir: build addons against the local Node headers instead of downloading them
  (cd "$DEST" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}" \
    npm install --no-audit --no-fund --save-exact "code-server@$CS_VERSION")
fi
"$CODE_SERVER" --version | head -1
command -v chromium nvim
