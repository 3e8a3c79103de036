"""How one bad-input case breaks its copy of a base scenario (tests/bad_inputs/README.md).

A case names one file by its logical path ("scenario.toml", "scenario_sweep.toml" or
"dataset/<name>") and one way to break it. The edit is made on a fresh copy; the 1-based
line it touched is returned so the expected message can name it ("{line}").
"""
import csv
import io
import os
import re

TEXT_EDITS = ("csv", "toml", "replace", "append", "delete", "content")
NODE_KINDS = ("missing", "directory", "fifo", "dangling_symlink", "devzero_symlink", "unreadable")


class CaseError(Exception):
    """The case itself is wrong (its marker is not in the file, its edit changes nothing)."""


def encode(case, text):
    """Mutation text as bytes: UTF-8, or Latin-1 when the case asks for raw bytes (non-UTF-8)."""
    return text.encode("latin-1" if case.get("latin1") else "utf-8")


def line_index(lines, match, what):
    """Index of the only line holding `match` (bytes); a CaseError when none or several."""
    found = [i for i, line in enumerate(lines) if match in line]
    if len(found) != 1:
        raise CaseError(f"{what}: {len(found)} lines hold {match!r}, expected exactly one")
    return found[0]


def edit_csv(case, lines, spec):
    """Sets one column of the line holding spec.match to spec.value (the header names the column)."""
    header_at = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith(b"#"))
    header = next(csv.reader([lines[header_at].decode("utf-8")]))
    if spec["column"] not in header:
        raise CaseError(f"no column {spec['column']!r} in the header {header}")
    at = line_index(lines, encode(case, spec["match"]), "csv.match")
    row = next(csv.reader([lines[at].decode("utf-8").rstrip("\r\n")]))
    row[header.index(spec["column"])] = "\0VALUE\0"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row)
    lines[at] = out.getvalue().encode("utf-8").replace(b"\0VALUE\0", encode(case, spec["value"]))
    return at


def edit_toml(case, lines, spec):
    """Sets `key = value` on the line holding spec.match (default: the key itself)."""
    key = spec["key"]
    at = line_index(lines, encode(case, spec.get("match", key + " =")), "toml.match")
    pattern = re.compile(rb"(?<![\w.\"])(" + re.escape(key.encode()) + rb"\s*=\s*)"
                         rb"(\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\}|[^,}\s#]+)")
    new, count = pattern.subn(lambda m: m.group(1) + encode(case, spec["value"]), lines[at], count=1)
    if count != 1:
        raise CaseError(f"toml: no `{key} = ...` on line {at + 1}")
    lines[at] = new
    return at


def edit_lines(case, lines, edit, spec):
    """Applies one text edit to the file's lines; returns the index of the line it touched."""
    if edit == "csv":
        return edit_csv(case, lines, spec)
    if edit == "toml":
        return edit_toml(case, lines, spec)
    if edit == "replace":
        old = encode(case, spec["old"])
        at = line_index(lines, old, "replace.old")
        lines[at] = lines[at].replace(old, encode(case, spec["new"]), 1)
        return at
    if edit == "append":
        if lines and not lines[-1].endswith(b"\n"):
            lines[-1] += b"\n"
        lines.append(encode(case, spec) + b"\n")
        return len(lines) - 1
    if edit == "delete":
        at = line_index(lines, encode(case, spec), "delete")
        del lines[at]
        return at
    raise CaseError(f"unknown edit {edit!r}")


def apply_text_edit(case, path):
    """Edits the file at `path` as the case says; returns the 1-based line touched (0: whole file)."""
    edit = next((e for e in TEXT_EDITS if e in case), None)
    if edit is None:
        return None
    if edit == "content":
        with open(path, "wb") as f:
            f.write(encode(case, case["content"]))
        return 0
    with open(path, "rb") as f:
        original = f.read()
    lines = original.splitlines(keepends=True)
    at = edit_lines(case, lines, edit, case[edit])
    text = b"".join(lines)
    if text == original:
        raise CaseError(f"the {edit} edit does not change the file")
    with open(path, "wb") as f:
        f.write(text)
    return at + 1


def replace_node(kind, path):
    """Replaces the file at `path` by something that is not a readable regular file."""
    if kind == "unreadable":
        os.chmod(path, 0)
        return
    os.remove(path)
    if kind == "directory":
        os.mkdir(path)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dangling_symlink":
        os.symlink(path + ".no-such-target", path)
    elif kind == "devzero_symlink":
        os.symlink("/dev/zero", path)
    elif kind != "missing":
        raise CaseError(f"unknown node kind {kind!r}; known: {', '.join(NODE_KINDS)}")


def break_file(case, path):
    """Applies the case's edit to `path`; returns the line for "{line}" (0 when there is none)."""
    line = apply_text_edit(case, path)
    if "node" in case:
        replace_node(case["node"], path)
    if line is None and "node" not in case and "file" in case:
        raise CaseError("the case names a file but no edit (csv, toml, replace, append, delete, content, node)")
    return line or 0
