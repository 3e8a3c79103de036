#!/usr/bin/python3
"""Employees per plant, de-duplicated and sourced (tools/midden/employment.py; docs/dataset.md
"Employment").

    test_employment.py <eiisim-binary> <repo-root>

Checks the committed clusters/nl/plants.csv: the plants (and their units) of each employment
group of tools/midden/tables/employment_groups.csv add up to the group's headcount, not to
the headcount times the number of installations (Dow Terneuzen: 3,600, not 32,400); no plant
is left at 0 (an ESTIMATE fills it); every plant's source says where its staff come from.
Then the split keeps totals exactly and a headcount that is neither each member's figure
nor their sum is refused. The binary argument is ignored.
"""
import csv
import os
import sys

FAILS = []


def check(cond, msg):
    if not cond:
        FAILS.append(msg)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(ln for ln in f if ln.strip() and not ln.startswith("#")))


def test_committed(root):
    from midden import tables
    plants = read_csv(os.path.join(root, "clusters", "nl", "plants.csv"))
    for g in tables.employment_groups():
        staff = sum(int(p["employees"]) for p in plants if p["site"] in g.plants or p["id"] in g.plants)
        check(staff == g.headcount, f"group {g.group}: its plants have {staff} employees, not {g.headcount}")
    terneuzen = {"M192", "M193", "M194", "M195", "M196", "M198", "M199", "M200", "M201"}   # Dow BKGs and ELSTA
    dow = sum(int(p["employees"]) for p in plants if p["site"] in terneuzen)
    check(dow == 3600, f"Dow Terneuzen's plants sum to {dow} employees, not the site's 3,600")
    for p in plants:
        check(int(p["employees"]) > 0 or float(p["production_t"]) == 0, f"{p['id']}: 0 employees")
        check("employees" in p["source"], f"{p['id']}: the source does not say where its employees come from")
    estimated = [p for p in plants if "employees ESTIMATE" in p["source"]]
    check(len(estimated) > 50, f"only {len(estimated)} plants marked 'employees ESTIMATE' (74 MIDDEN zeros)")


def test_rules():
    from midden import employment, tables
    for total, weights in ((3600, [961.3, 650.2, 0.4, 7.0]), (7, [1, 1, 1]), (5, [0, 0])):
        parts = employment.largest_remainder(total, weights)
        check(sum(parts) == total and min(parts) >= 0, f"largest_remainder({total}, {weights}) = {parts}")
    group = tables.EmploymentGroup("g", ("A", "B"), 300, "test")
    for reported in ([300, 300], [300, 0], [150, 150]):
        employment._check_reported(group, reported)
    try:
        employment._check_reported(group, [300, 150])
        check(False, "a headcount that is neither each member's figure nor their sum must be refused")
    except tables.TableError as e:
        check("employment_groups.csv" in str(e) and "headcount" in str(e), f"error must name file and field: {e}")


def main():
    if len(sys.argv) < 3:
        print("usage: test_employment.py <eiisim-binary> <repo-root>", file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[2])
    test_committed(root)
    test_rules()
    for f in FAILS:
        print("FAIL:", f)
    print("test_employment:", "FAILED" if FAILS else "ok", f"({len(FAILS)} failures)")
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
