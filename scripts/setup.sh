#!/usr/bin/env bash
# Installs what orgchart needs on Debian or Ubuntu when it is missing: Graphviz's C library
# with its cairo plugins (libgraphviz-dev), cairo and pango to draw tree charts as PDF and PNG
# (libpango1.0-dev), librsvg for multi-page PDFs (librsvg2-dev) and the fonts the templates use.
# With --tests, also the tools the tests use to read the outputs (poppler-utils, libxml2-utils, librsvg2-bin, chromium,
# LibreOffice Impress to open presentations, and python-pptx in a Python environment under ~/.cache/orgchart/python).
set -euo pipefail

missing=()
pkg-config --exists libgvc 2>/dev/null || missing+=(libgraphviz-dev graphviz)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
[ -n "$(fc-list "Liberation Sans" 2>/dev/null)" ] || missing+=(fonts-liberation2 fontconfig)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${1:-}" = "--tests" ]; then
  command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
  command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-impress)
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3 python3-venv)
fi
[ -e /usr/lib/x86_64-linux-gnu/libpangocairo-1.0.so ] || [ -e /usr/lib/aarch64-linux-gnu/libpangocairo-1.0.so ] || pkg-config --exists pangocairo 2>/dev/null || missing+=(libpango1.0-dev)
[ -e /usr/lib/x86_64-linux-gnu/librsvg-2.so ] || [ -e /usr/lib/aarch64-linux-gnu/librsvg-2.so ] || pkg-config --exists librsvg-2.0 2>/dev/null || missing+=(librsvg2-dev)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "orgchart setup: please install: ${missing[*]} (Graphviz with headers, Liberation fonts)" >&2
    exit 1
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "orgchart setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--tests" ]; then
  # python-pptx reads the presentations in the tests; it is not packaged by Debian.
  venv="${XDG_CACHE_HOME:-$HOME/.cache}/orgchart/python"
  if ! "$venv/bin/python" -c "import pptx" >/dev/null 2>&1; then
    echo "orgchart setup: installing python-pptx into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet python-pptx
  fi
fi
