# Turns a file into a C++ source that returns its bytes (run with cmake -P at build time).
#   -DINPUT=file  -DOUTPUT=generated.cpp  -DHEADER=folder/header.hpp  -DFUNCTION=ns::name
# The header declares `std::string_view FUNCTION();`. The bytes go into a byte array, not a
# string literal: no delimiter can collide with the content and no literal-length limit applies.
foreach(var INPUT OUTPUT HEADER FUNCTION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_file.cmake: -D${var}=... is required")
  endif()
endforeach()

file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hexLength)
math(EXPR size "${hexLength} / 2")
# "0x3c," for each byte, 16 a line (CMake's regular expressions have no {n}).
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REPEAT "0x[0-9a-f][0-9a-f]," 16 line)
string(REGEX REPLACE "(${line})" "\\1\n    " bytes "${bytes}")
get_filename_component(inputName "${INPUT}" NAME)

set(content "// Generated at build time from ${inputName} by cmake/embed_file.cmake: do not edit.
#include \"${HEADER}\"

namespace {
// ${size} bytes, and a 0 after them that is not part of the content.
const unsigned char kEmbedded[] = {
    ${bytes}0x00};
}  // namespace

std::string_view ${FUNCTION}() {
    return std::string_view(reinterpret_cast<const char*>(kEmbedded), ${size});
}
")
# Rewrite only on change, so an unchanged page recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${content}")
