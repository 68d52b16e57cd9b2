// Internal entry points of the pipeline, for tools (the benchmark) and tests.
// Not part of the public API: front ends call lede::Analyze.
#ifndef LEDE_ANALYZE_INTERNAL_H_
#define LEDE_ANALYZE_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "lede/compare.h"
#include "lede/lede.h"

namespace lede {

// Wall time spent in one stage of one Analyze call.
struct StageTime {
  const char* stage;  // "decode", "document", "entities", "quotes", "claims", "checks", ...
  double seconds = 0;
};

// A clock in seconds. The benchmark passes the thread's CPU clock, so that a
// busy machine (which delays the thread) does not inflate the figures.
using SecondsClock = double (*)();

// Analyze, and when `times` is not null append the time of every stage to it
// (in pipeline order), read from `clock` (steady wall time when null). Timing
// costs a clock read per stage; with `times` null this is exactly Analyze.
Analysis AnalyzeTimed(std::string_view utf8, const Options& options, std::vector<StageTime>* times,
                      SecondsClock clock = nullptr);

// Analyze for a caller that has no further use for its input: *utf8 is
// freed once decoded, so the input and its decoded copy are not both held
// through the later stages (the CLI's peak memory). Same result as Analyze;
// `times` and `clock` as for AnalyzeTimed.
Analysis AnalyzeOwned(std::string* utf8, const Options& options,
                      std::vector<StageTime>* times = nullptr, SecondsClock clock = nullptr);

// ToJson's bytes appended to *out, which keeps what it held (the CLI's JSONL
// output puts each line's id before them without copying the JSON again).
void ToJsonAppend(const Analysis& analysis, std::string* out);

// ToJson, streamed: the same bytes handed to sink(context, ...) piece by
// piece (64 KiB at a time), so the whole JSON is never held in memory.
void WriteJson(const Analysis& analysis, void (*sink)(void* context, std::string_view bytes),
               void* context);

// CompareToJson, streamed as WriteJson streams ToJson: the same bytes, piece
// by piece, so the comparison's JSON is never whole in memory (the wasm
// module's memory never shrinks).
void WriteCompareJson(const Comparison& c, const Analysis& a, const Analysis& b, bool pretty,
                      void (*sink)(void* context, std::string_view bytes), void* context);

}  // namespace lede

#endif  // LEDE_ANALYZE_INTERNAL_H_
