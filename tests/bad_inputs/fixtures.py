"""The case folder: a fresh copy of a base scenario and its dataset, the command run on it,
and a snapshot of its files to show that a failed command changed and left nothing.

Bases (a case's `base`):
  small  tests/data/small (scenario.toml, scenario_sweep.toml, dataset/ with five tables)
  nl     scenarios/current-policy.toml with the shipped clusters/nl dataset (every table)
A case names files by logical path: "scenario.toml" (or the case's `scenario`), or
"dataset/<table>".
"""
import hashlib
import os
import shutil
import stat

NL_SCENARIO = "current-policy.toml"


def make_copy(repo, base, case_dir):
    """Copies the base into case_dir; returns {logical prefix: real folder}."""
    if base == "small":
        shutil.copytree(os.path.join(repo, "tests", "data", "small"), os.path.join(case_dir, "s"))
        return {"": os.path.join(case_dir, "s"), "dataset/": os.path.join(case_dir, "s", "dataset")}
    if base == "nl":
        os.makedirs(os.path.join(case_dir, "scenarios"))
        shutil.copy(os.path.join(repo, "scenarios", NL_SCENARIO), os.path.join(case_dir, "scenarios"))
        shutil.copytree(os.path.join(repo, "clusters", "nl"), os.path.join(case_dir, "clusters", "nl"))
        return {"": os.path.join(case_dir, "scenarios"), "dataset/": os.path.join(case_dir, "clusters", "nl")}
    raise ValueError(f"unknown base {base!r} (small or nl)")


def real_path(folders, logical, base):
    """The file a logical path names in the copy ("scenario.toml" is the base's scenario)."""
    if logical.startswith("dataset/"):
        return os.path.join(folders["dataset/"], logical[len("dataset/"):])
    if base == "nl" and logical == "scenario.toml":
        logical = NL_SCENARIO
    return os.path.join(folders[""], logical)


def snapshot(folder):
    """{relative path: content hash or node kind} of everything under folder (links not followed)."""
    result = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            mode = os.lstat(path).st_mode
            if stat.S_ISREG(mode) and mode & 0o444:
                with open(path, "rb") as f:
                    kind = hashlib.sha256(f.read()).hexdigest()
            elif stat.S_ISLNK(mode):
                kind = "link to " + os.readlink(path)
            else:
                kind = f"mode {stat.S_IFMT(mode):o}" + (" unreadable" if stat.S_ISREG(mode) else "")
            result[os.path.relpath(path, folder)] = kind
    return result


def snapshot_changes(before, after):
    """What a command added, removed or changed in the case folder, as readable lines."""
    lines = [f"left behind: {p}" for p in sorted(after.keys() - before.keys())]
    lines += [f"removed: {p}" for p in sorted(before.keys() - after.keys())]
    lines += [f"changed: {p}" for p in sorted(p for p in before.keys() & after.keys() if before[p] != after[p])]
    return lines


def open_to_everyone(folder):
    """Lets an unprivileged user read and write the copy (the unreadable-file case as root)."""
    os.chmod(folder, 0o777)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o777)
        for name in files:
            os.chmod(os.path.join(root, name), 0o666)
