// libFuzzer target over the whole pipeline: Analyze + ToJson in every offset
// unit, with the invariants every caller relies on checked on each input.
// Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined);
// crashes it finds go to tests/fuzz/regressions/, which fuzz_regression_test.cc
// replays in every ctest run.
//
// The first byte of the input picks the options (offset unit, a small size
// limit now and then); the rest is the text.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "lede/lede.h"

namespace {

void Fail(const char* what) {
  std::fprintf(stderr, "analyze_fuzzer: %s\n", what);
  std::abort();
}

bool OnBoundary(const std::string& text, uint32_t byte) {
  return byte == text.size() ||
         (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80);
}

void CheckSpan(const lede::Analysis& a, lede::Span s) {
  if (s.start > s.end || s.end > a.text.size()) Fail("span out of range");
  if (!OnBoundary(a.text, s.start) || !OnBoundary(a.text, s.end))
    Fail("span not on a character boundary");
}

void CheckIndex(int index, size_t size) {
  if (index < -1 || (index >= 0 && static_cast<size_t>(index) >= size)) Fail("index out of range");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  lede::Options options;
  const uint8_t mode = data[0];
  options.offsets = mode % 3 == 0   ? lede::OffsetUnit::kUtf16
                    : mode % 3 == 1 ? lede::OffsetUnit::kUtf8
                                    : lede::OffsetUnit::kCodepoint;
  if (mode >= 0xF0) options.max_input_bytes = mode - 0xF0;  // refusals too
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  lede::Analysis a = lede::Analyze(text, options);
  const std::string json = lede::ToJson(a);
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) Fail("ToJson produced invalid JSON");
  if (!a.error.empty()) {
    if (text.size() <= options.max_input_bytes) Fail("refused an input under the limit");
    return 0;
  }
  if (j.value("schema", 0) != lede::kSchemaVersion) Fail("schema missing");

  for (const lede::Entity& e : a.entities) {
    for (const lede::Mention& m : e.mentions) CheckSpan(a, m.span);
    CheckIndex(e.link, a.entities.size());
  }
  for (const lede::Quote& q : a.quotes) {
    CheckSpan(a, q.span);
    if (q.has_cue) CheckSpan(a, q.cue.span);
    if (q.has_speaker) {
      if (q.speaker.has_span) CheckSpan(a, q.speaker.span);
      CheckIndex(q.speaker.entity, a.entities.size());
      CheckIndex(q.speaker.organization, a.entities.size());
    }
  }
  for (const lede::Claim& c : a.claims) {
    CheckSpan(a, c.span);
    CheckIndex(c.source.entity, a.entities.size());
    CheckIndex(c.source.quote, a.quotes.size());
  }
  for (const lede::Check& c : a.checks)
    for (const lede::Span& s : c.spans) CheckSpan(a, s);

  // Offsets in the requested unit never exceed the text's length in it.
  const uint32_t len = a.Convert(static_cast<uint32_t>(a.text.size()));
  if (a.text.size() < 1u << 20 && len > a.text.size()) Fail("converted length too large");
  return 0;
}
