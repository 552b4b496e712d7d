#!/bin/sh
# CI stage: build with AddressSanitizer + UndefinedBehaviorSanitizer and run the whole test suite.
# Mesa's own small leaks are suppressed (tools/lsan.supp); any other report fails the run.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHV_SANITIZE=ON -DHV_BUILD_BENCHMARKS=OFF
cmake --build build-asan -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
# use_tls=0: GCC 12's LeakSanitizer misreads glibc 2.36's dynamic TLS vector in processes that have
# dlopen'ed Mesa's driver ("DTLS 12 at 0x15ef-0x18000026f1", then "Tracer caught signal 11" and a
# fatal error instead of a leak report), depending only on the memory layout (the output path's
# length changed it). Thread-local storage is then not scanned for pointers.
export LSAN_OPTIONS="suppressions=$(pwd)/tools/lsan.supp:print_suppressions=0:use_tls=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir build-asan --output-on-failure -j "$jobs"
