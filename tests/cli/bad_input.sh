#!/bin/bash
# End-to-end test of how `eiisim` treats bad input and unwritable output.
#
# Usage: bad_input.sh <path-to-eiisim> <repo-root>
#
# Each case copies tests/data/small to a fresh temporary folder, breaks one thing, runs
# `eiisim run --scenario ... --out $tmp/out.h5` and checks that
#   - the exit status is 2 (bad input) or 1 (runtime failure, e.g. unwritable output),
#   - stderr names the file, the line (and column) where there is one, and the field,
#   - no output file and no out.h5.tmp-* file is left behind (and a file already at the
#     output path is left as it was).
# It also checks `eiisim validate` on broken and good inputs, and a good run as a control.
# Prints one PASS/FAIL line per case; exits 1 if any case fails.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 <path-to-eiisim> <repo-root>" >&2
    exit 2
fi
EIISIM=$(realpath "$1")
REPO=$(realpath "$2")
SMALL="$REPO/tests/data/small"
[ -x "$EIISIM" ] || { echo "FAIL: $EIISIM is not an executable" >&2; exit 1; }
[ -f "$SMALL/scenario.toml" ] || { echo "FAIL: $SMALL/scenario.toml missing" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/eiisim-bad-input.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

passed=0
failed=0
failed_names=()
case_dir=""

# Fresh copy of the small scenario for one case; sets $case_dir.
fresh_copy() {
    case_dir="$WORK/$1"
    rm -rf "$case_dir"
    mkdir -p "$case_dir"
    cp -r "$SMALL" "$case_dir/s"
}

# Line number (1-based) of the first line of FILE containing TEXT (fixed string), or "".
line_of() {
    grep -n -F -m1 -- "$2" "$1" | cut -d: -f1
}

report() {  # report NAME OK DETAILS...
    local name=$1 ok=$2
    shift 2
    if [ "$ok" = 1 ]; then
        passed=$((passed + 1))
        echo "PASS  $name"
    else
        failed=$((failed + 1))
        failed_names+=("$name")
        echo "FAIL  $name"
        local line
        for line in "$@"; do echo "        $line"; done
    fi
}

# Anything the run left at the output path: the file itself or a temporary file.
leftovers() {  # leftovers OUT
    local out=$1
    local dir base
    dir=$(dirname "$out")
    base=$(basename "$out")
    [ -d "$dir" ] || return 0
    find "$dir" -maxdepth 1 \( -name "$base" -o -name "$base.tmp-*" \) -print 2>/dev/null
}

# check_failure NAME EXPECTED_RC OUT STDERR_FILE RC PATTERN...
# Each PATTERN is an extended regular expression stderr must match.
check_failure() {
    local name=$1 want_rc=$2 out=$3 errfile=$4 rc=$5
    shift 5
    local ok=1 problems=() pattern left
    if [ "$rc" != "$want_rc" ]; then
        ok=0
        problems+=("exit status $rc, expected $want_rc")
    fi
    for pattern in "$@"; do
        if ! grep -q -E -- "$pattern" "$errfile"; then
            ok=0
            problems+=("stderr does not match /$pattern/")
        fi
    done
    left=$(leftovers "$out")
    if [ -n "$left" ]; then
        ok=0
        problems+=("left behind: $(echo "$left" | tr '\n' ' ')")
    fi
    if [ "$ok" = 0 ]; then
        problems+=("stderr: $(head -c 600 "$errfile" | tr '\n' ' ')")
    fi
    report "$name" "$ok" "${problems[@]+"${problems[@]}"}"
}

# Escape a string for use inside an extended regular expression.
re() {
    printf '%s' "$1" | sed -e 's/[][\.*^$+?(){}|/]/\\&/g'
}

# bad_case NAME FILE(relative to the copy) SED_SCRIPT NEEDLE FIELD [EXTRA_PATTERN]
#   Applies SED_SCRIPT to FILE, expects exit 2 and stderr
#   "<path of FILE>:<line of NEEDLE>:<column>: field '<FIELD>'" (FIELD may be a regex
#   fragment already escaped; "-" for messages without a field), plus EXTRA_PATTERN.
bad_case() {
    local name=$1 file=$2 script=$3 needle=$4 field=$5 extra=${6:-}
    fresh_copy "$name"
    local target="$case_dir/s/$file"
    cp "$target" "$case_dir/original"
    sed -i -e "$script" "$target"
    if cmp -s "$target" "$case_dir/original"; then
        report "$name" 0 "the test's edit ($script) did not change $file: fix the test"
        return
    fi
    local line
    line=$(line_of "$target" "$needle")
    if [ -z "$line" ]; then
        report "$name" 0 "the test's marker '$needle' is not in the edited $file: fix the test"
        return
    fi
    local out="$case_dir/out.h5"
    "$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$out" --quiet \
        >"$case_dir/stdout" 2>"$case_dir/stderr"
    local rc=$?
    local where
    where="$(re "$file"):$line:[0-9]+: "
    local patterns=()
    if [ "$field" = "-" ]; then
        patterns+=("$where")
    else
        patterns+=("${where}field '$field'")
    fi
    [ -n "$extra" ] && patterns+=("$extra")
    check_failure "$name" 2 "$out" "$case_dir/stderr" "$rc" "${patterns[@]}"
}

echo "eiisim: $EIISIM"

# --- control: the unbroken small scenario runs and leaves exactly out.h5 --------------
fresh_copy good_run
"$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$case_dir/out.h5" --quiet \
    >"$case_dir/stdout" 2>"$case_dir/stderr"
rc=$?
problems=()
[ "$rc" = 0 ] || problems+=("exit status $rc, expected 0; stderr: $(head -c 600 "$case_dir/stderr")")
[ -s "$case_dir/out.h5" ] || problems+=("no out.h5 written")
[ -z "$(find "$case_dir" -maxdepth 1 -name 'out.h5.tmp-*')" ] || problems+=("out.h5.tmp-* left behind")
[ -s "$case_dir/stdout" ] && problems+=("--quiet printed: $(head -c 200 "$case_dir/stdout")")
report "good run writes out.h5 and nothing else" "$([ ${#problems[@]} = 0 ] && echo 1 || echo 0)" \
    "${problems[@]+"${problems[@]}"}"

# --- broken inputs: exit 2, file:line:column and field named, nothing written ---------
bad_case malformed_toml scenario.toml \
    's/^\(ets_eur_per_t = {.*\) }$/\1/' \
    'ets_eur_per_t = {' - 'malformed TOML'
bad_case unknown_cluster dataset/plants.csv \
    's/^oci_geleen,\("[^"]*","[^"]*"\),chemelot,/oci_geleen,\1,atlantis,/' \
    'oci_geleen,' cluster "unknown cluster 'atlantis'"
bad_case unknown_option_kind dataset/technologies.csv \
    's/^ammonia,ccs_process_co2,ccs,/ammonia,ccs_process_co2,teleport,/' \
    'ammonia,ccs_process_co2,' kind "'teleport'"
bad_case negative_capacity dataset/plants.csv \
    's/^\(shell_moerdijk,"[^"]*","[^"]*",[a-z_]*,[a-z_]*\),1000000,/\1,-1000000,/' \
    'shell_moerdijk,' capacity_t "'-1000000'"
bad_case dangling_edge_customer dataset/edges.csv \
    's/^zeeland_refinery,dow_terneuzen,/zeeland_refinery,dow_rotterdam,/' \
    'zeeland_refinery,' customer "'dow_rotterdam'"
bad_case dangling_edge_supplier dataset/edges.csv \
    's/^shell_pernis,shell_moerdijk,/shell_pernls,shell_moerdijk,/' \
    'shell_pernls,' supplier "'shell_pernls'"
# An edges.csv with the optional coupling column (empty cells: material) and one bad value.
bad_case unknown_edge_coupling dataset/edges.csv \
    's/^supplier,.*$/&,coupling/; /^supplier,/! s/^\([a-z_]*,[a-z_]*,.*\)$/\1,/; s/^\(zeeland_refinery,dow_terneuzen,.*\),$/\1,fuel-gas/' \
    'zeeland_refinery,dow_terneuzen,' coupling "unknown coupling 'fuel-gas'"
bad_case unknown_scenario_key scenario.toml \
    's/^seed = 42$/seed = 42\nsede = 7/' \
    'sede = 7' 'scenario\.sede' 'unknown key'
bad_case unknown_behaviour_key scenario.toml \
    's/^logit_scale = 0.1$/logit_sclae = 0.1/' \
    'logit_sclae' 'behaviour\.logit_sclae' 'unknown key'
bad_case nan_in_scenario scenario.toml \
    's/^max_eur_per_tco2 = 300$/max_eur_per_tco2 = nan/' \
    'max_eur_per_tco2' 'instruments\[1\]\.max_eur_per_tco2' 'nan'
bad_case text_for_number_in_csv dataset/plants.csv \
    's/^\(zeeland_refinery,.*\),0\.1,1,600,/\1,abc,1,600,/' \
    'zeeland_refinery,' hurdle_rate "'abc'"
bad_case nan_in_csv dataset/plants.csv \
    's/^\(dow_terneuzen,"[^"]*","[^"]*",[a-z_]*,[a-z_]*,[0-9]*\),1600000,/\1,nan,/' \
    'dow_terneuzen,' production_t "'nan'"
bad_case inf_in_csv dataset/sectors.csv \
    's/^refining,\("[^"]*"\),600,/refining,\1,inf,/' \
    'refining,' product_price_eur_per_t "'inf'"
bad_case end_before_base scenario.toml \
    's/^end_year = 2050$/end_year = 2019/' \
    'end_year = 2019' 'scenario\.end_year' '2019'
bad_case unknown_csv_column dataset/edges.csv \
    's/^supplier,customer,product,offtake_share,/supplier,customer,product,offtake_shr,/' \
    'supplier,customer,' offtake_shr 'unknown column'
bad_case duplicate_plant_id dataset/plants.csv \
    's/^zeeland_refinery,/yara_sluiskil,/' \
    '"Zeeland Refinery"' id "duplicate"
bad_case infrastructure_unknown_key dataset/infrastructure.toml \
    's/^h2_connection_year = 2032$/h2_connection_yaer = 2032/' \
    'h2_connection_yaer' 'clusters\.chemelot\.h2_connection_yaer' 'unknown key'

# A missing dataset file has no line: the message names the file.
fresh_copy missing_dataset_file
rm "$case_dir/s/dataset/plants.csv"
"$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$case_dir/out.h5" --quiet \
    >"$case_dir/stdout" 2>"$case_dir/stderr"
rc=$?
check_failure missing_dataset_file 2 "$case_dir/out.h5" "$case_dir/stderr" "$rc" \
    "$(re "$case_dir/s/dataset/plants.csv")"

# A missing scenario file.
fresh_copy missing_scenario_file
"$EIISIM" run --scenario "$case_dir/s/no-such-scenario.toml" --out "$case_dir/out.h5" --quiet \
    >"$case_dir/stdout" 2>"$case_dir/stderr"
rc=$?
check_failure missing_scenario_file 2 "$case_dir/out.h5" "$case_dir/stderr" "$rc" "no-such-scenario\.toml"

# A failing run leaves a file already at the output path as it was.
fresh_copy existing_output_kept
sed -i -e 's/^end_year = 2050$/end_year = 2019/' "$case_dir/s/scenario.toml"
echo "previous result" >"$case_dir/keep.h5"
"$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$case_dir/keep.h5" --quiet \
    >"$case_dir/stdout" 2>"$case_dir/stderr"
rc=$?
problems=()
[ "$rc" = 2 ] || problems+=("exit status $rc, expected 2")
[ "$(cat "$case_dir/keep.h5" 2>/dev/null)" = "previous result" ] || problems+=("existing keep.h5 was changed or removed")
[ -z "$(find "$case_dir" -maxdepth 1 -name 'keep.h5.tmp-*')" ] || problems+=("keep.h5.tmp-* left behind")
report "existing output file untouched by a failed run" "$([ ${#problems[@]} = 0 ] && echo 1 || echo 0)" \
    "${problems[@]+"${problems[@]}"}"

# A bad command-line option is bad input too (exit 2 per cli/main.cpp), and writes nothing.
for args in "--threads -1" "--seed abc" "--no-such-option"; do
    name="bad_option ${args}"
    fresh_copy "bad_option_${args//[^a-z]/_}"
    # shellcheck disable=SC2086  # $args is split on purpose
    "$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$case_dir/out.h5" $args --quiet \
        >"$case_dir/stdout" 2>"$case_dir/stderr"
    rc=$?
    check_failure "$name" 2 "$case_dir/out.h5" "$case_dir/stderr" "$rc" "$(re "${args%% *}")"
done

# --- unwritable output: exit 1, a message naming the path, nothing left ---------------
fresh_copy unwritable
touch "$case_dir/a_file"
mkdir "$case_dir/a_dir"
for out in "/proc/eiisim-no-such-dir/out.h5" "/proc/out.h5" "$case_dir/a_file/out.h5" "$case_dir/a_dir"; do
    "$EIISIM" run --scenario "$case_dir/s/scenario.toml" --out "$out" --quiet \
        >"$case_dir/stdout" 2>"$case_dir/stderr"
    rc=$?
    case "$out" in
        "$case_dir/a_dir")
            # The output path is an existing directory: the finished file cannot be moved
            # onto it; the temporary file must be removed and the directory kept.
            left=$(find "$case_dir" -maxdepth 1 -name 'a_dir.tmp-*')
            problems=()
            [ "$rc" = 1 ] || problems+=("exit status $rc, expected 1")
            grep -q -F -- "$out" "$case_dir/stderr" || problems+=("stderr does not name $out")
            [ -z "$left" ] || problems+=("left behind: $left")
            [ -d "$out" ] && [ -z "$(ls -A "$out")" ] || problems+=("$out is no longer an empty directory")
            [ ${#problems[@]} = 0 ] || problems+=("stderr: $(head -c 600 "$case_dir/stderr" | tr '\n' ' ')")
            report "unwritable --out $out (a directory)" "$([ ${#problems[@]} = 0 ] && echo 1 || echo 0)" \
                "${problems[@]+"${problems[@]}"}"
            ;;
        *)
            check_failure "unwritable --out $out" 1 "$out" "$case_dir/stderr" "$rc" \
                "^error: .*$(re "$(dirname "$out")")"
            ;;
    esac
done
if [ -f "$case_dir/a_file" ] && [ ! -s "$case_dir/a_file" ]; then
    report "unwritable: the file in the way is untouched" 1
else
    report "unwritable: the file in the way is untouched" 0 "$case_dir/a_file was replaced or written"
fi

# --- validate -----------------------------------------------------------------------
fresh_copy validate_broken
sed -i -e 's/^oci_geleen,\("[^"]*","[^"]*"\),chemelot,/oci_geleen,\1,atlantis,/' "$case_dir/s/dataset/plants.csv"
(cd "$case_dir" && "$EIISIM" validate --scenario "$case_dir/s/scenario.toml" >"$case_dir/stdout" 2>"$case_dir/stderr")
rc=$?
problems=()
[ "$rc" = 2 ] || problems+=("exit status $rc, expected 2")
grep -q -E "dataset/plants\.csv:[0-9]+:[0-9]+: field 'cluster'" "$case_dir/stderr" ||
    problems+=("stderr does not name plants.csv:line:column and field 'cluster': $(head -c 600 "$case_dir/stderr")")
grep -q -i "valid$" "$case_dir/stdout" && problems+=("stdout claims the input is valid")
report "validate on a broken input" "$([ ${#problems[@]} = 0 ] && echo 1 || echo 0)" \
    "${problems[@]+"${problems[@]}"}"

# Display names of the clusters of a dataset's infrastructure.toml, one per line.
cluster_names() {
    awk '/^\[clusters\./ { inside = 1; next } /^\[/ { inside = 0 }
         inside && /^name *=/ { sub(/^name *= *"/, ""); sub(/".*$/, ""); print }' "$1"
}

validate_good() {  # validate_good NAME SCENARIO INFRASTRUCTURE_TOML PLANTS_CSV
    local name=$1 scenario=$2 infra=$3 plants_csv=$4
    fresh_copy "$name"
    (cd "$case_dir" && "$EIISIM" validate --scenario "$scenario" >"$case_dir/stdout" 2>"$case_dir/stderr")
    local rc=$? problems=() cluster n_plants
    [ "$rc" = 0 ] || problems+=("exit status $rc, expected 0; stderr: $(head -c 600 "$case_dir/stderr")")
    grep -q -E "valid$" "$case_dir/stdout" || problems+=("stdout does not end with '<scenario>: valid'")
    local names
    names=$(cluster_names "$infra")
    [ -n "$names" ] || problems+=("the test found no cluster names in $infra")
    while IFS= read -r cluster; do
        [ -z "$cluster" ] && continue
        # A summary row per cluster: the display name followed by numbers.
        grep -q -E "^$(re "$cluster") +[0-9]+ " "$case_dir/stdout" ||
            problems+=("no summary row for cluster '$cluster'")
    done <<<"$names"
    n_plants=$(grep -v -e '^#' -e '^[[:space:]]*$' "$plants_csv" | tail -n +2 | grep -c -E '^[A-Za-z0-9_]+,')
    grep -q -E "^total +$n_plants " "$case_dir/stdout" || problems+=("no 'total $n_plants' row")
    [ -z "$(ls -A "$case_dir" | grep -v -x -e s -e stdout -e stderr)" ] || problems+=("validate wrote files")
    [ ${#problems[@]} = 0 ] || problems+=("stdout: $(head -c 1200 "$case_dir/stdout" | tr '\n' '|')")
    report "$name" "$([ ${#problems[@]} = 0 ] && echo 1 || echo 0)" "${problems[@]+"${problems[@]}"}"
}
validate_good "validate small (good)" "$WORK/validate small (good)/s/scenario.toml" \
    "$SMALL/dataset/infrastructure.toml" "$SMALL/dataset/plants.csv"
validate_good "validate current-policy (Dutch dataset)" "$REPO/scenarios/current-policy.toml" \
    "$REPO/clusters/nl/infrastructure.toml" "$REPO/clusters/nl/plants.csv"

echo
echo "bad_input: $passed passed, $failed failed"
if [ "$failed" -gt 0 ]; then
    printf '  failed: %s\n' "${failed_names[@]}"
    exit 1
fi
exit 0
