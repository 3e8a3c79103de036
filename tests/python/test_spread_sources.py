#!/usr/bin/python3
"""tools/spread_sources.py: the spread of national net CO2 split by plant and by agreement.

Usage: test_spread_sources.py <path-to-eiisim-binary> <repo-root>

Runs current-policy with seeds 1-4 for 2030, as drawn and with Tata's deal fixed on time
([agreements.fixed], docs/ODD.md §7.15), and checks that the plants' variance shares add
up to 1; that every agreement drawn per run (EoP, JLoI) is reported with outcome groups
covering all runs; that the run files record the fixed outcome (every run on_time, so the
deal explains none of the spread: eta^2 = 0); and that a binding agreement is never
reported as drawn.
"""

import os
import sys
import tempfile

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def fixed_scenario(repo, folder):
    """current-policy with Tata's deal fixed on time, written to `folder` (dataset path absolute)."""
    path = os.path.join(repo, "scenarios", "current-policy.toml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    dataset = os.path.join(repo, "clusters", "nl")
    text = text.replace('dataset = "../clusters/nl"', 'dataset = "{}"'.format(dataset), 1)
    out = os.path.join(folder, "tata-on-time.toml")
    with open(out, "w", encoding="utf-8") as f:
        f.write(text + '\n[agreements.fixed]\ntata_2025 = "on_time"\n')
    return out


def main():
    eiisim, repo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    sys.path.insert(0, os.path.join(repo, "tools"))
    import spread_sources
    from seed_ensemble import ensemble

    seeds = range(1, 5)
    drawn = [r for _, r in sorted(ensemble(eiisim, os.path.join(repo, "scenarios", "current-policy.toml"), seeds, 2,
                                           read=spread_sources.read_run(2030)).items())]
    report = spread_sources.analyse(drawn, top=5)
    check(abs(report["share_sum"] - 1.0) < 1e-9, "plant shares add up to {}, not 1".format(report["share_sum"]))
    names = [row["agreement"] for row in report["agreements"]]
    check("tata_2025" in names, "tata_2025 (a JLoI) is reported: {}".format(names))
    check("nobian_2024" not in names, "nobian_2024 is binding in the data, not drawn: {}".format(names))
    for row in report["agreements"]:
        runs = sum(group["runs"] for group in row["groups"].values())
        check(runs == len(drawn), "{}: groups cover {} of {} runs".format(row["agreement"], runs, len(drawn)))
        check(set(row["groups"]) <= {"on_time", "late", "failed"}, "{}: groups {}".format(row["agreement"], row["groups"]))
        check(-1e-12 <= row["eta2"] <= 1 + 1e-12, "{}: eta^2 {}".format(row["agreement"], row["eta2"]))

    with tempfile.TemporaryDirectory() as tmp:
        scenario = fixed_scenario(repo, tmp)
        fixed = [r for _, r in sorted(ensemble(eiisim, scenario, seeds, 2, read=spread_sources.read_run(2030)).items())]
    tata = fixed[0]["agreements"].index("tata_2025")
    check(all(r["outcomes"][tata] == "on_time" for r in fixed),
          "fixed on time in every run: {}".format([r["outcomes"][tata] for r in fixed]))
    row = next(r for r in spread_sources.analyse(fixed, top=5)["agreements"] if r["agreement"] == "tata_2025")
    check(list(row["groups"]) == ["on_time"] and row["eta2"] == 0.0, "a fixed deal explains nothing: {}".format(row))
    print("{} failure(s)".format(len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
