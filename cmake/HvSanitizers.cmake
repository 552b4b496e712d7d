# HV_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer for every target.
if(HV_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# HV_BUILD_FUZZERS: libFuzzer targets (tests/fuzz). Every library is instrumented for libFuzzer's
# coverage and built with ASan + UBSan; the fuzz targets link libFuzzer's main themselves. Needs
# clang (Debian: clang, libclang-rt-14-dev); use a build folder of its own, e.g.
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DHV_BUILD_FUZZERS=ON -DHV_BUILD_TESTS=OFF
if(HV_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "HV_BUILD_FUZZERS needs clang (CC=clang CXX=clang++ in a fresh build folder)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
