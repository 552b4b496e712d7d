#!/bin/sh
# Tests of tools/check-layers.sh:
#   sh tests/tools/test_check_layers.sh ROOT real       the repository's own tree passes
#   sh tests/tools/test_check_layers.sh ROOT fake       a small made-up tree: clean, then with one
#                                                       forbidden include or link at a time
# ROOT is the repository root. Exits 0 when every expectation holds, else 1 with what differed.
set -eu
root=$1
mode=$2
check="$root/tools/check-layers.sh"
status=0

expect_fail() { # NAME TREE TEXT...: the check fails on TREE and prints every TEXT
    name=$1; tree=$2; shift 2
    if out=$(sh "$check" "$tree" 2>&1); then
        echo "FAIL ($name): the check passed, expected it to fail"; echo "$out"; status=1; return
    fi
    for text in "$@"; do
        case "$out" in
        *"$text"*) ;;
        *) echo "FAIL ($name): the output does not contain: $text"; echo "$out"; status=1 ;;
        esac
    done
    echo "ok ($name): fails as expected:"; echo "$out"
}

expect_pass() { # NAME TREE
    if out=$(sh "$check" "$2" 2>&1); then echo "ok ($1): $out"
    else echo "FAIL ($1): the check failed:"; echo "$out"; status=1; fi
}

case "$mode" in
real)
    expect_pass "the repository" "$root"
    ;;
fake)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    # A tree shaped like the planned one: render/ depends on gfx/ and scene/, not anatomy_draw/;
    # the table lists rows in a different column order and with a missing last cell.
    t="$tmp/tree"
    mkdir -p "$t/src/core" "$t/src/scene" "$t/src/gfx" "$t/src/anatomy_draw" "$t/src/render/detail" \
        "$t/tests/core" "$t/tests/render" "$t/tests/support" "$t/tests/cli"
    cat > "$t/src/README.md" <<'EOF'
# Fake tree

| folder | library | depends on | what | tests also use |
|---|---|---|---|---|
| `core/` | `hv_core` | glm | core \| things | |
| `scene/` | `hv_scene` | glm | scenes | |
| `gfx/` | `hv_gfx` | scene | draw items | |
| `anatomy_draw/` | `hv_anatomy_draw` | core, gfx | anatomy | |
| `render/` | `hv_render` | gfx, scene, epoxy | renderer | anatomy_draw |

Another table, not the layer table:

| folder | depends on |
|---|---|
| `core/` | render |
EOF
    printf '#pragma once\n' > "$t/src/core/model.hpp"
    printf '#pragma once\n' > "$t/src/scene/scene.hpp"
    printf '#pragma once\n#include "scene/scene.hpp"\n' > "$t/src/gfx/draw_item.hpp"
    printf '#include "core/model.hpp"\n#include "gfx/draw_item.hpp"\n#include "scene/scene.hpp"\n' \
        > "$t/src/anatomy_draw/drawer.cpp"
    printf '#include "render/detail/cache.hpp"\n#include "gfx/draw_item.hpp"\n' > "$t/src/render/renderer.cpp"
    printf '#pragma once\n#include "scene/scene.hpp"\n' > "$t/src/render/detail/cache.hpp"
    printf '#include "core/model.hpp"\n#include "support/temp_dir.hpp"\n' > "$t/tests/core/test_model.cpp"
    printf '#include "render/renderer.hpp"\n#include "anatomy_draw/drawer.hpp"\n#include "core/model.hpp"\n' \
        > "$t/tests/render/test_renderer.cpp"
    printf '#pragma once\n' > "$t/tests/support/temp_dir.hpp"
    printf '#include "render/renderer.hpp"\n#include "core/model.hpp"\n' > "$t/tests/cli/test_cli.cpp"
    printf 'add_library(hv_core STATIC a.cpp)\n' > "$t/src/core/CMakeLists.txt"
    printf 'add_library(hv_scene STATIC a.cpp)\n' > "$t/src/scene/CMakeLists.txt"
    printf 'add_library(hv_gfx INTERFACE)\ntarget_link_libraries(hv_gfx INTERFACE hv_scene)\n' > "$t/src/gfx/CMakeLists.txt"
    printf 'add_library(hv_anatomy_draw STATIC drawer.cpp)\ntarget_link_libraries(hv_anatomy_draw\n    PUBLIC hv_core # the model\n    hv_gfx hv_scene)\n' \
        > "$t/src/anatomy_draw/CMakeLists.txt"
    printf 'add_library(hv_render STATIC renderer.cpp)\ntarget_link_libraries(hv_render PUBLIC hv_gfx hv_scene PRIVATE epoxy)\n' \
        > "$t/src/render/CMakeLists.txt"
    expect_pass "the fake tree" "$t"

    # A test of the core includes the renderer: tests/core may include core/ and tests/support/.
    cp -R "$t" "$tmp/bad-test"
    printf '#include "core/model.hpp"\n\n#include "render/renderer.hpp"\n' > "$tmp/bad-test/tests/core/test_model.cpp"
    expect_fail "a forbidden test include" "$tmp/bad-test" \
        'tests/core/test_model.cpp:3: #include "render/renderer.hpp" breaks the layering: tests/core/ may include core/, support/' \
        'src/README.md:5, the "depends on" and "tests also use" columns of core/'

    # render/ includes anatomy_draw/, which its row does not reach.
    cp -R "$t" "$tmp/bad-src"
    printf '#include "gfx/draw_item.hpp"\n#include "anatomy_draw/drawer.hpp"\n' > "$tmp/bad-src/src/render/detail/cache.hpp"
    expect_fail "a forbidden library include" "$tmp/bad-src" \
        'src/render/detail/cache.hpp:2: #include "anatomy_draw/drawer.hpp" breaks the layering: render/ may include scene/, gfx/, render/' \
        'src/README.md:9, the "depends on" column of render/'

    # tests/support/ includes a library.
    cp -R "$t" "$tmp/bad-support"
    printf '#pragma once\n#include "core/model.hpp"\n' > "$tmp/bad-support/tests/support/temp_dir.hpp"
    expect_fail "a library included from tests/support" "$tmp/bad-support" \
        'tests/support/temp_dir.hpp:2: #include "core/model.hpp" breaks the layering: tests/support/ may include only support/'

    # anatomy_draw/ includes gfx/ but does not link hv_gfx.
    cp -R "$t" "$tmp/bad-link"
    printf 'add_library(hv_anatomy_draw STATIC drawer.cpp)\ntarget_link_libraries(hv_anatomy_draw PUBLIC hv_core hv_scene) # not hv_gfx\n' \
        > "$tmp/bad-link/src/anatomy_draw/CMakeLists.txt"
    expect_fail "a library that does not link what it includes" "$tmp/bad-link" \
        'src/anatomy_draw/CMakeLists.txt: anatomy_draw/ includes gfx/ (src/anatomy_draw/drawer.cpp:2) but its target_link_libraries name no hv_gfx'

    # The table and the folders disagree, and the table has a cycle.
    cp -R "$t" "$tmp/bad-table"
    mkdir -p "$tmp/bad-table/src/document"
    # shellcheck disable=SC2016 # the backticks are Markdown, not command substitution
    sed -e 's/| `scene\/` | `hv_scene` | glm |/| `scene\/` | `hv_scene` | glm, render |/' \
        -e 's/^| `gfx\/`.*$/&\n| `lesson\/` | `hv_lesson` | core | lessons | |/' \
        "$t/src/README.md" > "$tmp/bad-table/src/README.md"
    expect_fail "a table that disagrees with the tree" "$tmp/bad-table" \
        'src/document/: no row in the layer table of src/README.md' \
        'the layer table has a row for lesson/ but there is no src/lesson/' \
        'src/README.md:6: scene/ depends on itself through the "depends on" column (a cycle)'

    # No layer table at all: exit 2.
    mkdir -p "$tmp/no-table/src"
    printf '# nothing here\n' > "$tmp/no-table/src/README.md"
    rc=0; sh "$check" "$tmp/no-table" > "$tmp/no-table.out" 2>&1 || rc=$?
    if [ "$rc" -ne 2 ] || ! grep -q 'no layer table' "$tmp/no-table.out"; then
        echo "FAIL (no table): expected exit 2 and 'no layer table', got $rc:"; cat "$tmp/no-table.out"; status=1
    else echo "ok (no table): exit 2: $(cat "$tmp/no-table.out")"; fi
    ;;
*)
    echo "usage: sh tests/tools/test_check_layers.sh ROOT real|fake" >&2
    exit 2
    ;;
esac
exit $status
