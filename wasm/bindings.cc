// The WebAssembly bindings: the only file that includes Emscripten headers.
// One string in, one JSON string out; errors come back as {"error": "..."},
// never as an abort or a JS exception (wasm/lede.js turns them into Errors).
//
//   inputBuffer(n)             -> where to write the n bytes of UTF-8 text to analyse
//   analyzeInput(optionsJson)  -> schema-1 JSON (see design.md) of that text
//   compare(a, b, optionsJson) -> comparison JSON (docs/compare.md), as `lede compare`
//   version()                  -> "0.1.0"
//   stageTimes(text)           -> [["decode", seconds], ...] for one analysis
//                                 (scripts/bench-wasm.mjs; as `lede bench` per stage)
//
// analyzeInput and compare return the JSON as a Uint8Array view of the module's
// memory (valid until the next call into the module); wasm/lede.js decodes it
// with TextDecoder and then calls releaseResult(). Embind's std::string return
// would walk every byte of the (large) JSON twice in JS before decoding it.
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

std::string Compare(const std::string& a, const std::string& b, const std::string& options_json) {
  lede::Options options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return ErrorJson(error);
  lede::Analysis analysis_a = lede::Analyze(a, options);
  if (!analysis_a.error.empty()) return ErrorJson("article a: " + analysis_a.error);
  lede::Analysis analysis_b = lede::Analyze(b, options);
  if (!analysis_b.error.empty()) return ErrorJson("article b: " + analysis_b.error);
  return lede::CompareToJson(lede::Compare(analysis_a, analysis_b), analysis_a, analysis_b,
                             options.pretty);
}

// The last result of analyze or compare, until releaseResult().
std::string g_result;

// The text of the next analyzeInput call: wasm/lede.js asks for a buffer of
// its UTF-8 length, writes the bytes straight into it and calls analyzeInput,
// which hands it to the core to free once decoded. (Passed as an Embind
// std::string, the text was copied twice: into a buffer malloc'd by the JS
// glue, then into the std::string; both lived until the call returned.)
std::string g_input;

uintptr_t InputBuffer(size_t size) {
  std::string().swap(g_input);
  g_input.resize(size);
  return reinterpret_cast<uintptr_t>(g_input.data());
}

emscripten::val ResultView(std::string json) {
  g_result = std::move(json);
  return emscripten::val(emscripten::typed_memory_view(
      g_result.size(), reinterpret_cast<const unsigned char*>(g_result.data())));
}

void ReleaseResult() { std::string().swap(g_result); }

emscripten::val AnalyzeInputView(const std::string& options_json) {
  ReleaseResult();
  std::string text;
  text.swap(g_input);
  lede::Options options;
  std::string error;
  if (!ParseOptions(options_json, &options, &error)) return ResultView(ErrorJson(error));
  lede::Analysis analysis = lede::AnalyzeOwned(&text, options);  // frees text once decoded
  if (!analysis.error.empty()) return ResultView(ErrorJson(analysis.error));
  return ResultView(lede::ToJson(analysis));
}

emscripten::val CompareView(const std::string& a, const std::string& b,
                            const std::string& options_json) {
  ReleaseResult();
  return ResultView(Compare(a, b, options_json));
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

}  // namespace

EMSCRIPTEN_BINDINGS(lede) {
  emscripten::function("inputBuffer", &InputBuffer);
  emscripten::function("analyzeInput", &AnalyzeInputView);
  emscripten::function("compare", &CompareView);
  emscripten::function("releaseResult", &ReleaseResult);
  emscripten::function("stageTimes", &StageTimes);
  emscripten::function("version", &Version);
}
