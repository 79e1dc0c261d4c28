#!/usr/bin/env python3
"""Writes a hostile bulletin of about 1.95 MB (just under the importer's 2 MB limit) from a real one.

usage: hostile-bulletin.py hyphens|items BULLETIN.txt > hostile.txt

The whole of BULLETIN is kept (the importer refuses a text that does not read as a bulletin),
then one long numbered paragraph follows:
  hyphens  the bulletin's words over and over, in lines of about 40 characters, each line ending
           in a word broken by a hyphen, as PDF conversions break them;
  items    lettered items `(a)`, `(b)` … each alone on its line, the item's text on the next.
The same input always gives the same bytes."""
import sys

LIMIT = 1_950_000


def main():
    mode, path = sys.argv[1], sys.argv[2]
    source = open(path, encoding="utf-8").read()
    out = [source, "\n\n9.1 The Department comprises the following:\n"]
    size = sum(len(part.encode()) for part in out)
    if mode == "hyphens":
        words = [w for w in source.split() if w.isalpha()]
        line, i = "", 0
        while size < LIMIT:
            word = words[i % len(words)]
            i += 1
            if len(line) + len(word) > 40 and len(word) > 3:
                text = f"{line} {word[:2]}-\n"
                line = word[2:]
            else:
                line = f"{line} {word}".strip()
                continue
            out.append(text)
            size += len(text.encode())
    elif mode == "items":
        i = 0
        while size < LIMIT:
            text = f"({chr(ord('a') + i % 26)})\nThe Section of Item {i};\n"
            out.append(text)
            size += len(text.encode())
            i += 1
    else:
        sys.exit("usage: hostile-bulletin.py hyphens|items BULLETIN.txt")
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    main()
