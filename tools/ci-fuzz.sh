#!/bin/sh
# CI stage: build the libFuzzer targets (clang, ASan + UBSan, tests/fuzz) in their own build
# folder, write their seed corpora from the shared test models and the project's own files, and
# run each target for a bounded time. A crash, a leak, a timeout or running out of memory fails
# the stage; the input is left in BUILD/fuzz-crashes/TARGET/ and its path printed. A summary of
# inputs tried and executions per second per target goes to BUILD/fuzz-summary.txt.
#
#   HV_FUZZ_SECONDS   seconds per target (default 25); HV_FUZZ_BUILD  build folder (build-fuzz)
#   HV_SHARED_DIR     the team's shared folder (default ../shared; seeds from it are skipped
#                     with a message where it is absent)
#   sh tools/ci-fuzz.sh [TARGET...]   only these targets (default: all)
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
build=${HV_FUZZ_BUILD:-build-fuzz}
seconds=${HV_FUZZ_SECONDS:-25}
shared=${HV_SHARED_DIR:-../shared}
models="$shared/testdata/models"
jobs=$(nproc 2>/dev/null || echo 2)

# clang with libFuzzer (the rest comes from the README's set-up, which CI runs first).
sh tools/install-packages.sh tools/ci-fuzz-packages.txt
CC=${HV_FUZZ_CC:-clang} CXX=${HV_FUZZ_CXX:-clang++} cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DHV_BUILD_FUZZERS=ON -DHV_BUILD_TESTS=OFF -DHV_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" --target hv_fuzzers -j "$jobs"

bin="$build/fuzz"
# The targets and their dictionaries, as tests/fuzz/CMakeLists.txt declares them (hv_add_fuzzer):
# one line each, "NAME" or "NAME DICT".
all_targets=$(cut -d' ' -f1 "$bin/targets.txt")
targets=${*:-$all_targets}
for t in $targets; do
    grep -qx "$t\( .*\)\?" "$bin/targets.txt" || { echo "ci-fuzz: no fuzz target $t (see $bin/targets.txt)"; exit 2; }
done
# fuzz_assimp's extensions, in the order its first byte picks them ("-": none).
extensions=$("$bin/hv_fuzz_seeds" --extensions)
n_extensions=$(echo "$extensions" | wc -l)
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
for t in $all_targets; do mkdir -p "$seeds/$t"; done

# ---- seed corpora: written here at every run, never stored in the repository ------------------
# Shared models (read from ../shared; third-party, so copied only into the build folder).
if [ -d "$models" ]; then
    find "$models" -type f -name '*.gltf' -exec cp {} "$seeds/fuzz_gltf/" \;
    find "$models" -type f -name '*.glb' -exec cp {} "$seeds/fuzz_glb/" \;
    # fuzz_assimp: one byte naming the extension (its place in hv_fuzz_seeds --extensions), then
    # the file; an extension not in the list gets the "no extension" byte.
    find "$models/assimp" "$models/malformed" -type f ! -name '*.gltf' ! -name '*.glb' \
        ! -name '*.jpg' ! -name '*.png' ! -name '*.mtl' ! -name '*.md' ! -name '*.txt' |
        while IFS= read -r f; do
            name=$(basename "$f")
            ext=$(printf '%s' "${name##*.}" | tr 'A-Z' 'a-z')
            [ "$ext" = "$(printf '%s' "$name" | tr 'A-Z' 'a-z')" ] && ext=""
            i=$(echo "$extensions" | grep -nx -- "${ext:--}" | cut -d: -f1)
            [ -n "$i" ] || i=$(echo "$extensions" | grep -nx -- - | cut -d: -f1)
            { printf "\\$(printf '%03o' $((i - 1)))"; cat "$f"; } >"$seeds/fuzz_assimp/$name"
        done
    "$bin/hv_fuzz_seeds" "$seeds/fuzz_scene_stream" $(find "$models" -type f \( -name '*.gltf' \
        -o -name '*.glb' -o -name '*.fbx' -o -name '*.dae' -o -name '*.X' -o -name '*.obj' \
        -o -name '*.stl' -o -name '*.off' -o -name '*.ply' -o -name '*.iqm' \) | sort) \
        "$models"/malformed/fuzz/*
else
    echo "ci-fuzz: $models is absent: model seeds come from the project's own files only"
fi
# The project's own files.
if [ -f assets/hip.glb ]; then
    # The default model (3 MB) as it is, and reduced to one triangle in 40 (same nodes, skin and
    # names; about 100 kB), which libFuzzer can mutate at a useful rate.
    cp assets/hip.glb "$seeds/fuzz_glb/"
    "$bin/hv_fuzz_seeds" --reduce-glb assets/hip.glb "$seeds/fuzz_glb/hip-reduced.glb" 40
    "$bin/hv_fuzz_seeds" "$seeds/fuzz_scene_stream" assets/hip.glb "$seeds/fuzz_glb/hip-reduced.glb" >/dev/null
fi
# fuzz_content: one byte naming the file replaced (tests/fuzz/fuzz_content.cpp, kFiles), then it.
for f in content/muscles/*.toml; do
    { printf '\000'; cat "$f"; } >"$seeds/fuzz_content/muscle-$(basename "$f")"
done
{ printf '\001'; cat content/skeleton.toml; } >"$seeds/fuzz_content/skeleton.toml"
{ printf '\002'; cat content/sources.toml; } >"$seeds/fuzz_content/sources.toml"
{ printf '\003'; cat content/groups.toml; } >"$seeds/fuzz_content/groups.toml"
cp content/movements.toml "$seeds/fuzz_movements/"
cp tests/fuzz/seeds/figures/*.toml "$seeds/fuzz_figures/"
cp content/profiles/*.toml "$seeds/fuzz_profiles/"
# fuzz_model_folder: references as a model would write them.
i=0
for r in buffer.bin ./buffer.bin sub/inner.bin 'sub\inner.bin' sub/../buffer.bin alias.bin \
    escape.bin elsewhere/secret.bin up/secret.bin up/model/buffer.bin ../secret.bin \
    ../model/buffer.bin /etc/passwd 'C:\art\skin.jpg' 'file:///etc/passwd' \
    'data:application/octet-stream;base64,AAAA' '%2e%2e/secret.bin' '~/secret.bin' sub/deeper/x.png; do
    printf '%s' "$r" >"$seeds/fuzz_model_folder/ref$i"
    i=$((i + 1))
done
# Dictionaries: the static ones plus every key the project's TOML files use.
dicts="$build/fuzz-dict"
mkdir -p "$dicts"
cp tests/fuzz/dict/*.dict "$dicts/"
{
    cat tests/fuzz/dict/toml.dict
    cat content/*.toml content/muscles/*.toml content/profiles/*.toml tests/fuzz/seeds/figures/*.toml |
        sed -n 's/^[[:space:]]*\([A-Za-z_][A-Za-z0-9_]*\)[[:space:]]*=.*/"\1"/p' | sort -u
} >"$dicts/toml.dict"

# ---- runs ---------------------------------------------------------------------------------------
crashes="$build/fuzz-crashes"
logs="$build/fuzz-logs"
mkdir -p "$crashes" "$logs"
summary="$build/fuzz-summary.txt"
: >"$summary"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# One libFuzzer run of target $1 for $2 seconds, appending to its log.
fuzz_for() {
    t=$1
    corpus="$build/fuzz-corpus/$t" # grows across local runs; fresh in CI
    mkdir -p "$corpus" "$crashes/$t"
    dict=$(sed -n "s/^$t //p" "$bin/targets.txt")
    [ -n "$dict" ] && dict="-dict=$dicts/$dict.dict"
    timeout=10
    asan=$ASAN_OPTIONS
    if [ "$t" = fuzz_assimp ]; then
        timeout=30
        # Full stacks through Debian's libassimp and libz (no frame pointers there), so that the
        # suppression of Assimp's own leaks (tests/fuzz/lsan.supp) sees where they come from.
        asan="$asan:fast_unwind_on_malloc=0"
    fi
    # shellcheck disable=SC2086
    ASAN_OPTIONS=$asan "$bin/$t" -max_total_time="$2" -timeout="$timeout" -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$crashes/$t/" $dict "$corpus" "$seeds/$t" \
        >>"$logs/$t.log" 2>&1
}

# fuzz_assimp runs Debian's libassimp in this process; production runs it in a child process
# (io::LoadLimits::isolateAssimp), where a crash inside Assimp becomes a message. So a crash
# whose innermost frame is in libassimp is set aside (fuzz-crashes/fuzz_assimp/inside-assimp/),
# loaded once more the production way (hv_fuzz_seeds --load: it must come back with a scene or a
# message), and fuzzing goes on for the rest of the time. Any other crash fails the stage.
assimp_contained() {
    report=$1
    grep -m1 -E '^ +#0 ' "$report" | grep -q 'libassimp\.so'
}

run_one() {
    t=$1
    : >"$logs/$t.log"
    rm -rf "${crashes:?}/$t" "$logs/$t.contained"
    if [ "$t" != fuzz_assimp ]; then
        fuzz_for "$t" "$seconds"
        return
    fi
    end=$(($(date +%s) + seconds))
    while :; do
        left=$((end - $(date +%s)))
        [ "$left" -lt 3 ] && return 0
        mark=$(wc -l <"$logs/$t.log")
        fuzz_for "$t" "$left" && return 0
        new=$(find "$crashes/$t" -maxdepth 1 -type f -name 'crash-*' | head -1)
        [ -n "$new" ] || return 1
        tail -n +"$((mark + 1))" "$logs/$t.log" >"$logs/$t.last"
        assimp_contained "$logs/$t.last" || return 1
        mkdir -p "$crashes/$t/inside-assimp"
        mv "$new" "$crashes/$t/inside-assimp/"
        # the file as a user would open it: the first byte picks the extension (fuzz_assimp.cpp)
        name=$(basename "$new")
        ext=$(od -An -tu1 -N1 "$crashes/$t/inside-assimp/$name" | tr -d ' ')
        ext=$(echo "$extensions" | sed -n "$((ext % n_extensions + 1))p")
        file="$crashes/$t/inside-assimp/$name.$ext"
        [ "$ext" = "-" ] && file="$crashes/$t/inside-assimp/$name.file"
        tail -c +2 "$crashes/$t/inside-assimp/$name" >"$file"
        echo "ci-fuzz: fuzz_assimp: a crash inside libassimp ($name); the production loader says:" >>"$logs/$t.contained"
        "$bin/hv_fuzz_seeds" --load "$file" >>"$logs/$t.contained" 2>&1 || return 1
    done
}

failed=""
started=$(date +%s)
set -- $targets
while [ $# -gt 0 ]; do
    # As many targets at once as there are cores.
    pids=""
    names=""
    n=0
    while [ $# -gt 0 ] && [ $n -lt "$jobs" ]; do
        run_one "$1" &
        pids="$pids $!"
        names="$names $1"
        n=$((n + 1))
        shift
    done
    set -- "$@"
    k=1
    for p in $pids; do
        t=$(echo $names | cut -d' ' -f$k)
        if ! wait "$p"; then failed="$failed $t"; fi
        k=$((k + 1))
    done
done
ended=$(date +%s)

printf '%-20s %12s %10s %8s %8s %10s\n' target inputs exec/s seconds new_units peak_MB >>"$summary"
for t in $targets; do
    log="$logs/$t.log"
    # summed over the runs of the target (fuzz_assimp restarts after a crash inside Assimp)
    total() { sed -n "s/^stat::$1: *//p" "$log" | awk '{ s += $1 } END { print s + 0 }'; }
    most() { sed -n "s/^stat::$1: *//p" "$log" | sort -n | tail -1; }
    units=$(total number_of_executed_units)
    printf '%-20s %12s %10s %8s %8s %10s\n' "$t" "$units" "$((units / seconds))" "$seconds" \
        "$(total new_units_added)" "$(most peak_rss_mb)" >>"$summary"
done
echo "ci-fuzz: $(echo $targets | wc -w) targets, ${seconds} s each, $((ended - started)) s in all" >>"$summary"
if [ -s "$logs/fuzz_assimp.contained" ]; then
    echo "ci-fuzz: inputs that crash Debian's libassimp in process, contained in production:" >>"$summary"
    sed 's/^/    /' "$logs/fuzz_assimp.contained" >>"$summary"
fi
cat "$summary"

if [ -n "$failed" ]; then
    for t in $failed; do
        echo "ci-fuzz: $t FAILED; the log is $logs/$t.log; the input:"
        ls "$crashes/$t"/* 2>/dev/null | sed 's/^/    /'
        grep -m3 -E 'ERROR: |runtime error|fuzz check failed|SUMMARY' "$logs/$t.log" | sed 's/^/    /' || true
    done
    echo "ci-fuzz: reproduce with $bin/TARGET INPUT; turn the input into a regression test"
    exit 1
fi
echo "ci-fuzz: no crashes"
