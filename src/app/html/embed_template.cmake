# Writes a C++ file defining `std::string_view NAMESPACE::SYMBOL()` that returns the bytes of
# INPUT, so the page template is a real file in the source tree but the binary needs no files at
# run time. Usage: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed_template.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
get_filename_component(name "${INPUT}" NAME)
set(body "// Generated from ${name} by src/app/html/embed_template.cmake at build time. Do not edit.\n")
string(APPEND body "#include <string_view>\n\nnamespace hv::cli {\n\nnamespace {\nconst unsigned char kBytes[] = {${hex}0x00};\n}\n\n")
string(APPEND body "std::string_view ${SYMBOL}() { return {reinterpret_cast<const char*>(kBytes), sizeof(kBytes) - 1}; }\n\n")
string(APPEND body "} // namespace hv::cli\n")
if(EXISTS "${OUTPUT}")
    file(READ "${OUTPUT}" old)
    if(old STREQUAL body)
        return()
    endif()
endif()
file(WRITE "${OUTPUT}" "${body}")
