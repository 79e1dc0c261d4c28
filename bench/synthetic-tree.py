#!/usr/bin/env python3
"""Writes a deterministic synthetic organization model of N units (YAML) for the benchmark.

usage: synthetic-tree.py N > model.yaml
       synthetic-tree.py N --cross M > model.yaml
       synthetic-tree.py --chain N > model.yaml

The tree is grown breadth-first: each unit gets 2 to 8 subunits (from a fixed linear
congruential sequence, so the same N always gives the same bytes) until N units exist. Kinds
follow the depth (department, office, division, service, section, unit, team); names and head
titles are of realistic length.

With --cross M the tree also has M lines across it (direct access, reports to, dual reporting,
in turn), each from a unit three or more levels deep to a unit near it, as such lines run in
real organizations: the head two levels up, or a unit beside its parent or grandparent (from
the same sequence): lines the organigramme routes between the boxes.

With --chain the N units form one chain N levels deep (each unit in the one before it), and
every 1,000th unit is accountable both to the unit above it and to the unit two levels up: a deep
chain of accountability with dual lines, whose number of paths doubles at each of them."""
import sys

KINDS = ["department", "office", "division", "service", "section", "unit", "team", "cell"]
TITLES = ["Under-Secretary-General", "Assistant Secretary-General", "Director", "Chief of Service",
          "Chief of Section", "Chief of Unit", "Team Leader", "Coordinator"]
TOPICS = ["Policy", "Finance", "Operations", "Planning", "Logistics", "Human Resources", "Legal Affairs",
          "Communications", "Information Technology", "Procurement", "Evaluation", "Training"]


def main():
    if sys.argv[1:2] == ["--chain"]:
        return chain(int(sys.argv[2]))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    cross = int(sys.argv[3]) if sys.argv[2:3] == ["--cross"] else 0
    state = 12345

    def draw(k):
        nonlocal state
        state = (state * 1103515245 + 12345) % 2147483648
        return (state >> 16) % k

    parent = [None]
    depth = [0]
    queue = [0]
    head = 0
    while len(parent) < n:
        unit = queue[head]
        head += 1
        for _ in range(2 + draw(7)):
            if len(parent) >= n:
                break
            parent.append(unit)
            depth.append(depth[unit] + 1)
            queue.append(len(parent) - 1)
    deep = [i for i in range(n) if depth[i] >= 3]
    children = {}
    for i in range(1, n):
        children.setdefault(parent[i], []).append(i)
    lines, seen = [], set()
    kinds = ["direct-access", "reports-to", "dual-reporting"]
    attempts = 0
    while len(lines) < cross and deep and attempts < 100 * cross:
        attempts += 1
        a = deep[draw(len(deep))]
        up = parent[parent[a]]
        choice = draw(3)
        if choice == 0:
            b = up
        else:
            above = parent[a] if choice == 1 else parent[parent[a]]
            siblings = children[parent[above]]
            b = siblings[draw(len(siblings))]
        if (a, b) in seen or b == parent[a] or a == b:
            continue
        seen.add((a, b))
        lines.append((kinds[len(lines) % 3], a, b))
    write(n, parent, depth, lines=lines, name=f"synthetic-{n}-cross-{cross}" if cross else None)


def chain(n):
    """A chain n units deep, with a dual line every 1,000 units."""
    dual = [(i, i - 2) for i in range(1000, n, 1000)]
    write(n, [None] + list(range(n - 1)), list(range(n)), dual, name=f"synthetic-chain-{n}")


def write(n, parent, depth, dual=(), lines=(), name=None):
    """The model of n units under `parent`, at `depth`; each pair (a, b) of `dual` makes a
    accountable to its parent and also accountable to b; each (kind, a, b) of `lines` is a
    relationship of that kind from a to b."""
    name = name or f"synthetic-{n}"
    out = [f"model: {name}", f"title: Synthetic Organization of {n} Units", 'date: "2025-01-01"',
           "root: u0", "documents:", "  - id: gen", "    title: Synthetic model for the benchmark", "units:"]
    for i in range(n):
        d = min(depth[i], len(KINDS) - 1)
        topic = TOPICS[(i * 7 + d) % len(TOPICS)]
        out.append(f"  - id: u{i}")
        out.append(f"    name: {KINDS[d].capitalize()} of {topic} {i}")
        out.append(f"    kind: {KINDS[d]}")
        if parent[i] is not None:
            out.append(f"    parent: u{parent[i]}")
        out.append(f"    head: {{title: {TITLES[d]}, grade: {['USG', 'ASG', 'D-2', 'D-1', 'P-5', 'P-4', 'P-3', 'P-2'][d]}}}")
        out.append(f"    source: gen §{i}")
    if dual or lines:
        out.append("relationships:")
    for a, b in dual:
        for kind, to in (("accountable-to", parent[a]), ("also-accountable-to", b)):
            out += [f"  - kind: {kind}", f"    from: u{a}", f"    to: u{to}", f"    source: gen §{a}"]
    for kind, a, b in lines:
        out += [f"  - kind: {kind}", f"    from: u{a}", f"    to: u{b}", f"    source: gen §{a}"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
