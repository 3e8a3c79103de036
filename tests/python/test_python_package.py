#!/usr/bin/python3
"""The Python tools as a package: `python3 -m eiisim_results` from any folder.

Usage: test_python_package.py <path-to-eiisim-binary> <repo-root>   (binary unused)

1. `pip install --no-build-isolation --no-deps --no-index` of a copy of tools/ (offline,
   Debian's pip and setuptools) into a target folder: the command runs from another
   folder with only that folder on the path, and the console script exists.
2. tools/install_python_package.sh (no pip): with a scratch user site, the command runs
   from another folder without PYTHONPATH.
3. An interpreter without numpy/h5py (here: python3 -S, no site-packages) gets a message
   naming the missing libraries and the Debian packages, exit status 2, no traceback.
Exits non-zero on any failure.
"""

import os
import shutil
import subprocess
import sys
import tempfile

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def main():
    root = os.path.abspath(sys.argv[2])
    tools = os.path.join(root, "tools")
    base_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "src")
        os.makedirs(source)
        shutil.copy(os.path.join(tools, "pyproject.toml"), source)
        shutil.copytree(os.path.join(tools, "eiisim_results"), os.path.join(source, "eiisim_results"),
                        ignore=shutil.ignore_patterns("__pycache__"))
        target = os.path.join(tmp, "target")
        pip = run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index",
                   "--target", target, source], tmp, base_env)
        check(pip.returncode == 0, f"pip install failed: {pip.stderr[-800:]}")
        elsewhere = os.path.join(tmp, "elsewhere")
        os.makedirs(elsewhere)
        help_run = run([sys.executable, "-m", "eiisim_results", "--help"], elsewhere, dict(base_env, PYTHONPATH=target))
        check(help_run.returncode == 0 and "sobol" in help_run.stdout, f"installed package: {help_run.stderr[-400:]}")
        check(os.path.exists(os.path.join(target, "bin", "eiisim-results")), "no eiisim-results console script")

        user = dict(base_env, HOME=os.path.join(tmp, "home"), PYTHONUSERBASE=os.path.join(tmp, "userbase"))
        link = run(["sh", os.path.join(tools, "install_python_package.sh"), sys.executable], tmp, user)
        check(link.returncode == 0, f"install_python_package.sh: {link.stderr}")
        linked = run([sys.executable, "-m", "eiisim_results", "--help"], elsewhere, user)
        check(linked.returncode == 0 and "export-ema" in linked.stdout, f"after the .pth: {linked.stderr[-400:]}")

        bare = run([sys.executable, "-S", "-m", "eiisim_results", "sobol", "x.h5", "--out", "o"], elsewhere,
                   dict(base_env, PYTHONPATH=tools))
        check(bare.returncode == 2 and "python3-numpy" in bare.stderr and "Traceback" not in bare.stderr,
              f"missing numpy: rc {bare.returncode}, {bare.stderr[-600:]}")
    if failures:
        return 1
    print("python package: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
