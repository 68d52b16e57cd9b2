# The WebAssembly module (included by the root CMakeLists.txt when the
# compiler is Emscripten; see emsdk-toolchain.cmake and the wasm-release preset).
#
# Output, in ${CMAKE_BINARY_DIR}/gen/ and copied to web/app/gen/:
#   lede.js         the ES-module wrapper (wasm/lede.js): createLede()
#   lede-module.js  Emscripten's loader (built as lede.js, renamed; it loads lede.wasm)
#   lede.wasm       the module: the core + RE2 + the Embind bindings
#   worker.js       the worker (wasm/worker.js) with lede.js and the loader folded
#                   in by wasm/bundle-worker.mjs: one script for the page's worker
#   lede.d.ts       types of the wrapper and of the schema-1 result
#
# The loader is an ES module for the web and workers only: in node, pass the
# bytes of lede.wasm as `wasmBinary` (Emscripten 3.1.6 cannot fetch a file path
# from node, nor use require() in an ES module).

set(LEDE_WASM_MAX_MEMORY "1GB" CACHE STRING "Most memory the wasm module may grow to")

add_executable(lede_wasm ${CMAKE_SOURCE_DIR}/wasm/bindings.cc)
set_target_properties(lede_wasm PROPERTIES OUTPUT_NAME lede SUFFIX ".js")
target_link_libraries(lede_wasm PRIVATE lede_core)
target_include_directories(lede_wasm PRIVATE ${CMAKE_SOURCE_DIR}/core/src)
target_compile_options(lede_wasm PRIVATE -Wall -Wextra)
target_compile_definitions(lede_wasm PRIVATE LEDE_VERSION="${PROJECT_VERSION}")
# -O3 for the whole module (core included). -Os made the module 3.5x slower
# (0.51 vs 1.83 MB/s in node on the same corpus, bench-wasm.mjs) for 42 KB
# less gzipped download (647 vs 689 KB; the budget is 1 MB).
set(LEDE_WASM_OPT "-O3" CACHE STRING "Optimisation flags for the whole module (core included)")
separate_arguments(LEDE_WASM_OPT_LIST UNIX_COMMAND "${LEDE_WASM_OPT}")
set(LEDE_WASM_LINK_EXTRA "" CACHE STRING "Extra link flags (experiments)")
separate_arguments(LEDE_WASM_LINK_EXTRA_LIST UNIX_COMMAND "${LEDE_WASM_LINK_EXTRA}")
target_compile_options(lede_core PRIVATE ${LEDE_WASM_OPT_LIST})
target_compile_options(lede_wasm PRIVATE ${LEDE_WASM_OPT_LIST})
target_link_options(lede_wasm PRIVATE
  --bind
  ${LEDE_WASM_OPT_LIST}
  ${LEDE_WASM_LINK_EXTRA_LIST}
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createLedeModule
  -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1
  # Grow by 5% of the memory at a time, not Emscripten's 20%: the memory then
  # stays near the heap's top (5 MB of news: 52.0 -> 46.4 MiB), and a maxMemory
  # cap is not hit early by the slack (no measurable time: a few more grows).
  -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05
  -sINITIAL_MEMORY=16MB
  -sMAXIMUM_MEMORY=${LEDE_WASM_MAX_MEMORY}
  -sFILESYSTEM=0
  # No eval/new Function: runs under a CSP without 'unsafe-eval' (pages, MV3).
  -sDYNAMIC_EXECUTION=0
  -sASSERTIONS=0
  -sINCOMING_MODULE_JS_API=wasmBinary,locateFile,print,printErr,onAbort,instantiateWasm)

set(LEDE_WASM_GEN ${CMAKE_BINARY_DIR}/gen)
set(LEDE_WASM_JS_SOURCES
  ${CMAKE_SOURCE_DIR}/wasm/lede.js
  ${CMAKE_SOURCE_DIR}/wasm/worker-client.js
  ${CMAKE_SOURCE_DIR}/wasm/lede.d.ts)
find_program(LEDE_NODE node REQUIRED)
add_custom_command(
  OUTPUT ${LEDE_WASM_GEN}/lede.wasm ${LEDE_WASM_GEN}/lede-module.js ${LEDE_WASM_GEN}/lede.js
         ${LEDE_WASM_GEN}/worker.js
  COMMAND ${CMAKE_COMMAND} -E make_directory ${LEDE_WASM_GEN}
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE_DIR:lede_wasm>/lede.wasm ${LEDE_WASM_GEN}/lede.wasm
  COMMAND ${CMAKE_COMMAND} -E copy $<TARGET_FILE:lede_wasm> ${LEDE_WASM_GEN}/lede-module.js
  COMMAND ${CMAKE_COMMAND} -E copy ${LEDE_WASM_JS_SOURCES} ${LEDE_WASM_GEN}/
  COMMAND ${LEDE_NODE} ${CMAKE_SOURCE_DIR}/wasm/bundle-worker.mjs ${LEDE_WASM_GEN}/lede-module.js
          ${CMAKE_SOURCE_DIR}/wasm/lede.js ${CMAKE_SOURCE_DIR}/wasm/worker.js ${LEDE_WASM_GEN}/worker.js
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_SOURCE_DIR}/web/app/gen
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${LEDE_WASM_GEN} ${CMAKE_SOURCE_DIR}/web/app/gen
  DEPENDS lede_wasm ${LEDE_WASM_JS_SOURCES} ${CMAKE_SOURCE_DIR}/wasm/worker.js
          ${CMAKE_SOURCE_DIR}/wasm/bundle-worker.mjs
  COMMENT "Copying the wasm module and its JS to web/app/gen/")
add_custom_target(lede_wasm_gen ALL DEPENDS ${LEDE_WASM_GEN}/lede.wasm)
