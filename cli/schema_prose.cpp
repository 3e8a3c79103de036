// The hand-written parts of docs/scenario.md. The tables of settings between them are
// generated from core/settings_schema.cpp (cli/schema_markdown.cpp).
#include "schema_markdown.hpp"

namespace eiisim {
namespace {

constexpr std::string_view kIntro = R"md(# Scenario reference

A scenario file (TOML) sets the years, price paths, policy, infrastructure timing and
behaviour of a run, and names the dataset folder (see `docs/input-format.md` for the
dataset tables). It is read by `inputs/scenario_loader.cpp`; the whole file is kept
verbatim in `Scenario::text` and stored with the output.

This page is generated from the settings schema in `core/settings_schema.cpp` by
`build/eiisim schema --format markdown > docs/scenario.md`; do not edit it by hand (a test
fails when it is stale). `build/eiisim schema` prints the same settings as a table,
`--format json` for tools.

Rules that hold everywhere:

- **Required** keys must be present; **optional** keys show their default.
- The *unit* column gives the unit in the file and, after an arrow, the unit the loader
  converts it to; `1` is dimensionless (a share, ratio or factor).
- The *sweep* column says whether an `[[uncertain]]` entry may sample the setting, as a
  `factor` on the loaded value, as a `value` that replaces it, or either.
- Unknown keys and tables are errors (a typo must not silently fall back to a default).
  Errors name the file, line, column and the dotted key path, e.g.
  `scenario.toml:13:50: field 'prices.gas_eur_per_mwh.2022': expected a number in [0, 10000], got the integer -123`.
- NaN and infinities are rejected everywhere, and every number has a finite range (the *range* column, in the
  file's unit): wide enough for any stress test, narrow enough that no product of inputs overflows
  (`core/bounds.hpp` gives the reasoning of each kind of quantity). A run that still computes an infinity or
  a NaN stops with an error naming the quantity, plant and year, and writes nothing.
- Units are written in the key names and converted **once** at load time; the engine
  sees EUR/GJ, t, GJ and EUR only. Money is EUR of the model price year (2023).

## Paths

A *path* is a quantity that changes over the years. Write it as an inline table of
year = value with bare year keys, or as a plain number for a constant:

```toml
ets_eur_per_t = { 2020 = 25, 2030 = 130, 2050 = 250 }
product_price_index = 1.0
```

Values are interpolated linearly between anchors and held constant before the first
and after the last. Year keys must be integers in 1900–2200 (written as digits only);
anchors are sorted on load; at least one anchor is needed. Each path below lists the
range its values must lie in.

)md";

constexpr std::string_view kClusterOverrides = R"md(### `[infrastructure.clusters.<id>]` — optional per-cluster overrides

`<id>` must be a cluster of `infrastructure.toml`. Each key is optional; an override is
taken **as written**, after (and not affected by) the delays and factors above.

| key | type | unit | range |
|---|---|---|---|
| `co2_connection_year` | integer | year | 1900–9999 (9999 = never) |
| `h2_connection_year` | integer | year | 1900–9999 |
| `grid_headroom_mw` | path | MW | ≥ 0 (cumulative new industrial load the grid can take) |

)md";

constexpr std::string_view kBeforeTargets = R"md(## `[buildout_limits]` — optional table

Maximum number of plants that may start a conversion of one option kind per year,
nationally. Keys are option kinds (`keep`, `electrify`, `ccs`, `hydrogen`, `import`,
`bio`, `relocate`, `close`, `relocate_eu`); values are integers ≥ 0. A kind not listed is unlimited.

```toml
[buildout_limits]
ccs = 4
hydrogen = 3
```

## `[[events]]` — optional array of tables

Decision windows: in `year`, the matching plants re-evaluate their route.

| key | type | status | meaning |
|---|---|---|---|
| `year` | integer | required | between `base_year` and `end_year` |
| `cluster` | text | optional (every cluster) | cluster id from `infrastructure.toml` |
| `sector` | text | optional (every sector) | sector id from `sectors.csv` |
| `plant` | text | optional (every matching plant) | plant id from `plants.csv`; must lie in the given cluster and sector |
| `kinds` | list of text | optional (anything) | option kinds the event opens or makes cheaper (`keep`, `electrify`, `ccs`, `hydrogen`, `import`, `bio`, `relocate`, `close`, `relocate_eu`): only a plant with an option of such a kind, whose route in force is not of that kind, re-evaluates |
| `cbam_sectors_only` | boolean | optional (`false`) | `true`: only plants whose sector is under CBAM (`cbam_covered` in `sectors.csv`) re-evaluate |
| `description` | text | required | shown in the event log |

An event invites re-evaluation only of plants for which it changes something
(docs/ODD.md §7.2): name what it changes with `kinds` and `cbam_sectors_only`.
Events are sorted by year on load (file order within a year). Error messages refer to
events as `events[1]`, `events[2]`, … in file order.

## `[[instruments]]` — optional array of tables: the support instruments

The public support plants can get (docs/ODD.md §7.14), each with its own yearly
commitment budget: SDE++ rounds and their domains, investment grants (NIKI, OWE), an
envelope that only funds the dataset's agreements (maatwerk). Without any, no plant gets
support. At most 8; at most 4 that take applications may support one option kind.

| key | type | status | meaning |
|---|---|---|---|
| `id` | text | required | lower-case id (letters, digits, `_`), unique; the `instrument` coordinate of the output and the `instrument` column of `agreements.csv` |
| `form` | text | required | `operating`: a yearly subsidy per t for a contract period, base amount less a correction amount that follows ETS and energy prices down to a floor (SDE++); `investment`: a one-off share of the capex, paid when the route starts |
| `kinds` | list of text | required when `applications` and no `technologies` | option kinds it supports (`electrify`, `ccs`, `hydrogen`, `bio`, ...) |
| `technologies` | list of text | optional (every option of the kinds) | option names (`technologies.csv` or `plant_options.csv` `name`) it supports, e.g. electrolysers |
| `applications` | boolean | optional (`true`) | plants apply in the yearly allocation; `false`: only agreements draw on it |
| `budget_meur` | path | required | million EUR of commitments per year, ≥ 0 (what is not committed in a year lapses) |
| `max_eur_per_tco2` | number | required (operating) | cap on the yearly payment per t CO2 avoided, EUR/t |
| `contract_years` | integer | required (operating) | years the operating subsidy is paid, 1-100 |
| `correction_floor_share` | number | optional (operating; 0.667) | floor of the correction amount as a share of its value at the award, 0-1 |
| `capex_share` | number | required (investment with applications) | share of the capex paid, 0-1 |
| `source` | text | required | where the figures come from |

```toml
[[instruments]]
id = "sde"
form = "operating"
kinds = ["ccs", "electrify", "hydrogen", "bio"]
budget_meur = { 2020 = 2000, 2030 = 1500, 2040 = 0 }
max_eur_per_tco2 = 300
contract_years = 15
source = "SDE++ rounds (rijksoverheid.nl)"
```

Error messages refer to instruments as `instruments[1]`, `instruments[2]`, … in file order.

## `[[uncertain]]` — optional array of tables: uncertain settings for sweeps

Settings that `eiisim sweep` samples (one value per run). A plain `eiisim run` ignores
them and uses the central paths and numbers written elsewhere in the file.

```toml
[[uncertain]]
# source: ... (keep the sources as comments, like every other value)
name = "ets_factor"                 # names the output variable param_ets_factor
target = "prices.ets_eur_per_t"     # one of the targets below
distribution = "triangular"         # uniform | triangular | normal | lognormal | discrete
low = 0.7
mode = 1.0
high = 1.5
scale = "factor"                    # factor (paths, default) | value (numbers, default)
```

| key | type | status | meaning |
|---|---|---|---|
| `name` | text | required | letters, digits and `_`; unique |
| `target` | text | required | a target from the table below; each target at most once |
| `also` | list of texts | optional | a joint draw: further targets the same sample applies to, with the same scale (e.g. the neighbours' gas paths with the Dutch one: one market-wide shock). A value draw needs targets of one unit and range; no target may be sampled twice |
| `distribution` | text | required | see below |
| `scale` | text | optional | `factor`: the sample multiplies the loaded path or number; `value`: it replaces the number. Paths and infrastructure factors take `factor` only, delays `value` only |
| `low`, `high` | number | uniform, triangular | range (`high > low`) |
| `mode` | number | triangular | in `[low, high]` |
| `mean`, `sd` | number | normal | `mean` in the sample range, `0 < sd <=` its width |
| `mu`, `sigma` | number | lognormal | the log of the sample is normal(mu, sigma), `0 < sigma <= 10`; `exp(mu)` in the sample range; `mu = 0` centres a factor on 1 |
| `values` | list of numbers | discrete | equally likely choices |

The *sample range* is `[0, 100]` for a factor and the target's valid range for a value. A
key that does not belong to the distribution (e.g. `mode` with `uniform`), an unknown
target or distribution, a range outside the sample range (a share above 1, a negative
factor) are input errors with file, line and column. Samples of unbounded distributions
(normal, lognormal) that fall outside the sample range are clamped into it, and the
stored parameter is the clamped value; a factor's scaled path is clamped into the
target's valid range.

Path factors multiply the whole path (`TimePath::scaled`). Where the dataset observes a
price (`observed_prices.csv`, unless `scenario.history = "off"`), the observed years are
put back after the factor, so the factor moves only the years after the last
observation (docs/ODD.md §7.1). Otherwise the prices of the calibration year move too,
and the calibration of each plant's non-energy cost absorbs the level in that year.

)md";

constexpr std::string_view kAfterTargets = R"md(`scenarios/current-policy.toml` declares nine: factors on the ETS, gas, electricity,
hydrogen and CO2 transport-and-storage paths and on CO2 storage capacity, and values of
`logit_scale`, `relocation_hurdle` and `energy_cost_pass_through`.

### Running a sweep

```sh
eiisim sweep --scenario scenarios/current-policy.toml --runs 10000 --sampler lhs --seed 1 \
    --out results/sweep.h5 [--save none|clusters|plants] [--threads N] [--resume]
```

- `--sampler lhs`: Latin hypercube (each of the N strata of every setting hit once;
  Philox-driven permutations and jitter, keyed by the seed). `sobol`: Sobol' sequence
  (Boost.Random), digitally shifted per dimension by a Philox draw. `grid`: full
  factorial with `L = round(runs^(1/d))` levels per setting at the midpoints
  `(i + 0.5) / L` of L equal-probability strata; run r takes grid point r mod L^d (last
  setting fastest), so when `L^d > runs` the grid is cut short and when `L^d < runs`
  points repeat (replicates differing only in their random streams); a note says which.
- Run r is simulated with run index r and the seed (`--seed`, else the scenario's), so
  every run has its own random streams and can be replayed alone.
- Results are bit-identical for any `--threads` (each run fills its own slot; quantiles
  and output are reduced in run order).
- Progress goes to stderr: a bar on a terminal, else a line every 5 s.
- Ctrl-C (SIGINT) or SIGTERM stops after the chunk in flight with exit status 130; the
  finished runs are in `<out>.checkpoint`. The same command with `--resume` continues and
  writes the same file an uninterrupted sweep writes. `--save plants` keeps every run's
  plant panels in memory (about 1.3 MB per run on the Dutch dataset) and cannot resume.
- Output layout: docs/output-format.md, "Sweep files".

## Example

`tests/data/small/scenario.toml` is a complete, small scenario that uses every section.
)md";

}  // namespace

const ScenarioProse& scenario_prose() {
    static const ScenarioProse prose{kIntro, kClusterOverrides, kBeforeTargets, kAfterTargets};
    return prose;
}

}  // namespace eiisim
