#!/usr/bin/python3
"""Runs the bad-input corpus (tests/bad_inputs/README.md): every case in cases/*.toml.

    run_corpus.py <eiisim> <repo-root> [--jobs N] [--sanitized] [--only NAME]

Each case copies a base scenario into a fresh folder, breaks one thing, runs one command
and checks: the exit status, every expected message fragment on stderr, that no file was
left behind (no output, no *.tmp-*) and that every input is unchanged. Cases marked
`pending` expect behaviour a fix not yet merged brings: they run and are reported apart
(with what they do today) and do not fail the suite. Exits 1 when a case fails.
"""
import argparse
import concurrent.futures
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fixtures  # noqa: E402
import mutations  # noqa: E402

DEFAULTS = {"base": "small", "command": "run", "exit": 2, "expect": [], "args": [], "timeout": 60}
PENDING_TIMEOUT_S = 3      # a pending case may hang today (a FIFO): do not wait long
MEMORY_LIMIT = 4 << 30     # a case that reads /dev/zero must not take the machine's memory
NOBODY = 65534


def load_cases(folder):
    cases = []
    for path in sorted(glob.glob(os.path.join(folder, "cases", "*.toml"))):
        with open(path, "rb") as f:
            for case in tomllib.load(f).get("case", []):
                cases.append({**DEFAULTS, **case, "manifest": os.path.basename(path)})
    names = [c["name"] for c in cases]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        sys.exit(f"duplicate case names: {', '.join(duplicates)}")
    return cases


def command_line(eiisim, case, scenario, out):
    cmd = [eiisim, case["command"], "--scenario", scenario]
    if case["command"] in ("run", "sweep"):
        cmd += ["--quiet"] + ([] if "--out" in case["args"] else ["--out", out])
    if case["command"] == "sweep" and "--runs" not in case["args"]:
        cmd += ["--runs", "2", "--threads", "1"]
    return cmd + list(case["args"])


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def execute(cmd, case, cwd, sanitized, as_nobody):
    """(exit status or 'timeout', stderr text) of the command."""
    timeout = min(case["timeout"], PENDING_TIMEOUT_S) if case.get("pending") else case["timeout"]
    if as_nobody:
        cmd = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] + cmd
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout,
                              preexec_fn=None if sanitized else limit_memory)
    except subprocess.TimeoutExpired as e:
        return f"timeout after {timeout} s", (e.stderr or b"").decode("utf-8", "replace")
    return done.returncode, done.stderr.decode("utf-8", "replace")


def prepare(case, repo, case_dir):
    """Copies and breaks the case's base; returns (scenario path, out path, line, as_nobody)."""
    folders = fixtures.make_copy(repo, case["base"], case_dir)
    scenario = fixtures.real_path(folders, case.get("scenario", "scenario.toml"), case["base"])
    target = fixtures.real_path(folders, case["file"], case["base"]) if "file" in case else scenario
    as_nobody = case.get("node") == "unreadable" and os.geteuid() == 0
    if as_nobody:
        fixtures.open_to_everyone(case_dir)  # root reads a mode-000 file: run as nobody instead
    line = mutations.break_file(case, target)
    out = target if case.get("out") == "input" else os.path.join(case_dir, "out.h5")
    return scenario, out, line, as_nobody


def check(case, status, stderr, line, changes):
    """The problems of one finished case; empty when it behaved as the manifest says."""
    problems = []
    if status != case["exit"]:
        problems.append(f"exit status {status}, expected {case['exit']}")
    for fragment in case["expect"]:
        wanted = fragment.replace("{line}", str(line)).replace("{file}", os.path.basename(case.get("file", "")))
        if wanted not in stderr:
            problems.append(f"stderr lacks {wanted!r}")
    problems += changes
    if problems:
        problems.append("stderr: " + " | ".join(stderr.strip().splitlines()[:4])[:600])
    return problems


def run_case(case, eiisim, repo, sanitized):
    """(case, outcome, problems): outcome is pass, fail, skip or error (a broken case)."""
    case_dir = tempfile.mkdtemp(prefix="eiisim-bad-")  # no case name: it could match a fragment
    try:
        scenario, out, line, as_nobody = prepare(case, repo, case_dir)
        if as_nobody and shutil.which("setpriv") is None:
            return case, "skip", ["running as root without setpriv: root reads a mode-000 file"]
        before = fixtures.snapshot(case_dir)
        status, stderr = execute(command_line(eiisim, case, scenario, out), case, case_dir, sanitized, as_nobody)
        changes = fixtures.snapshot_changes(before, fixtures.snapshot(case_dir))
        problems = check(case, status, stderr, line, changes)
        return case, "fail" if problems else "pass", problems
    except (mutations.CaseError, KeyError, ValueError, OSError) as e:
        return case, "error", [f"{type(e).__name__}: {e}"]
    finally:
        for root, dirs, _ in os.walk(case_dir):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o700)
        shutil.rmtree(case_dir, ignore_errors=True)


def report(results):
    """Prints one line per case and the summary; returns the exit status of the suite."""
    counts = {}
    for case, outcome, problems in results:
        pending = case.get("pending")
        label = {"pass": "PASS", "fail": "FAIL", "skip": "SKIP", "error": "BROKEN CASE"}[outcome]
        if pending and outcome in ("pass", "fail"):
            label = "PENDING, NOW PASSES (enable it)" if outcome == "pass" else "PENDING"
        counts[label] = counts.get(label, 0) + 1
        print(f"{label:8}  {case['name']}  [{case['manifest']}]")
        if pending and outcome == "fail":
            print(f"          waits for: {pending}")
        if outcome != "pass":
            for problem in problems:
                print(f"          {problem}")
    print(f"\nbad-input corpus: {len(results)} cases: "
          + ", ".join(f"{n} {label.lower()}" for label, n in sorted(counts.items())))
    return 1 if counts.get("FAIL") or counts.get("BROKEN CASE") else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("eiisim")
    parser.add_argument("repo")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sanitized", action="store_true", help="no memory limit (sanitizers reserve a lot)")
    parser.add_argument("--only", help="run only the case of this name")
    args = parser.parse_args()
    eiisim, repo = os.path.abspath(args.eiisim), os.path.abspath(args.repo)
    cases = load_cases(os.path.dirname(os.path.abspath(__file__)))
    if args.only:
        cases = [c for c in cases if c["name"] == args.only]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda c: run_case(c, eiisim, repo, args.sanitized), cases))
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
