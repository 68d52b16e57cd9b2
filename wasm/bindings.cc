// The WebAssembly bindings: the only file that includes Emscripten headers.
// One string in, one JSON string out; errors come back as {"error": "..."},
// never as an abort or a JS exception (wasm/lede.js turns them into Errors).
//
//   inputBuffer(n)             -> where to write the n bytes of UTF-8 text to analyse
//   analyzeInput(optionsJson, onChunk)
//                              -> schema-1 JSON (see design.md) of that text, handed
//                                 to onChunk(Uint8Array) piece by piece (64 KiB)
//   inputBufferB(n)            -> the same for compareInput's second text (article b)
//   compareInput(optionsJson, onChunk)
//                              -> comparison JSON (docs/compare.md) of the two texts,
//                                 as `lede compare`, streamed as analyzeInput's
//   version()                  -> "0.1.0"
//   stageTimes(text)           -> [["decode", seconds], ...] for one analysis
//                                 (scripts/bench-wasm.mjs; as `lede bench` per stage)
//   stageMemory(optionsJson)   -> [["input", heapTop, inUse], ...]: analyzeInput's
//                                 heap after each phase (scripts/wasm-memory.mjs)
//
// The JSON comes out as Uint8Array views of the module's memory, which
// wasm/lede.js decodes with TextDecoder: analyzeInput's and compareInput's
// pieces are valid during the onChunk call; the helpers' whole result until
// the next call into the module (wasm/lede.js then calls releaseResult()).
// Embind's std::string return would walk every byte of the (large) JSON twice
// in JS before decoding it.
//
// Text is UTF-8: wasm/lede.js encodes a JS string with TextEncoder (which replaces
// lone surrogates with U+FFFD so UTF-16 offsets stay exact) or passes a Uint8Array of
// raw bytes (decoded by the core as the WHATWG decoder does, with a warning).
//
// optionsJson: "" or a JSON object; unknown keys are ignored.
//   "offsets": "utf16" (default) | "utf8" | "codepoint"
//   "maxBytes": refuse texts over this many UTF-8 bytes (default kWasmMaxBytes)
//   "pretty": true to indent the JSON (as `lede analyze --pretty`)
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>
#include <malloc.h>
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analyze_internal.h"
#include "lede/compare.h"
#include "lede/lede.h"

namespace {

// Smaller than the CLI's default: the module's memory is capped (wasm.cmake,
// LEDE_WASM_MAX_MEMORY) and an article is tens of kilobytes.
constexpr size_t kWasmMaxBytes = 16u << 20;  // 16 MiB

std::string ErrorJson(const std::string& message) {
  return "{\"error\":" +
         nlohmann::json(message).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         "}";
}

// Fills *options from optionsJson. Never throws: every access checks the type
// first (exceptions are off in the wasm build, so a throw would abort).
bool ParseOptions(const std::string& options_json, lede::Options* options, std::string* error) {
  options->max_input_bytes = kWasmMaxBytes;
  if (options_json.find_first_not_of(" \t\r\n") == std::string::npos) return true;
  nlohmann::json j = nlohmann::json::parse(options_json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *error = "options are not valid JSON";
    return false;
  }
  if (j.is_null()) return true;
  if (!j.is_object()) {
    *error = "options must be a JSON object";
    return false;
  }
  auto it = j.find("offsets");
  if (it != j.end() && !it->is_null()) {
    if (!it->is_string() ||
        !lede::ParseOffsetUnit(it->get_ref<const std::string&>(), &options->offsets)) {
      *error = "options.offsets must be \"utf16\", \"utf8\" or \"codepoint\"";
      return false;
    }
  }
  it = j.find("maxBytes");
  if (it != j.end() && !it->is_null()) {
    double n = it->is_number() ? it->get<double>() : 0;
    if (!(n >= 1) || n != std::floor(n)) {
      *error = "options.maxBytes must be a positive whole number";
      return false;
    }
    // The core refuses more than 1 GiB whatever the limit.
    options->max_input_bytes = n > double(1u << 30) ? size_t{1} << 30 : static_cast<size_t>(n);
  }
  it = j.find("pretty");
  if (it != j.end() && !it->is_null()) {
    if (!it->is_boolean()) {
      *error = "options.pretty must be true or false";
      return false;
    }
    options->pretty = it->get<bool>();
  }
  return true;
}

// The last result of a benchmark helper, until releaseResult().
std::string g_result;

// The text of the next analyzeInput call: wasm/lede.js asks for a buffer of
// its UTF-8 length, writes the bytes straight into it and calls analyzeInput,
// which hands it to the core to free once decoded. (Passed as an Embind
// std::string, the text was copied twice: into a buffer malloc'd by the JS
// glue, then into the std::string; both lived until the call returned.)
std::string g_input;

// compareInput's second text (its first is g_input), written as g_input is.
std::string g_input_b;

uintptr_t Buffer(std::string* input, size_t size) {
  std::string().swap(*input);
  input->resize(size);
  return reinterpret_cast<uintptr_t>(input->data());
}
uintptr_t InputBuffer(size_t size) { return Buffer(&g_input, size); }
uintptr_t InputBufferB(size_t size) { return Buffer(&g_input_b, size); }

emscripten::val ResultView(std::string json) {
  g_result = std::move(json);
  return emscripten::val(emscripten::typed_memory_view(
      g_result.size(), reinterpret_cast<const unsigned char*>(g_result.data())));
}

void ReleaseResult() { std::string().swap(g_result); }

// Hands bytes to the JS function `on_chunk` as a Uint8Array view of the
// module's memory, valid only during that call.
void SendChunk(void* on_chunk, std::string_view bytes) {
  (*static_cast<emscripten::val*>(on_chunk))(emscripten::val(emscripten::typed_memory_view(
      bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data()))));
}

// The JSON is streamed to on_chunk 64 KiB at a time (lede::WriteJson, the
// same bytes as ToJson), so it is never whole in the module's memory: held
// as one string (about 5x the text, grown past its reserve by doubling) on
// top of the analysis, it was the heap's high-water mark, and a wasm memory
// never shrinks (5 MB of news: 13.5x the text -> 7.7x, the analysis' own peak).
void AnalyzeInput(const std::string& options_json, emscripten::val on_chunk) {
  ReleaseResult();
  std::string text;
  text.swap(g_input);
  lede::Options options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return SendChunk(&on_chunk, ErrorJson(error));
  lede::Analysis analysis = lede::AnalyzeOwned(&text, options);  // frees text once decoded
  if (!analysis.error.empty()) return SendChunk(&on_chunk, ErrorJson(analysis.error));
  lede::WriteJson(analysis, SendChunk, &on_chunk);
}

// The comparison of the texts of the last inputBuffer (article a) and
// inputBufferB (article b) calls, streamed to on_chunk as analyzeInput
// streams its JSON (lede::WriteCompareJson; it was one string, handed to JS
// whole, on top of both analyses). Each text is kept as its analysis' text or
// freed once decoded, as in analyzeInput.
void CompareInput(const std::string& options_json, emscripten::val on_chunk) {
  ReleaseResult();
  std::string a, b;
  a.swap(g_input);
  b.swap(g_input_b);
  lede::Options options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return SendChunk(&on_chunk, ErrorJson(error));
  lede::Analysis analysis_a = lede::AnalyzeOwned(&a, options);
  if (!analysis_a.error.empty())
    return SendChunk(&on_chunk, ErrorJson("article a: " + analysis_a.error));
  lede::Analysis analysis_b = lede::AnalyzeOwned(&b, options);
  if (!analysis_b.error.empty())
    return SendChunk(&on_chunk, ErrorJson("article b: " + analysis_b.error));
  lede::WriteCompareJson(lede::Compare(analysis_a, analysis_b), analysis_a, analysis_b,
                         options.pretty, SendChunk, &on_chunk);
}

double NowSeconds() { return emscripten_get_now() / 1000.0; }

emscripten::val StageTimes(const std::string& text) {
  ReleaseResult();
  lede::Options options;
  options.max_input_bytes = kWasmMaxBytes;
  std::vector<lede::StageTime> times;
  lede::Analysis analysis = lede::AnalyzeTimed(text, options, &times, NowSeconds);
  if (!analysis.error.empty()) return ResultView(ErrorJson(analysis.error));
  double start = NowSeconds();
  std::string json = lede::ToJson(analysis);
  times.push_back({"json", NowSeconds() - start});
  nlohmann::json out = nlohmann::json::array();
  for (const lede::StageTime& t : times) out.push_back({t.stage, t.seconds});
  return ResultView(out.dump());
}

std::string Version() { return LEDE_VERSION; }

// The heap's top (its high-water mark: dlmalloc never gives memory back) and
// the bytes malloc has handed out and not had back, after one phase.
struct HeapMark {
  std::string phase;
  double top = 0, used = 0;
};
std::vector<HeapMark>* g_marks = nullptr;  // where MarkClock notes them

void Mark(std::vector<HeapMark>* marks, const char* phase) {
  marks->push_back(
      {phase, double(reinterpret_cast<uintptr_t>(sbrk(0))), double(mallinfo().uordblks)});
}

// A SecondsClock for AnalyzeTimed that notes the heap at each stage's end.
double MarkClock() {
  Mark(g_marks, "");
  return 0;
}

// Benchmark helper (scripts/wasm-memory.mjs): analyses the text of the last
// inputBuffer call as analyzeInput does and returns, as JSON, the heap after
// each phase: [["input", top, used], ["decode", ...], ..., ["json", ...]],
// where "input" is before the analysis starts (the text copied in) and
// "json" is after the JSON was written out.
emscripten::val StageMemory(const std::string& options_json) {
  ReleaseResult();
  std::vector<HeapMark> marks;
  marks.reserve(16);
  Mark(&marks, "input");
  std::string text;
  text.swap(g_input);
  lede::Options options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return ResultView(ErrorJson(error));
  std::vector<lede::StageTime> times;
  times.reserve(16);
  g_marks = &marks;
  lede::Analysis analysis = lede::AnalyzeOwned(&text, options, &times, MarkClock);
  g_marks = nullptr;
  if (!analysis.error.empty()) return ResultView(ErrorJson(analysis.error));
  // marks[1] is the clock's first reading (the analysis starting); then one a stage.
  marks.erase(marks.begin() + 1);
  for (size_t i = 0; i < times.size() && i + 1 < marks.size(); ++i)
    marks[i + 1].phase = times[i].stage;
  // As AnalyzeInput: the JSON streamed out (here to nowhere).
  lede::WriteJson(
      analysis, [](void*, std::string_view) {}, nullptr);
  Mark(&marks, "json");
  nlohmann::json out = nlohmann::json::array();
  for (const HeapMark& m : marks) out.push_back({m.phase, m.top, m.used});
  return ResultView(out.dump());
}

}  // namespace

EMSCRIPTEN_BINDINGS(lede) {
  emscripten::function("inputBuffer", &InputBuffer);
  emscripten::function("analyzeInput", &AnalyzeInput);
  emscripten::function("inputBufferB", &InputBufferB);
  emscripten::function("compareInput", &CompareInput);
  emscripten::function("releaseResult", &ReleaseResult);
  emscripten::function("stageTimes", &StageTimes);
  emscripten::function("stageMemory", &StageMemory);
  emscripten::function("version", &Version);
}
