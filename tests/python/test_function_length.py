#!/usr/bin/python3
"""No function of the MIDDEN importer (tools/midden/) and no C++ function is longer than 80 lines.

    test_function_length.py <eiisim-binary> <repo-root>

The binary argument is ignored. A function's length runs from its `def` line to its last
line (docstring, comments and nested functions included), as the `ast` module reports it.
Long functions are where the importer's figures used to hide; keep them short. Prints the
longest function; exits non-zero when any function is too long.
"""
import ast
import os
import sys

MAX_LINES = 80


def function_lengths(path, root):
    """(length, 'file:line name') of every function and method in a Python file."""
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), filename=path)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.end_lineno - node.lineno + 1, f"{os.path.relpath(path, root)}:{node.lineno} {node.name}"


def cpp_check(root):
    """The C++ scan of tools/lint/function_length.py: a probe it must catch, then the tree."""
    sys.path.insert(0, os.path.join(root, "tools", "lint"))
    import function_length
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as probe:
        probe.write("namespace x {\nint f(int a) {\n" + "    a += 1;  // }\n" * 85 + "    return a;\n}\n"
                    "struct A { A& operator=(const A& o) {\n" + "    (void)o;\n" * 85 + "    return *this;\n} };\n}\n")
    found = function_length.functions(probe.name)
    os.unlink(probe.name)
    if [(first, last) for first, last, _ in found] != [(2, 89), (90, 177)]:
        print(f"FAIL: the C++ scan misread a probe: {found}")
        return 1
    return function_length.main(["function_length.py", root, "--max", str(MAX_LINES)])


def main():
    if len(sys.argv) < 3:
        print("usage: test_function_length.py <eiisim-binary> <repo-root>", file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[2])
    package = os.path.join(root, "tools", "midden")
    lengths = []
    for folder, _, files in os.walk(package):
        lengths += [x for name in sorted(files) if name.endswith(".py")
                    for x in function_lengths(os.path.join(folder, name), root)]
    if not lengths:
        print(f"FAIL: no functions found under {package}")
        return 1
    too_long = sorted((x for x in lengths if x[0] > MAX_LINES), reverse=True)
    for n, where in too_long:
        print(f"FAIL: {where} has {n} lines (max {MAX_LINES})")
    n, where = max(lengths)
    print(f"test_function_length: {'FAILED' if too_long else 'ok'} ({len(lengths)} functions, longest {n} lines: {where})")
    return 1 if too_long or cpp_check(root) else 0


if __name__ == "__main__":
    sys.exit(main())
