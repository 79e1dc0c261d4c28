#!/usr/bin/env bash
# Fuzzes `orgchart import bulletin` with mutated and truncated bulletins and unrelated text.
# Every run must end within 10 s with status 0 (a model that `orgchart validate` accepts) or 1
# (an error message with a hint, no output file); a crash, a hang or a backtrace fails the script.
#
#   scripts/fuzz-import.sh BULLETIN.txt [ROUNDS] [ORGCHART]
#
# Bounded: ROUNDS (default 200) runs of at most 10 s each. Deterministic: the mutations are seeded.
set -euo pipefail
bulletin=${1:?usage: scripts/fuzz-import.sh BULLETIN.txt [ROUNDS] [ORGCHART]}
rounds=${2:-200}
orgchart=${3:-.build-import/debug/orgchart}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$bulletin" "$rounds" "$work" <<'PY'
import random, sys, os
source, rounds, work = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2]), sys.argv[3]
rng = random.Random(20100101)
junk = list("()[]\",.;: \n\t1.2(a)") + ["\u00a0", "\u2019", "\u201c", "\ufeff", "\x00", "\r", "\u0301", "é", "Section 4\n", "4.3\n", "(b)\n", "[", "]"]
words = source.split()
def mutate(i):
    kind = i % 8
    text = source
    if kind == 0:
        return text[: rng.randrange(len(text) + 1)]
    if kind == 1:
        lines = text.split("\n")
        for _ in range(rng.randrange(1, 60)):
            j = rng.randrange(len(lines))
            if rng.random() < 0.5: del lines[j]
            else: lines.insert(rng.randrange(len(lines)), lines[j])
        return "\n".join(lines)
    if kind == 2:
        chars = list(text)
        for _ in range(rng.randrange(1, 500)):
            chars[rng.randrange(len(chars))] = rng.choice(junk)
        return "".join(chars)
    if kind == 3:
        return " ".join(rng.choice(words) for _ in range(rng.randrange(1, 3000)))
    if kind == 4:
        return text.replace("\n", " ") if rng.random() < 0.5 else text.replace(" ", "\n")
    if kind == 5:
        return rng.choice(["", "\n\n\n", "hello", "ST/SGB/2010/1", "(a)" * 5000, "1.1 " * 4000, "[" * 10000,
                           "Organization of the Department of X\n" + "2.1 The X comprises the Y, which includes the Z. " * 300,
                           bytes(rng.randrange(256) for _ in range(5000)).decode("latin-1")])
    if kind == 6:
        sentences = text.split(". ")
        rng.shuffle(sentences)
        return ". ".join(sentences)
    return text * rng.randrange(2, 6)
for i in range(rounds):
    with open(os.path.join(work, f"case{i:04d}.txt"), "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(mutate(i))
PY

imported=0; refused=0; failures=0
for case in "$work"/case*.txt; do
  out="${case%.txt}.yaml"
  set +e
  timeout 10 "$orgchart" import bulletin "$case" -o "$out" 2>"$case.err" >/dev/null
  status=$?
  set -e
  if [ "$status" -eq 0 ]; then
    if ! timeout 10 "$orgchart" validate "$out" >/dev/null 2>&1; then echo "FAIL $(basename "$case"): output does not validate"; failures=$((failures+1)); fi
    imported=$((imported+1))
  elif [ "$status" -eq 1 ] && grep -q "hint:" "$case.err" && [ ! -e "$out" ]; then
    refused=$((refused+1))
  else
    echo "FAIL $(basename "$case"): status $status"; head -5 "$case.err"; failures=$((failures+1))
  fi
  if grep -qiE "fatal error|backtrace|Illegal instruction|Segmentation" "$case.err"; then echo "FAIL $(basename "$case"): crash output"; failures=$((failures+1)); fi
done
echo "fuzz-import: $rounds cases, $imported imported (all validate), $refused refused with a hint, $failures failures"
[ "$failures" -eq 0 ]
