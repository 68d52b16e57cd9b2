# Toolchain file for the WebAssembly build: finds Emscripten and includes its
# own toolchain file (Emscripten.cmake).
#
#   cmake --preset wasm-release                       # uses this file
#   cmake -S . -B build/wasm -DCMAKE_TOOLCHAIN_FILE=emsdk-toolchain.cmake
#
# Where Emscripten is looked for, first match wins:
#   1. -DEMSCRIPTEN_ROOT=DIR or the EMSCRIPTEN environment variable (the
#      folder holding emcc and cmake/Modules/Platform/Emscripten.cmake);
#   2. the EMSDK environment variable (an emsdk checkout: $EMSDK/upstream/emscripten);
#   3. a system install: Debian's `emscripten` package in /usr/share/emscripten,
#      or wherever `emcc` on PATH lives.
set(_lede_em_candidates)
if(EMSCRIPTEN_ROOT)
  list(APPEND _lede_em_candidates "${EMSCRIPTEN_ROOT}")
endif()
if(DEFINED ENV{EMSCRIPTEN})
  list(APPEND _lede_em_candidates "$ENV{EMSCRIPTEN}")
endif()
if(DEFINED ENV{EMSDK})
  list(APPEND _lede_em_candidates "$ENV{EMSDK}/upstream/emscripten")
endif()
list(APPEND _lede_em_candidates /usr/share/emscripten /usr/lib/emscripten)
find_program(_lede_emcc_on_path emcc)
if(_lede_emcc_on_path)
  get_filename_component(_lede_emcc_real "${_lede_emcc_on_path}" REALPATH)
  get_filename_component(_lede_emcc_dir "${_lede_emcc_real}" DIRECTORY)
  list(APPEND _lede_em_candidates "${_lede_emcc_dir}")
endif()

set(_lede_em_root "")
foreach(dir IN LISTS _lede_em_candidates)
  if(EXISTS "${dir}/cmake/Modules/Platform/Emscripten.cmake")
    set(_lede_em_root "${dir}")
    break()
  endif()
endforeach()
if(NOT _lede_em_root)
  message(FATAL_ERROR
    "Emscripten not found (looked in: ${_lede_em_candidates}). Install Debian's "
    "`emscripten` package (scripts/setup.sh does), or set EMSDK to an emsdk checkout.")
endif()
set(EMSCRIPTEN_ROOT "${_lede_em_root}" CACHE PATH "Emscripten install used for the wasm build")

# Debian's emcc runs its JS optimizer with the system node, which must find
# acorn in /usr/share/nodejs; a node from elsewhere (e.g. NodeSource) does not
# look there. Set NODE_PATH for configure-time checks and for every link step
# (the only step that runs the optimizer), so a plain `cmake --build` works.
if(_lede_em_root MATCHES "^/usr/" AND EXISTS /usr/share/nodejs/acorn)
  set(ENV{NODE_PATH} "/usr/share/nodejs")
  set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs"
      CACHE STRING "Runs em++ links with NODE_PATH set (Debian's emscripten)")
endif()

include("${_lede_em_root}/cmake/Modules/Platform/Emscripten.cmake")
