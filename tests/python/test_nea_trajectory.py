#!/usr/bin/python3
"""The Dutch current-policy run reproduces NEa's reported 2021->2022 fall in industrial
emissions (the gas-price shock) within 5 percentage points.

    test_nea_trajectory.py <eiisim-binary> <repo-root>

Runs tools/compare_nea_trajectory.py --check 0.05, which prints simulated 2020-2025
emissions next to NEa's (clusters/nl/nea_industry_trajectory.csv). The 2023 and 2024
NEa figures are estimates and are printed, not checked.
"""
import os
import subprocess
import sys


def main():
    eiisim, root = sys.argv[1], sys.argv[2]
    tool = os.path.join(root, "tools", "compare_nea_trajectory.py")
    r = subprocess.run([sys.executable, tool, eiisim, "--check", "0.05"], capture_output=True, text=True)
    sys.stdout.write(r.stdout)
    sys.stderr.write(r.stderr)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
