#!/usr/bin/python3
"""Splice the generated sections of docs/output-format.md from `eiisim observables`.

Usage: tools/update_output_doc.py EIISIM_BINARY [DOC] [--check]

`EIISIM_BINARY observables --format markdown` prints the variable tables of the output
series (core/observables.cpp), each between `<!-- BEGIN GENERATED <name>: ... -->` and
`<!-- END GENERATED <name> -->`. This script replaces every such section of DOC (default
docs/output-format.md next to this tools/ folder) by the generated one of the same name;
the prose around them is hand-written. With --check it changes nothing and exits 1,
printing a diff, when DOC is stale (tests/cli/observables.sh).
"""

import difflib
import os
import re
import subprocess
import sys

_SECTION = re.compile(r"<!-- BEGIN GENERATED (?P<name>[\w-]+)[^\n]*-->\n.*?<!-- END GENERATED (?P=name) -->\n",
                      re.DOTALL)


def sections(text):
    return {m.group("name"): m.group(0) for m in _SECTION.finditer(text)}


def spliced(doc_text, generated_text):
    """DOC with its generated sections replaced; ValueError if the two name different sections."""
    generated = sections(generated_text)
    present = sections(doc_text)
    if set(generated) != set(present):
        raise ValueError(f"sections differ: the document has {sorted(present)}, eiisim prints {sorted(generated)}")
    return _SECTION.sub(lambda m: generated[m.group("name")], doc_text)


def main(argv):
    args = [a for a in argv if a != "--check"]
    check = len(args) != len(argv)
    if not 1 <= len(args) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = args[0]
    doc = args[1] if len(args) == 2 else os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "output-format.md"))
    generated = subprocess.run([binary, "observables", "--format", "markdown"], check=True, capture_output=True,
                               text=True).stdout
    with open(doc, encoding="utf-8") as f:
        old = f.read()
    try:
        new = spliced(old, generated)
    except ValueError as exc:
        print(f"{doc}: {exc}", file=sys.stderr)
        return 1
    if check:
        if new == old:
            return 0
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), doc, "generated"))
        print(f"{doc} is stale; regenerate it: /usr/bin/python3 tools/update_output_doc.py {binary}", file=sys.stderr)
        return 1
    if new != old:
        with open(doc, "w", encoding="utf-8") as f:
            f.write(new)
        print(f"updated {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
