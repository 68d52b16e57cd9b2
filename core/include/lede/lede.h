// lede: who is in a news article, who said what, and which statements are
// checkable claims.
//
// Usage:
//   lede::Options options;                       // UTF-16 offsets by default
//   lede::Analysis a = lede::Analyze(text, options);
//   if (!a.error.empty()) { /* input refused, e.g. over the size limit */ }
//   std::string json = lede::ToJson(a);          // schema 1, see design.md
//
// Analyze never throws and never aborts on bad text: invalid UTF-8 is decoded
// as the WHATWG decoder does (one U+FFFD per maximal invalid subpart) and
// reported in `warnings`. Input larger than Options::max_input_bytes is
// refused with `error` set and everything else empty.
//
// All spans inside the structs below are UTF-8 byte offsets into
// Analysis::text (the decoded input). ToJson converts them once, at the
// boundary, into the unit Options::offsets asks for.
#ifndef LEDE_LEDE_H_
#define LEDE_LEDE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lede/offsets.h"

namespace lede {

inline constexpr int kSchemaVersion = 1;
inline constexpr size_t kDefaultMaxInputBytes = 64u << 20;  // 64 MiB

struct Options {
  OffsetUnit offsets = OffsetUnit::kUtf16;
  // Inputs longer than this (in bytes of UTF-8) are refused with an error.
  size_t max_input_bytes = kDefaultMaxInputBytes;
  bool pretty = false;  // ToJson: indent the output.
};

// A half-open byte range [start, end) of Analysis::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Warning {
  std::string code;  // e.g. "invalid-utf8", "unclosed-quote"
  std::string message;
};

struct Stats {
  size_t chars = 0;  // Unicode code points of the decoded text
  size_t paragraphs = 0;
  size_t sentences = 0;
  size_t words = 0;
};

// A normalised figure: "more than 20" -> {20, "", kMoreThan}; "$1.2bn" ->
// {1.2e9, "USD"}; "500 square kilometres" -> {500, "km2"}.
struct Quantity {
  enum class Approx { kExact, kAbout, kMoreThan, kLessThan, kAtLeast, kAtMost, kRange };
  double value = 0;
  double value_max = 0;  // == value unless approx == kRange
  std::string unit;      // canonical unit ("km2", "mi2", "USD", "%", "C", "day", ...), "" if none
  Approx approx = Approx::kExact;
  int precision = 0;      // digits after the decimal point as written (for rounding checks)
  double multiplier = 1;  // the written scale word: "1.2bn" -> 1e9, "3 million" -> 1e6
};

// 12 bytes: a long text has a hundred thousand mentions, most of them names;
// a figure's Quantity (64 bytes) is kept once in its Entity.
struct Mention {
  Span span;
  int quantity = -1;  // index into Entity::quantities, or -1: no normalised figure
};

struct Entity {
  std::string type;  // OntoNotes name: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, ...
  std::string name;  // canonical (longest) form
  std::vector<std::string> roles;
  double salience = 0;
  std::vector<Mention> mentions;     // in text order
  std::vector<Quantity> quantities;  // figures: the mentions' normalised values (Mention::quantity)
  int link = -1;                     // NORP -> its country (entity index), or -1

  // The normalised figure of one of this entity's mentions, or nullptr.
  const Quantity* QuantityOf(const Mention& m) const {
    return m.quantity < 0 ? nullptr : &quantities[static_cast<size_t>(m.quantity)];
  }
};

// The cue's words are views of the built-in quote lexicon, which lives as
// long as the process.
struct Cue {
  Span span;
  std::string_view lemma;   // "say", "deny", "according to", ...
  std::string_view stance;  // say, claim, deny, admit, warn, announce, ask
};

struct Speaker {
  int entity = -1;        // index into Analysis::entities, or -1
  int organization = -1;  // anonymous source's organization (entity index), or -1
  Span span;              // the mention next to the cue as written ("he"); empty if none
  Span descriptor;        // for anonymous sources, as written: "one of the officials"
  Span name;  // who it is when no entity resolves it, as written ("Lloyd Austin"); else empty
  bool has_span = false;
  bool anonymous = false;
};

// 104 bytes, no heap memory: a long text has tens of thousands of quotes.
struct Quote {
  enum class Kind : uint8_t { kDirect, kPartial, kIndirect, kScare };
  Kind kind = Kind::kDirect;
  bool has_cue = false;
  bool has_speaker = false;
  bool unclosed = false;  // an opening mark with no closing mark in its paragraph
  Span span;              // the quoted content, without the marks
  Cue cue;
  Speaker speaker;
  double confidence = 0;
};

struct ClaimSource {
  int entity = -1;  // entity index, or -1
  int quote = -1;   // quote index, or -1
};

// What a claim states; the JSON lists a claim's types in this order.
enum class ClaimType : uint8_t {
  kQuantity,
  kComparison,
  kChange,
  kCausal,
  kPrediction,
  kPolicy,
  kEvent,
  kCount
};

// Why a claim was flagged, as the reader is told: each one a fixed phrase
// (ClaimReasonName), except kWording, which quotes up to three of the
// claim's words (Claim::wording): `wording of checkable statements: "a", "b"`.
enum class ClaimReason : uint8_t {
  kFigure,       // "contains a figure"
  kCompares,     // "compares"
  kChange,       // "describes a change"
  kCause,        // "states a cause"
  kPrediction,   // "predicts or plans"
  kPolicy,       // "mentions a law or policy"
  kNames,        // "names a person, place or organisation"
  kAction,       // "reports an action"
  kAttribution,  // "attributes it to someone"
  kLength,       // "a long, detailed statement"
  kSource,       // "names a source"
  kWording,      // "wording of checkable statements: ..."
  kCount
};

// A claim holds no heap memory: a long text has a hundred thousand reasons,
// each one of a dozen phrases.
struct Claim {
  static constexpr size_t kMaxReasons = 8;
  static constexpr size_t kMaxWords = 3;

  Span span;
  double score = 0;  // check-worthiness in [0, 1]
  ClaimSource source;
  uint8_t types = 0;  // bit (1 << ClaimType) per type: quantity, comparison, change, ...
  bool hedged = false;
  uint8_t num_reasons = 0;                // reasons[0, num_reasons) are set
  ClaimReason reasons[kMaxReasons] = {};  // the most telling first
  Span wording[kMaxWords] = {};           // kWording's words, in order; unused ones empty

  bool Has(ClaimType type) const { return (types >> static_cast<int>(type)) & 1; }
  bool Has(ClaimReason reason) const {
    for (size_t k = 0; k < num_reasons; ++k) {
      if (reasons[k] == reason) return true;
    }
    return false;
  }
};

struct Check {
  std::string kind;     // unit-conversion, percent-change, percentage, parts-sum, duration,
                        // repeated-figure (rules: core/src/checks/checks.cc)
  std::string verdict;  // consistent, approximate, inconsistent
  std::string message;
  std::vector<Span> spans;
};

struct Analysis {
  std::string error;  // non-empty: the input was refused; nothing else is set
  Options options;
  std::string text;   // the decoded input (valid UTF-8); every Span points into it
  OffsetIndex index;  // byte -> UTF-16 / code point conversion for `text`
  Stats stats;
  std::vector<Warning> warnings;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<Claim> claims;
  std::vector<Check> checks;

  // A byte offset of `text` in the unit of options.offsets (or `unit`).
  uint32_t Convert(uint32_t byte, OffsetUnit unit) const { return index.Convert(text, byte, unit); }
  uint32_t Convert(uint32_t byte) const { return Convert(byte, options.offsets); }
  std::string_view Text(Span span) const {
    return std::string_view(text).substr(span.start, span.end - span.start);
  }
};

// The one entry point. Never throws.
Analysis Analyze(std::string_view utf8, const Options& options = Options());

// Schema-1 JSON for `analysis` (an {"error": ...} object when it was refused).
std::string ToJson(const Analysis& analysis);

// Names used in the JSON for enum values.
const char* QuoteKindName(Quote::Kind kind);
const char* ApproxName(Quantity::Approx approx);
const char* ClaimTypeName(ClaimType type);
// The phrase of a reason; for kWording only its start, "wording of checkable statements:".
const char* ClaimReasonName(ClaimReason reason);

// A claim's types and reasons as the JSON gives them. `text` is the
// Analysis::text its spans point into (kWording quotes its words).
std::vector<std::string> ClaimTypeNames(const Claim& claim);
std::vector<std::string> ClaimReasonTexts(const Claim& claim, std::string_view text);
// Appends the JSON text of claim.reasons[k] to `out`.
void AppendClaimReason(const Claim& claim, size_t k, std::string_view text, std::string* out);

}  // namespace lede

#endif  // LEDE_LEDE_H_
