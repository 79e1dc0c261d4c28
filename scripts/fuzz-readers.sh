#!/usr/bin/env bash
# Fuzzes orgchart's four readers with seeded mutations of real inputs:
#   - model files (YAML): `orgchart validate`, then `orgchart render` of those that validate;
#   - spreadsheets (CSV): `orgchart import csv`;
#   - org-chart JSON (nested trees and flat lists): `orgchart import json`;
#   - bulletins (plain text): `orgchart import bulletin`, through scripts/fuzz-import.sh.
# Every run must end within 10 s with status 0 or 1; status 1 must come with a message (a hint for
# imports) and leave no output file; an import that succeeds must give a model `validate` accepts.
# A crash, a hang, a backtrace or another status fails the script, which then exits 1.
#
#   scripts/fuzz-readers.sh [ROUNDS] [ORGCHART] [SEED]
#
# ROUNDS (default 100) cases per reader, each run at most 10 s: a few minutes in all.
# Deterministic: the same SEED (default 11) gives the same cases; a failing case is copied into
# FUZZ_KEEP (default /tmp/orgchart-fuzz-failures) to be run again. Seeds are the built-in models
# (Sources/BuiltinModels/yaml), the UK organograms in ../shared/data/uk-organograms and uk-organograms-raw (else a
# generated sheet), JSON trees and lists built from the first sheet, and ST/SGB/2010/1 in ../shared/seeds (else the bulletin round is skipped with a warning).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${1:-100}
orgchart=${2:-$root/.build/debug/orgchart}
seed=${3:-11}
[ -x "$orgchart" ] || { echo "error: $orgchart is not an executable; build first or pass ORGCHART" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep=${FUZZ_KEEP:-/tmp/orgchart-fuzz-failures}

python3 - "$root" "$rounds" "$work" "$seed" <<'PY'
import glob, os, random, sys
root, rounds, work, seed = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)

def junk_bytes(n):
    return bytes(rng.randrange(256) for _ in range(n))

def mutate_lines(data, limit):
    lines = data.split(b"\n")
    for _ in range(rng.randrange(1, limit)):
        j = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.4: del lines[j]
        elif choice < 0.8: lines.insert(rng.randrange(len(lines) + 1), lines[j])
        else: lines[j] = lines[j][: rng.randrange(len(lines[j]) + 1)]
        if not lines: lines = [b""]
    return b"\n".join(lines)

def mutate_bytes(data, alphabet, limit):
    chars = bytearray(data)
    for _ in range(rng.randrange(1, limit)):
        if not chars: break
        piece = rng.choice(alphabet)
        j = rng.randrange(len(chars))
        chars[j:j + 1] = piece
    return bytes(chars)

# Model files.
models = [open(p, "rb").read() for p in sorted(glob.glob(os.path.join(root, "Sources/BuiltinModels/yaml/*.yaml")))]
yaml_junk = [b":", b"-", b" ", b"\n", b"\t", b"{", b"}", b"[", b"]", b"&a", b"*a", b"!", b"!!binary", b"'", b'"', b"#", b"|",
             b">", b"%", b"@", b"`", b"?", b",", b"\x00", b"\xff", b"\xc3", "é".encode(), "\u2028".encode(), b"\r", b"<<: *a",
             b"parent: ", b"id: ", b"kind: ", b"source: x \xc2\xa7 1"]
def yaml_case(i):
    base = rng.choice(models)
    kind = i % 9
    if kind == 0: return base[: rng.randrange(len(base) + 1)]
    if kind == 1: return mutate_lines(base, 40)
    if kind == 2: return mutate_bytes(base, yaml_junk, 200)
    if kind == 3:  # indentation shifted on random lines
        lines = base.split(b"\n")
        for _ in range(rng.randrange(1, 30)):
            j = rng.randrange(len(lines))
            lines[j] = (b" " * rng.randrange(0, 7)) + lines[j].lstrip()
        return b"\n".join(lines)
    if kind == 4:  # parents and relationship ends pointing anywhere (cycles, dangling, self)
        ids = [l.split(b"id:")[1].strip() for l in base.split(b"\n") if l.strip().startswith(b"- id:")] or [b"x"]
        lines = base.split(b"\n")
        for j, l in enumerate(lines):
            for key in (b"parent:", b"from:", b"to:"):
                if l.strip().startswith(key) and rng.random() < 0.3:
                    lines[j] = l.split(key)[0] + key + b" " + rng.choice(ids)
        return b"\n".join(lines)
    if kind == 5:  # alias bombs, deep nesting, huge scalars
        return rng.choice([
            b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((98 + k,) * 2 + (97 + k,) * 9) for k in range(9)) + b"model: *j\n",
            b"model: x\ntitle: " + b"[" * 20000 + b"\n",
            b"model: x\ntitle: " + b"{a: " * 5000 + b"\n",
            b"model: x\ntitle: " + b"y" * 1_000_000 + b"\nunits: []\n",
            b"model: x\ntitle: X\nunits:\n" + b"".join(b"  - id: u%d\n    name: U\n    kind: unit\n    parent: u%d\n" % (k, k + 1) for k in range(3000)),
            b"", b"\xef\xbb\xbf", b"---\n...\n", b"- 1\n- 2\n", b"model: [1, 2]\ntitle: {a: b}\n", junk_bytes(3000),
        ])
    if kind == 6:  # duplicated unit blocks (duplicate ids, twins as parents)
        blocks = base.split(b"\n  - id:")
        for _ in range(rng.randrange(1, 10)):
            blocks.insert(rng.randrange(1, len(blocks) + 1), rng.choice(blocks[1:] or blocks))
        return b"\n  - id:".join(blocks)
    if kind == 7: return base.replace(b"\n", b"\r\n") if rng.random() < 0.5 else base.replace(b": ", b":")
    return base * rng.randrange(2, 4)

# Spreadsheets.
sheets = [open(p, "rb").read()[:200_000] for p in sorted(glob.glob(os.path.join(root, "../shared/data/uk-organograms/*.csv"))
                                                        + glob.glob(os.path.join(root, "../shared/data/uk-organograms-raw/*.csv")))]
if not sheets:
    rows = [b"Post ID,Job Title,Reports to,Team,Grade"] + [b"p%d,Title %d,%s,Team %d,G%d" % (k, k, b"p%d" % ((k - 1) // 4) if k else b"", k % 7, k % 5) for k in range(400)]
    sheets = [b"\n".join(rows) + b"\n"]
csv_junk = [b",", b'"', b'""', b"\n", b"\r", b"\r\n", b"\x00", b"\xf6", b"\xe9", b"\x80", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"XX",
            b"N/A", b" ", b"\t", b";", "ö".encode(), b"=cmd|' /C calc'!A0"]
def csv_case(i):
    base = rng.choice(sheets)
    kind = i % 8
    if kind == 0: return base[: rng.randrange(len(base) + 1)]
    if kind == 1: return mutate_lines(base, 60)
    if kind == 2: return mutate_bytes(base, csv_junk, 300)
    if kind == 3: return base.decode("utf-8", "replace").encode("latin-1", "replace")
    if kind == 4:  # every reports-to pointing at a random id: cycles, orphans, second tops
        lines = base.split(b"\n")
        ids = [l.split(b",")[0] for l in lines[1:] if l]
        out = [lines[0]]
        for l in lines[1:]:
            cells = l.split(b",")
            if len(cells) > 2 and ids: cells[2] = rng.choice(ids + [b"", b"nobody"])
            out.append(b",".join(cells))
        return b"\n".join(out)
    if kind == 5:
        return rng.choice([b"", b"\n\n", b"id\n", b"a,b,c\n", b'"' * 10001, b"," * 100000, b"id,name,reports to\n" + b"x,X,x\n" * 2000,
                           b"\xff\xfei\x00d\x00\n\x00", junk_bytes(5000), b"id,name\n" + b"a" * 1_000_000 + b",A\n"])
    if kind == 6: return base.replace(b"\n", b"\r") if rng.random() < 0.5 else base.replace(b",", b";")
    return base * rng.randrange(2, 4)

# JSON: the first sheet's rows as a flat list and as a nested tree.
import csv as csvmodule, io, json
table = list(csvmodule.reader(io.StringIO(sheets[0].decode("utf-8", "replace"))))
flat = [dict(zip(["id", "parentId", "name", "title"], [r[0], r[1] if len(r) > 1 else "", r[5] if len(r) > 5 else "", r[-1]])) for r in table[1:] if r]
children = {}
for entry in flat: children.setdefault(entry["parentId"], []).append(entry)
def nest(entry, depth=0):
    kids = children.get(entry["id"], []) if depth < 200 else []
    return {"name": entry["name"] or entry["id"], "children": [nest(k, depth + 1) for k in kids]} if kids else {"name": entry["name"] or entry["id"]}
tops = [e for e in flat if e["parentId"] not in {x["id"] for x in flat}]
jsons = [json.dumps(flat, indent=1).encode(), json.dumps(nest(tops[0]) if tops else {"name": "x"}, indent=1).encode()]
json_junk = [b"{", b"}", b"[", b"]", b'"', b",", b":", b"\\", b"\\u", b"\\ud800", b"null", b"true", b"-", b"1e999", b"\x00", b"\xff", b"\xc3", b" ", b"\n"]
def json_case(i):
    base = rng.choice(jsons)
    kind = i % 6
    if kind == 0: return base[: rng.randrange(len(base) + 1)]
    if kind == 1: return mutate_lines(base, 60)
    if kind == 2: return mutate_bytes(base, json_junk, 300)
    if kind == 3: return rng.choice([b"", b"[]", b"{}", b"[" * 100000, b'{"children": ' * 600 + b"{}" + b"}" * 600, b'"' + b"a" * 1_000_000,
                                     b'[{"id": 1, "parentId": 1}]', b'{"name": "a", "children": 3}', junk_bytes(5000), sheets[0][:5000]])
    if kind == 4: return base.replace(b'"parentId": "', b'"parentId": "x') if rng.random() < 0.5 else base.replace(b'"children"', b'"kids"')
    return base * rng.randrange(2, 4)

for i in range(rounds):
    with open(os.path.join(work, f"model{i:04d}.yaml"), "wb") as f: f.write(yaml_case(i))
    with open(os.path.join(work, f"sheet{i:04d}.csv"), "wb") as f: f.write(csv_case(i))
    with open(os.path.join(work, f"tree{i:04d}.json"), "wb") as f: f.write(json_case(i))
PY

failures=0
# check NAME STATUS OUTPUT ERRFILE [needs-hint]: records a failure unless the run ended cleanly.
check() {
    local name=$1 status=$2 output=$3 err=$4 hint=${5:-}
    if grep -qiE "fatal error|backtrace|Illegal instruction|Segmentation|stack overflow|Current stack trace" "$err"; then
        echo "FAIL $name: crash"; head -5 "$err"; failures=$((failures + 1)); return
    fi
    case $status in
        0) if [ -n "$output" ] && ! timeout 10 "$orgchart" validate "$output" >/dev/null 2>&1; then
               echo "FAIL $name: the output does not validate"; failures=$((failures + 1)); fi ;;
        1) if [ ! -s "$err" ] || { [ -n "$hint" ] && ! grep -q "hint:" "$err"; } || { [ -n "$output" ] && [ -e "$output" ]; }; then
               echo "FAIL $name: status 1 without a message${hint:+ and hint}, or with an output file"; head -3 "$err"; failures=$((failures + 1)); fi ;;
        124) echo "FAIL $name: still running after 10 s"; failures=$((failures + 1)) ;;
        *) echo "FAIL $name: status $status"; head -5 "$err"; failures=$((failures + 1)) ;;
    esac
}

valid=0
for model in "$work"/model*.yaml; do
    before=$failures
    set +e; timeout 10 "$orgchart" validate "$model" >/dev/null 2>"$model.err"; status=$?; set -e
    check "$(basename "$model")" "$status" "" "$model.err"
    if [ "$status" -eq 0 ]; then
        valid=$((valid + 1))
        set +e; timeout 10 "$orgchart" render "$model" -o "$model.svg" >/dev/null 2>"$model.render.err"; status=$?; set -e
        check "$(basename "$model") render" "$status" "" "$model.render.err"
    fi
    if [ "$failures" -gt "$before" ]; then mkdir -p "$keep"; cp "$model" "$keep/"; fi
done
echo "fuzz-readers: $rounds model files, $valid valid and rendered"

# fuzz_import KIND WHAT FILE…: `orgchart import KIND` on each FILE, checked as above.
fuzz_import() {
    local kind="$1" what="$2" imported=0 input out before status
    shift 2
    for input in "$@"; do
        out="${input%.*}.yaml"
        before=$failures
        set +e; timeout 10 "$orgchart" import "$kind" "$input" -o "$out" >/dev/null 2>"$input.err"; status=$?; set -e
        check "$(basename "$input")" "$status" "$out" "$input.err" hint
        if [ "$failures" -gt "$before" ]; then mkdir -p "$keep"; cp "$input" "$keep/"; fi
        [ "$status" -eq 0 ] && imported=$((imported + 1))
    done
    echo "fuzz-readers: $rounds $what, $imported imported"
}
fuzz_import csv spreadsheets "$work"/sheet*.csv
fuzz_import json "JSON files" "$work"/tree*.json

bulletin="$root/../shared/seeds/000_3c041eb162174baa.txt"
if [ -f "$bulletin" ]; then
    bash "$root/scripts/fuzz-import.sh" "$bulletin" "$rounds" "$orgchart" || failures=$((failures + 1))
else
    echo "warning: $bulletin not found; bulletins not fuzzed" >&2
fi
echo "fuzz-readers: $failures failures"
[ "$failures" -eq 0 ]
