#!/usr/bin/env python3
"""Fails when a table of the kiosk's store is named in SQL outside its owner file(s) (tests/lint/table-owners.txt).

Usage: table-owners.py SOURCE_ROOT [OWNERS_FILE]. Prints every offender as `file:line: table "name" (owner: …)`.
SQL is looked for in C++ string literals; adjacent literals (a statement split over lines) are joined first.
"""
import os
import re
import sys

SCANNED = ("app", "sync/client", "ui")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
KEYWORDS = r"\b(?:FROM|JOIN|INTO|UPDATE|TABLE|ON|EXISTS)"


def read_owners(path, root):
    owners, schema, states, state_owner = {}, set(), [], set()
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if ":" not in line:
                sys.exit(f"{path}:{number}: expected `table: owner…`")
            name, files = line.split(":", 1)
            files = files.split()
            if not files:
                sys.exit(f"{path}:{number}: no owner for {name.strip()}")
            if name.strip() == "schema":
                schema.update(files)
            elif name.strip() == "states":
                states = files
            elif name.strip() == "state-owner":
                state_owner.update(files)
            else:
                # A class is its .cpp and its .h.
                owners[name.strip()] = set(files) | {f[:-4] + ".h" for f in files if f.endswith(".cpp")}
    for table, files in owners.items():
        for f in files | schema | state_owner:
            if f.endswith(".cpp") and not os.path.exists(os.path.join(root, f)):
                sys.exit(f"{path}: {f} (owner of {table}) does not exist: update the map")
    return owners, schema, states, state_owner


TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*.*?\*/', re.DOTALL)


def without_comments(text):
    """Comments blanked (newlines kept, so line numbers stay), string literals untouched."""
    return TOKENS.sub(lambda m: m.group(0) if m.group(0).startswith('"') else re.sub(r"[^\n]", " ", m.group(0)), text)


def shown(files):
    return " ".join(sorted(f for f in files if not f.endswith(".h")))


def statements(text):
    """Yields (line, joined text) for each run of adjacent string literals."""
    run, start, end = [], None, None
    for m in LITERAL.finditer(text):
        gap = text[end:m.start()] if end is not None else None
        if run and gap is not None and gap.strip() == "":
            run.append(m.group(1))
        else:
            if run:
                yield start, " ".join(run)
            run, start = [m.group(1)], text.count("\n", 0, m.start()) + 1
        end = m.end()
    if run:
        yield start, " ".join(run)


def main():
    root = sys.argv[1]
    owners_file = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "tests/lint/table-owners.txt")
    owners, schema, states, state_owner = read_owners(owners_file, root)
    state_words = set(states)
    quoted_state = re.compile(r"'(" + "|".join(map(re.escape, states)) + r")'") if states else None
    patterns = {t: re.compile(KEYWORDS + r'\s+[\\"]*' + re.escape(t) + r"\b") for t in owners}
    offenders = []
    for top in SCANNED:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if not name.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root)
                if rel in schema:
                    continue
                with open(path, encoding="utf-8") as f:
                    text = without_comments(f.read())
                for line, sql in statements(text):
                    for table, pattern in patterns.items():
                        if rel not in owners[table] and pattern.search(sql):
                            offenders.append((rel, line, f'table "{table}" is owned by ' + shown(owners[table])))
                if rel in state_owner:
                    continue
                for m in LITERAL.finditer(text):
                    word = m.group(1)
                    if word in state_words or (quoted_state and quoted_state.search(word)):
                        line = text.count("\n", 0, m.start()) + 1
                        offenders.append((rel, line, "state word outside " + shown(state_owner) + f': "{word}"'))
    for rel, line, what in sorted(set(offenders)):
        print(f"{rel}:{line}: {what}")
    if offenders:
        print(f"{len(set(offenders))} use(s) outside their owner (tests/lint/table-owners.txt).")
        return 1
    print(f"{len(owners)} tables, each named in SQL only by its owner; state words only in {shown(state_owner)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
