#!/usr/bin/env bash
# Benchmark: orgchart end to end against Graphviz's own `dot` on the DOT orgchart emits.
#
#   bash bench/run.sh                  # synthetic trees of 1,000, 5,000 and 20,000 boxes (the largest also
#                                      # with one line across the tree per 10 boxes) and the MOD organogram
#   BENCH_SIZES="1000" BENCH_TIMEOUT=30 BENCH_RUNS=5 bash bench/run.sh
#
# For each chart it prints wall-clock time and peak memory (resident set, from /usr/bin/time) of
#   - `orgchart render MODEL --layout dot -o x.svg`  (layout by dot, in-process through libgvc)
#   - the same to PDF
#   - `orgchart render MODEL --layout tidy -o x.svg` (orgchart's tidy tree, drawn by orgchart's SVG writer)
#   - the same to PDF and to PNG
#   - the same to PDF on A3 pages (`--page A3`): time, number of pages (pdfinfo) and the smallest
#     text on any page (`--stats`)
#   - the same tidy tree to SVG and PDF drawn by Graphviz instead (`--drawing graphviz`, libgvc's nop2)
#   - `dot -Tsvg` and `dot -Tpdf` on `orgchart render MODEL --layout dot --format dot` (the DOT we emit for dot)
# and how much longer orgchart with dot takes than the `dot` command on the same DOT; then how soon
# the MOD organogram's interactive page (`.html`) is ready in headless Chromium, when it is installed.
# A second table times hostile inputs, each of which was once quadratic: `orgchart diff` of two
# identical 20,000-unit models and of two whose ids all differ, `orgchart import bulletin` of 2 MB
# bulletins broken by hyphens at every line or listing `(a)` items each on its own line
# (bench/hostile-bulletin.py, from ST/SGB/2010/1 in ../shared/seeds; SGB_TEXT names another), and
# `orgchart query chain` up a chain 20,000 units deep with dual lines. BENCH_BASELINE=/path/to/orgchart
# adds a column for another build (e.g. of an earlier commit), side by side.
# Each command runs BENCH_RUNS times (default 1) and the fastest run is shown: on a busy machine
# a single run can be off by tens of percent. Every run is cut off after BENCH_TIMEOUT seconds
# (default 60) and shown as "> N s", so with one run the whole benchmark takes at most a few minutes. Inputs are generated deterministically
# (bench/synthetic-tree.py) or imported from ../shared/data/uk-organograms/mod.csv; outputs go to
# BENCH_DIR (default: a directory under /tmp). Builds release with --scratch-path .build-bench, unless
# BENCH_ORGCHART names an orgchart executable to measure.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
sizes="${BENCH_SIZES:-1000 5000 20000}"
limit="${BENCH_TIMEOUT:-60}"
runs="${BENCH_RUNS:-1}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/orgchart-bench}"
mod_csv="${MOD_CSV:-$root/../shared/data/uk-organograms/mod.csv}"
sgb_text="${SGB_TEXT:-$root/../shared/seeds/000_3c041eb162174baa.txt}"
baseline="${BENCH_BASELINE:-}"

for tool in dot python3 timeout pdfinfo; do
    command -v "$tool" >/dev/null || { echo "error: '$tool' is missing (apt-get install graphviz python3 coreutils poppler-utils)" >&2; exit 1; }
done
if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (/usr/bin/time) …" >&2
    apt-get install -y -qq time >/dev/null || { echo "error: /usr/bin/time is missing: apt-get install time" >&2; exit 1; }
fi

if [ -n "${BENCH_ORGCHART:-}" ]; then
    orgchart="$BENCH_ORGCHART"    # an orgchart executable built already (release)
else
    echo "building release (swift build -c release --scratch-path .build-bench) …" >&2
    (cd "$root" && swift build -c release --scratch-path .build-bench --product orgchart >&2)
    orgchart="$root/.build-bench/release/orgchart"
fi
mkdir -p "$work"

# measure NAME COMMAND…: runs COMMAND `runs` times under /usr/bin/time with the time limit; prints
# "seconds megabytes" of the fastest run, or "timeout" or "failed".
measure() {
    local stats="$work/$1.time" best="" run
    shift
    for ((run = 0; run < runs; run++)); do
        if /usr/bin/time -f "%e %M" -o "$stats" timeout "$limit" "$@" >/dev/null 2>"$work/last.err"; then
            best=$( (echo "$best"; tail -n 1 "$stats" | awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }') | awk 'NF' | sort -n | head -n 1)
        elif grep -q "status 124" "$stats"; then
            echo "timeout"
            return
        else
            echo "error: $* failed:" >&2
            cat "$work/last.err" >&2
            echo "failed"
            return
        fi
    done
    echo "$best"
}

# extra OURS DOT: how much longer OURS ("seconds megabytes") took than DOT, e.g. "+4%".
extra() {
    awk -v a="$1" -v b="$2" 'BEGIN {
        split(a, x, " "); split(b, y, " ");
        if (a !~ /^[0-9]/ || b !~ /^[0-9]/ || y[1] == 0) { print "–"; exit }
        printf "%+.0f%%\n", 100 * (x[1] - y[1]) / y[1] }'
}

cell() {  # "seconds megabytes" → "1.23 s, 45 MB"
    case "$1" in
        timeout) echo "> $limit s" ;;
        failed) echo "failed" ;;
        *) echo "$1" | awk '{ printf "%s s, %s MB", $1, $2 }' ;;
    esac
}

models=()
for n in $sizes; do
    python3 "$here/synthetic-tree.py" "$n" >"$work/synthetic-$n.yaml"
    models+=("synthetic-$n")
done
# The largest synthetic tree again with one line across the tree per ten boxes (BENCH_CROSS=0: none).
cross="${BENCH_CROSS:-10}"
largest=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -n 1)
if [ "$cross" -gt 0 ] && [ -n "$largest" ]; then
    python3 "$here/synthetic-tree.py" "$largest" --cross $((largest / cross)) >"$work/synthetic-$largest-cross.yaml"
    models+=("synthetic-$largest-cross")
fi
if [ -f "$mod_csv" ]; then
    "$orgchart" import csv "$mod_csv" --title "Ministry of Defence" -o "$work/mod.yaml" 2>/dev/null
    models+=("mod")
else
    echo "warning: $mod_csv not found; skipping the MOD organogram" >&2
fi

# paged NAME MODEL: "seconds megabytes; pages; smallest text" of the tidy tree as a PDF on A3 pages.
paged() {
    local time pages smallest
    time=$(measure "$1-ours-tidy-a3" "$orgchart" render "$2" --layout tidy --page A3 -o "$work/$1-tidy-a3.pdf")
    case "$time" in timeout|failed) echo "$(cell "$time")"; return ;; esac
    pages=$(pdfinfo "$work/$1-tidy-a3.pdf" | awk '/^Pages:/ { print $2 }')
    smallest=$("$orgchart" render "$2" --layout tidy --page A3 --stats -o "$work/$1-tidy-a3.pdf" 2>&1 | sed -n 's/^orgchart: .*smallest text \([0-9.]* pt\).*/\1/p')
    echo "$(cell "$time"); $pages p.; $smallest"
}

printf "\n| chart | boxes | orgchart (dot) → SVG | orgchart (dot) → PDF | orgchart (tidy) → SVG | orgchart (tidy) → PDF | orgchart (tidy) → PNG | tidy → PDF on A3: time; pages; smallest text | tidy drawn by Graphviz → SVG; PDF | dot -Tsvg | dot -Tpdf | dot SVG, PDF vs dot -T | tidy SVG vs dot -Tsvg |\n"
printf "|---|---:|---|---|---|---|---|---|---|---|---|---:|---:|\n"
for name in "${models[@]}"; do
    model="$work/$name.yaml"
    boxes=$(awk '/^units:/{u=1} u && /^  - id:/{n++} END{print n}' "$model")
    "$orgchart" render "$model" --layout dot --format dot -o "$work/$name.gv"
    ours_dot=$(measure "$name-ours-dot" "$orgchart" render "$model" --layout dot -o "$work/$name-dot.svg")
    ours_dot_pdf=$(measure "$name-ours-dot-pdf" "$orgchart" render "$model" --layout dot -o "$work/$name-dot.pdf")
    ours_tidy=$(measure "$name-ours-tidy" "$orgchart" render "$model" --layout tidy -o "$work/$name-tidy.svg")
    ours_pdf=$(measure "$name-ours-tidy-pdf" "$orgchart" render "$model" --layout tidy -o "$work/$name-tidy.pdf")
    ours_png=$(measure "$name-ours-tidy-png" "$orgchart" render "$model" --layout tidy -o "$work/$name-tidy.png")
    ours_a3=$(paged "$name" "$model")
    gv_svg=$(measure "$name-gv-tidy" "$orgchart" render "$model" --layout tidy --drawing graphviz -o "$work/$name-tidy-gv.svg")
    gv_pdf=$(measure "$name-gv-tidy-pdf" "$orgchart" render "$model" --layout tidy --drawing graphviz -o "$work/$name-tidy-gv.pdf")
    dot_svg=$(measure "$name-dot-svg" dot -Tsvg "$work/$name.gv" -o "$work/$name-graphviz.svg")
    dot_pdf=$(measure "$name-dot-pdf" dot -Tpdf "$work/$name.gv" -o "$work/$name-graphviz.pdf")
    ratio=$(awk -v a="$ours_tidy" -v b="$dot_svg" -v limit="$limit" 'BEGIN {
        split(a, x, " "); split(b, y, " ");
        if (a == "timeout" || a == "failed" || x[1] == 0) { print "–"; exit }
        if (b == "timeout") { printf "> %.0f×\n", limit / x[1]; exit }
        if (b == "failed") { print "–"; exit }
        printf "%.1f×\n", y[1] / x[1] }')
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s; %s | %s | %s | %s, %s | %s |\n" "$name" "$boxes" "$(cell "$ours_dot")" "$(cell "$ours_dot_pdf")" \
        "$(cell "$ours_tidy")" "$(cell "$ours_pdf")" "$(cell "$ours_png")" "$ours_a3" "$(cell "$gv_svg")" "$(cell "$gv_pdf")" "$(cell "$dot_svg")" "$(cell "$dot_pdf")" \
        "$(extra "$ours_dot" "$dot_svg")" "$(extra "$ours_dot_pdf" "$dot_pdf")" "$ratio"
done
echo
echo "Graphviz $(dot -V 2>&1 | sed 's/.*version //'), $(nproc) cores; outputs in $work" 

# The MOD organogram as an interactive page: milliseconds from navigation until its script has run
# (the page's own data-ready-ms, in headless Chromium), fastest of BENCH_RUNS loads.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ] && [ -f "$work/mod.yaml" ]; then
    "$orgchart" render "$work/mod.yaml" -o "$work/mod.html"
    ready=""
    for ((run = 0; run < runs; run++)); do
        ms=$(timeout "$limit" "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --window-size=1400,900 --user-data-dir="$work/chromium-profile" --dump-dom "file://$work/mod.html" 2>/dev/null \
            | sed -n 's/.*<body[^>]* data-ready-ms="\([0-9]*\)".*/\1/p' | head -n 1)
        if [ -n "$ms" ] && { [ -z "$ready" ] || [ "$ms" -lt "$ready" ]; }; then ready="$ms"; fi
    done
    echo
    echo "MOD organogram as an interactive page ($(du -k "$work/mod.html" | cut -f1) kB): ready ${ready:-?} ms after navigation (headless Chromium)"
fi

# Hostile inputs: one row per case, orgchart (and the baseline build) side by side.
python3 "$here/synthetic-tree.py" 20000 >"$work/hostile-tree.yaml"
sed 's/id: u/id: v/; s/parent: u/parent: v/; s/^root: u0/root: v0/' "$work/hostile-tree.yaml" >"$work/hostile-tree-renamed.yaml"
python3 "$here/synthetic-tree.py" --chain 20000 >"$work/hostile-chain.yaml"
cases=("diff, 20,000 units, identical|diff $work/hostile-tree.yaml $work/hostile-tree.yaml"
       "diff, 20,000 units, every id changed|diff $work/hostile-tree.yaml $work/hostile-tree-renamed.yaml"
       "query chain, 20,000 deep, 19 dual lines (64 paths shown)|query chain u19999 -m $work/hostile-chain.yaml")
if [ -f "$sgb_text" ]; then
    python3 "$here/hostile-bulletin.py" hyphens "$sgb_text" >"$work/hostile-hyphens.txt"
    python3 "$here/hostile-bulletin.py" items "$sgb_text" >"$work/hostile-items.txt"
    cases+=("import bulletin, 2 MB, hyphen at every line end|import bulletin $work/hostile-hyphens.txt -o $work/hostile-hyphens.yaml"
            "import bulletin, 2 MB, (a) items each on a line|import bulletin $work/hostile-items.txt -o $work/hostile-items.yaml")
else
    echo "warning: $sgb_text not found; skipping the hostile bulletins" >&2
fi
printf "\n| hostile input | orgchart |%s\n|---|---|%s\n" "${baseline:+ baseline ($baseline) |}" "${baseline:+---|}"
for entry in "${cases[@]}"; do
    label="${entry%%|*}"
    read -r -a arguments <<<"${entry#*|}"
    ours=$(measure hostile "$orgchart" "${arguments[@]}")
    row="| $label | $(cell "$ours") |"
    if [ -n "$baseline" ]; then row+=" $(cell "$(measure hostile-baseline "$baseline" "${arguments[@]}")") |"; fi
    echo "$row"
done
