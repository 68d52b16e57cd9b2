// The one entry point: runs the stages in order, each a pure function of the
// earlier stages' outputs.
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "analyze_internal.h"
#include "checks/checks.h"
#include "claims/claims.h"
#include "entities/entities.h"
#include "lede/lede.h"
#include "quotes/quotes.h"
#include "text/document.h"
#include "text/utf8.h"

namespace lede {
namespace {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Times the stages of one call when asked to; a no-op otherwise.
class StageClock {
 public:
  StageClock(std::vector<StageTime>* times, SecondsClock clock)
      : times_(times), clock_(clock ? clock : SteadySeconds) {
    if (times_) last_ = clock_();
  }
  // Closes the stage that ran since the previous Lap (or construction).
  void Lap(const char* stage) {
    if (!times_) return;
    double now = clock_();
    times_->push_back({stage, now - last_});
    last_ = now;
  }

 private:
  std::vector<StageTime>* times_;
  SecondsClock clock_;
  double last_ = 0;
};

}  // namespace

Analysis Analyze(std::string_view utf8, const Options& options) {
  return AnalyzeTimed(utf8, options, nullptr);
}

namespace {

// The pipeline; when `release` is not null it holds the bytes of `utf8` and
// is freed once they are decoded.
Analysis Run(std::string_view utf8, const Options& options, std::vector<StageTime>* times,
             SecondsClock seconds, std::string* release) {
  StageClock clock(times, seconds);
  Analysis a;
  a.options = options;
  // Spans are 32-bit: nothing over 1 GiB, whatever the options say.
  const size_t limit = std::min<size_t>(options.max_input_bytes, size_t{1} << 30);
  if (utf8.size() > limit) {
    a.error = "input is " + std::to_string(utf8.size()) + " bytes, over the limit of " +
              std::to_string(limit) + " bytes";
    return a;
  }
  size_t replaced = 0;
  if (release && release->capacity() - release->size() <= release->size() / 8 &&
      utf8.substr(0, 3) != "\xEF\xBB\xBF" && ValidUtf8Prefix(utf8) == utf8.size()) {
    // Decoding would copy it unchanged: the text is the caller's buffer
    // (unless it has much unused room, held to the end), so the input and
    // its copy are never both held (in wasm, whose memory never shrinks, the
    // copy was 1x the input on top of the heap).
    a.text = std::move(*release);
    std::string().swap(*release);
    utf8 = {};
  } else {
    a.text = DecodeUtf8(utf8, &replaced);
    if (release) {
      std::string().swap(*release);
      utf8 = {};
    }
  }
  if (replaced > 0) {
    a.warnings.push_back(
        {"invalid-utf8", "the input is not valid UTF-8: " + std::to_string(replaced) +
                             " invalid byte sequence(s) were replaced by U+FFFD"});
  }
  if (a.text.find('\0') != std::string::npos) {
    a.warnings.push_back({"nul-bytes", "the input contains NUL characters"});
  }
  a.index = OffsetIndex(a.text);
  clock.Lap("decode");
  Document doc = BuildDocument(a.text);

  a.stats.chars =
      a.index.Convert(a.text, static_cast<uint32_t>(a.text.size()), OffsetUnit::kCodepoint);
  a.stats.paragraphs = doc.paragraphs.size();
  a.stats.sentences = doc.sentences.size();
  a.stats.words = doc.word_tokens;
  clock.Lap("document");

  // Each stage's result is trimmed to its size as it is kept: the vectors
  // grew by doubling, and the result is held through every later stage
  // (up to 1x the input of unused room on a long text).
  a.entities = FindEntities(doc, &a.warnings);
  for (Entity& e : a.entities) e.mentions.shrink_to_fit();
  a.entities.shrink_to_fit();
  clock.Lap("entities");
  // The mentions by start, sorted once by the quotes stage for the claims
  // stage too.
  std::vector<MentionSpan> mentions;
  a.quotes = FindQuotes(doc, a.entities, &a.warnings, &mentions);
  a.quotes.shrink_to_fit();
  clock.Lap("quotes");
  // (FindClaims returns its claims trimmed, within a few KB.)
  a.claims = FindClaims(doc, a.entities, a.quotes, &mentions);
  std::vector<MentionSpan>().swap(mentions);
  clock.Lap("claims");
  a.checks = RunChecks(doc, a.entities, a.claims);
  clock.Lap("checks");
  return a;
}

}  // namespace

Analysis AnalyzeTimed(std::string_view utf8, const Options& options, std::vector<StageTime>* times,
                      SecondsClock seconds) {
  return Run(utf8, options, times, seconds, nullptr);
}

Analysis AnalyzeOwned(std::string* utf8, const Options& options, std::vector<StageTime>* times,
                      SecondsClock clock) {
  return Run(*utf8, options, times, clock, utf8);
}

}  // namespace lede
