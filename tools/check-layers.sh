#!/bin/sh
# Checks the layering that src/README.md declares, against the source tree:
#   sh tools/check-layers.sh [ROOT]      (ROOT: the repository root; default: this script's ..)
#
# The rule lives in one place: the layer table of ROOT/src/README.md (the first Markdown table
# whose header has the columns "folder" and "depends on"; an optional "tests also use" column).
# Each row names a folder of src/, its libraries and the folders it depends on (comma-separated;
# words that name no folder of the table, such as glm or Assimp, are third-party and ignored here;
# "everything" means every other folder). A folder may include its own headers and those of
# every folder it reaches through the "depends on" column. This script checks:
#   - every `#include "X/..."` of src/<folder>/ (any depth), against <folder>'s row;
#   - every `#include "X/..."` of tests/<folder>/: its library, what that reaches, the row's
#     "tests also use" folders (and what they reach) and tests/support/; tests/support/ includes
#     only itself; a tests/ folder named after no row (cli, fuzz) tests the program as a whole and
#     may include every folder;
#   - every library links what it includes: src/<folder>/CMakeLists.txt's target_link_libraries
#     name a library of each other folder that <folder> includes;
#   - the table and src/ list the same folders, and the table has no cycle.
# Prints one line per problem (FILE:LINE: what and which rule) and exits 1 if there is any,
# 2 if the table cannot be read, 0 otherwise. POSIX sh, find, sort, grep and awk only.
set -eu

root=${1:-$(dirname "$0")/..}
cd "$root"
readme=src/README.md
if [ ! -f "$readme" ]; then
    echo "check-layers: $root/$readme: missing (it holds the layer table)" >&2
    exit 2
fi

# One tagged record per line: "D src NAME" / "D tests NAME" for each folder, then
# "I FILE:LINE:TEXT" for each quoted include that names a folder.
records() {
    for top in src tests; do
        [ -d "$top" ] || continue
        find "$top" -mindepth 1 -maxdepth 1 -type d | sort | while read -r d; do
            echo "D $top ${d#"$top"/}"
        done
    done
    find src tests -type f \( -name '*.hpp' -o -name '*.cpp' -o -name '*.h' -o -name '*.hh' \
        -o -name '*.cc' -o -name '*.inl' \) 2>/dev/null | sort |
        xargs grep -nHE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"/]+/' | sed 's|^|I |' || true
}

records | awk -v readme="$readme" '
function trim(s) { gsub(/^[ \t`]+|[ \t`]+$/, "", s); return s }
function folderName(s) { s = trim(s); gsub(/`/, "", s); sub(/\/+$/, "", s); return trim(s) }
function fail(msg) { print msg; ++problems }
# "a/, b/, c/": the folders that folder `who` of src/ or tests/ may include, in table order.
function allowedList(kind, who,    i, out) {
    if (kind == "tests" && who == "support") return "only support/"
    out = ""
    for (i = 1; i <= nrows; ++i) if (may(kind, who, row[i])) out = out (out == "" ? "" : ", ") row[i] "/"
    if (kind == "tests") out = out ", support/"
    return out
}
# May folder `who` of src/ (kind "src") or of tests/ (kind "tests") include folder g?
function may(kind, who, g) {
    if (kind == "src") return g == who || reach[who, g]
    if (who == "support") return g == "support"
    if (!(who in isRow)) return 1
    return g == who || g == "support" || reach[who, g] || treach[who, g]
}
BEGIN {
    inTable = 0; done = 0; nrows = 0; problems = 0; line = 0
    while ((getline text < readme) > 0) {
        ++line
        if (text !~ /^[ \t]*\|/) { if (inTable) { inTable = 0; done = 1 }; continue }
        if (done) continue
        gsub(/\\\|/, "\001", text)
        n = split(text, cell, "|")
        if (!inTable) {
            fc = dc = lc = tc = 0
            for (i = 2; i < n; ++i) {
                h = tolower(trim(cell[i]))
                if (h == "folder") fc = i
                else if (h == "depends on") dc = i
                else if (h == "library") lc = i
                else if (h == "tests also use") tc = i
            }
            if (fc && dc) { inTable = 1; tableLine = line }
            continue
        }
        if (trim(cell[2]) ~ /^:?-+:?$/) continue
        f = folderName(cell[fc])
        if (f == "") continue
        row[++nrows] = f; isRow[f] = 1; rowLine[f] = line
        libs[f] = ""
        if (lc) {
            m = split(cell[lc], part, ",")
            for (k = 1; k <= m; ++k) { t = folderName(part[k]); if (t != "") libs[f] = libs[f] " " t }
        }
        nd[f] = split(cell[dc], part, ",")
        for (k = 1; k <= nd[f]; ++k) dep[f, k] = folderName(part[k])
        nt[f] = tc && tc < n ? split(cell[tc], part, ",") : 0
        for (k = 1; k <= nt[f]; ++k) tdep[f, k] = folderName(part[k])
    }
    close(readme)
    if (!nrows) {
        print readme ": no layer table (a Markdown table with the columns \"folder\" and \"depends on\")"
        fatal = 1
        exit 2
    }
    # Direct edges, then the transitive closure.
    for (i = 1; i <= nrows; ++i) {
        f = row[i]
        for (k = 1; k <= nd[f]; ++k) {
            d = dep[f, k]
            if (d == "everything") { for (j = 1; j <= nrows; ++j) if (row[j] != f) reach[f, row[j]] = 1 }
            else if (d in isRow) reach[f, d] = 1
        }
    }
    for (j = 1; j <= nrows; ++j)
        for (i = 1; i <= nrows; ++i)
            if (reach[row[i], row[j]])
                for (k = 1; k <= nrows; ++k)
                    if (reach[row[j], row[k]]) reach[row[i], row[k]] = 1
    for (i = 1; i <= nrows; ++i) {
        f = row[i]
        if (reach[f, f]) fail(readme ":" rowLine[f] ": " f "/ depends on itself through the \"depends on\" column (a cycle)")
        for (k = 1; k <= nt[f]; ++k) {
            d = tdep[f, k]
            if (!(d in isRow)) continue
            treach[f, d] = 1
            for (j = 1; j <= nrows; ++j) if (reach[d, row[j]]) treach[f, row[j]] = 1
        }
    }
}
$1 == "D" {
    if ($2 == "src") {
        srcDir[$3] = 1
        if (!($3 in isRow)) fail("src/" $3 "/: no row in the layer table of " readme " (line " tableLine ")")
    }
    next
}
$1 == "I" {
    rec = substr($0, 3)
    c1 = index(rec, ":"); file = substr(rec, 1, c1 - 1); rest = substr(rec, c1 + 1)
    c2 = index(rest, ":"); ln = substr(rest, 1, c2 - 1); text = substr(rest, c2 + 1)
    match(text, /"[^"]*"/); inc = substr(text, RSTART + 1, RLENGTH - 2)
    g = substr(inc, 1, index(inc, "/") - 1)
    split(file, seg, "/"); kind = seg[1]; who = seg[3] == "" ? "" : seg[2]
    ++includes; files[file] = 1
    if (who == "") {
        if (g != "support") fail(file ":" ln ": #include \"" inc "\": files directly in " kind "/ may include only support/")
        next
    }
    if (kind == "src") {
        if (!(g in isRow)) { fail(file ":" ln ": #include \"" inc "\": " g "/ is not a folder of the layer table in " readme); next }
        if (g != who && !((who, g) in firstUse)) firstUse[who, g] = file ":" ln
        if (!(who in isRow)) next
        if (!may(kind, who, g))
            fail(file ":" ln ": #include \"" inc "\" breaks the layering: " who "/ may include " allowedList(kind, who) \
                 " (" readme ":" rowLine[who] ", the \"depends on\" column of " who "/)")
        next
    }
    if (!(g in isRow) && g != "support") { fail(file ":" ln ": #include \"" inc "\": " g "/ is neither a folder of the layer table in " readme " nor tests/support"); next }
    if (!may(kind, who, g)) {
        if (who == "support") rule = "tests/support/ is shared by every library'"'"'s tests"
        else rule = readme ":" rowLine[who] ", the \"depends on\" and \"tests also use\" columns of " who "/"
        fail(file ":" ln ": #include \"" inc "\" breaks the layering: tests/" who "/ may include " allowedList(kind, who) " (" rule ")")
    }
}
END {
    if (fatal) exit 2
    for (i = 1; i <= nrows; ++i) {
        f = row[i]
        if (!(f in srcDir)) { fail(readme ":" rowLine[f] ": the layer table has a row for " f "/ but there is no src/" f "/"); continue }
        cm = "src/" f "/CMakeLists.txt"
        linked = " "; inside = 0
        while ((getline text < cm) > 0) {
            sub(/#.*/, "", text)
            while (text != "") {
                if (!inside) {
                    p = index(text, "target_link_libraries(")
                    if (!p) break
                    text = substr(text, p + 22); inside = 1
                }
                q = index(text, ")")
                seg_ = q ? substr(text, 1, q - 1) : text
                m = split(seg_, tok, /[ \t]+/)
                for (k = 1; k <= m; ++k) if (tok[k] != "") linked = linked tok[k] " "
                if (q) { text = substr(text, q + 1); inside = 0 } else text = ""
            }
        }
        close(cm)
        for (j = 1; j <= nrows; ++j) {
            g = row[j]
            if (!((f, g) in firstUse) || libs[g] == "") continue
            m = split(libs[g], tok, " "); ok = 0; names = ""
            for (k = 1; k <= m; ++k) {
                if (index(linked, " " tok[k] " ")) ok = 1
                names = names (names == "" ? "" : " or ") tok[k]
            }
            if (!ok)
                fail(cm ": " f "/ includes " g "/ (" firstUse[f, g] ") but its target_link_libraries name no " \
                     names " (every library links what it includes)")
        }
    }
    if (problems) {
        print "check-layers: " problems " problem" (problems == 1 ? "" : "s") " against the layer table in " readme
        exit 1
    }
    nfiles = 0; for (x in files) ++nfiles
    print "check-layers: " includes " includes in " nfiles " files follow the layer table in " readme \
          " (" nrows " folders); every library links what it includes"
}'
