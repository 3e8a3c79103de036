#!/usr/bin/python3
"""Lengths of the C++ functions in the source tree, for the rule "no function over 80 lines".

    function_length.py [--max N] [--list K] <repo-root>

A function runs from the first line of its signature to its closing brace (lambdas and
comments inside included). The scan is lexical: comments, string and character literals
are blanked, then every `{` is classified by the text before it: `namespace`, a class
(`class`/`struct`/`union`/`enum`), a function (a parameter list closes before the brace
and no `=` stands outside parentheses), or anything else (initialisers, control blocks,
which only count as part of their function). Exits 1 when a function is longer than the
maximum and prints each one with file:line.
"""
import argparse
import os
import re
import sys

SOURCE_FOLDERS = ("core", "inputs", "clusters", "agents", "sim", "output", "sweep", "cli", "tests", "tools/bench")
CONTROL = re.compile(r"\b(if|for|while|switch|catch|do|else|try)\b\s*(\(|$)")


def blank_literals(text):
    """The text with comments, strings, char literals and preprocessor lines blanked (newlines kept)."""
    pattern = re.compile(r'//[^\n]*|/\*.*?\*/|R"(?P<d>[^(]*)\(.*?\)(?P=d)"|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\''
                         r'|^[ \t]*#[^\n]*', re.S | re.M)
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def scope_kind(header):
    """What a `{` opens, judged by the code since the previous `;`, `{` or `}`."""
    h = " ".join(header.split())
    if re.search(r"\bnamespace\b", h) or h.startswith("extern"):
        return "namespace"
    if re.search(r"\b(class|struct|union|enum)\b", h) and ")" not in h.split("{")[0]:
        return "class"
    # An operator's name (operator=, operator==, operator<=>) is not an initialiser's `=`;
    # neither is a default argument inside the parameter list.
    h = re.sub(r"\boperator\s*[^\s(]+", "operator_", h)
    depth, outside_eq = 0, False
    for ch in h:
        depth += ch == "("
        depth -= ch == ")"
        outside_eq = outside_eq or (ch == "=" and depth == 0)
    if ")" in h and not outside_eq and not CONTROL.search(h) and not h.startswith("["):
        return "function"
    return "other"


def functions(path):
    """(first line, last line, signature) of every function defined in one file."""
    text = blank_literals(open(path, encoding="utf-8", errors="replace").read())
    stack, found = [], []
    header_start = 0
    for i, ch in enumerate(text):
        if ch in ";}":
            if ch == "}" and stack:
                kind, start, signature = stack.pop()
                if kind == "function" and not any(k == "function" for k, _, _ in stack):
                    found.append((text.count("\n", 0, start) + 1, text.count("\n", 0, i) + 1, signature))
            header_start = i + 1
        elif ch == "{":
            header = text[header_start:i]
            inside_function = any(k == "function" for k, _, _ in stack)
            kind = "other" if inside_function else scope_kind(header)
            first = header_start + len(header) - len(header.lstrip())
            stack.append((kind, first, " ".join(header.split())[:70]))
            header_start = i + 1
    return found


def scan(root):
    for folder in SOURCE_FOLDERS:
        for base, _, files in os.walk(os.path.join(root, folder)):
            for name in sorted(files):
                if name.endswith((".cpp", ".hpp")):
                    path = os.path.join(base, name)
                    for first, last, signature in functions(path):
                        yield last - first + 1, f"{os.path.relpath(path, root)}:{first}", signature


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root")
    parser.add_argument("--max", type=int, default=80)
    parser.add_argument("--list", type=int, default=0, help="also print the K longest")
    args = parser.parse_args(argv[1:])
    lengths = sorted(scan(args.root), reverse=True)
    for n, where, signature in lengths[: args.list]:
        print(f"{n:4d} {where} {signature}")
    too_long = [x for x in lengths if x[0] > args.max]
    for n, where, signature in too_long:
        print(f"FAIL: {where} {signature}: {n} lines (max {args.max})")
    print(f"function_length: {len(lengths)} functions, longest {lengths[0][0]} lines ({lengths[0][1]})")
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
