// Peak heap memory of one analysis, counted by a global operator new/delete
// (this binary only), so the figure is the same on every run and machine:
// the bytes the core asks for, not what the allocator or the OS make of them.
// Issue #8 asks for a peak under 8x the input plus the fixed model; the model
// and lexicons are loaded once per process, before the count starts.
//
// The bounds below are not that target: they hold the figures reached so far
// (docs/performance.md) with some room, so that a change that brings back a
// per-document table of 30-50 bytes a token (as the Claims stage had, +9x)
// or the whole JSON beside a streamed one fails here. The text is the golden
// fixtures' articles repeated to 2 MiB: denser in names and quotes than news
// (its JSON is 8x the text; real news, 5x), so its figures run higher than
// news' (at the commit that added this test, 5 MB of real news: Analyze
// 13.1x, ToJson 11.8x; this text: 17.1x and 26.4x. After the 48-byte entity
// candidates, 12-byte mentions and the tagger's scores in blocks: news
// 11.8x and 10.7x; this text 14.6x (the quotes stage) and 24.7x. After
// 12-byte tokens, a byte a token for "inside a quote" and the quotes and
// claims' reasons grown once to their size: news 8.87x (the tagger, in the
// entities stage); this text 11.2x (the checks stage) and 24.6x, unchanged.
// After claims' reasons as enums, 104-byte quotes, a 2-byte word id a token
// in quotes and the tagger's history over its own tags (2026-11-30 (3)):
// news 7.42x (entities); this text 8.14x (quotes) and 21.5x). After the
// tagger's 12-byte word cache, DocContext's bytes per word and sentence and
// the quotes reserved once (2026-11-30 (5)): 1 MB of news 7.74x, 5 MB 7.19x
// (entities); this text 7.86x (quotes).
//
// LEDE_MEMORY_VERBOSE=1 prints the peak of every stage (and of ToJson).
#include <gtest/gtest.h>
#include <malloc.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "analyze_internal.h"
#include "lede/lede.h"

namespace {

std::atomic<size_t> g_live{0};
std::atomic<size_t> g_peak{0};

void Count(void* p) {
  if (!p) return;
  size_t live = g_live.fetch_add(malloc_usable_size(p)) + malloc_usable_size(p);
  size_t peak = g_peak.load();
  while (live > peak && !g_peak.compare_exchange_weak(peak, live)) {
  }
}

void Uncount(void* p) {
  if (p) g_live.fetch_sub(malloc_usable_size(p));
}

}  // namespace

void* operator new(size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  Count(p);
  return p;
}
void* operator new[](size_t n) { return operator new(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  void* p = std::malloc(n ? n : 1);
  Count(p);
  return p;
}
void* operator new[](size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept {
  Uncount(p);
  std::free(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, size_t) noexcept { operator delete(p); }
void operator delete[](void* p, size_t) noexcept { operator delete(p); }

namespace lede {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// News text of at least `bytes` bytes: the golden fixtures' articles, repeated.
std::string NewsText(size_t bytes) {
  if (const char* path = std::getenv("LEDE_MEMORY_INPUT")) return ReadFile(path);
  std::string unit;
  for (const char* name : {"kharkiv-dateline", "officials-anonymous"}) {
    unit += ReadFile(std::string(LEDE_SOURCE_DIR) + "/tests/golden/" + name + "/input.txt");
    unit += "\n\n";
  }
  std::string text;
  while (text.size() < bytes) text += unit;
  return text;
}

std::vector<std::pair<const char*, size_t>>* g_stages = nullptr;

// The stage clock of AnalyzeTimed, used as a probe: at every stage's end it
// records the peak since the previous one.
double StageProbe() {
  if (g_stages) g_stages->push_back({"", g_peak.load()});
  g_peak.store(g_live.load());
  return 0;
}

struct Peak {
  size_t analyze = 0;  // over the live bytes before Analyze, the input included
  size_t json = 0;     // ToJson, with the Analysis alive
};

Peak Measure(const std::string& text, bool verbose) {
  Options options;
  {
    Analysis warm = Analyze("Warm up: the model and the lexicons load once, said Ann Lee.");
    std::string j = ToJson(warm);
  }
  std::vector<StageTime> times;
  times.reserve(16);
  std::vector<std::pair<const char*, size_t>> stages;
  stages.reserve(16);
  size_t base = g_live.load();
  g_peak.store(base);
  g_stages = &stages;
  Peak peak;
  {
    Analysis a = AnalyzeTimed(text, options, &times, StageProbe);
    g_stages = nullptr;
    for (size_t i = 0; i < stages.size(); ++i) {
      size_t p = stages[i].second - base;
      if (p > peak.analyze) peak.analyze = p;
    }
    size_t before_json = g_live.load();
    g_peak.store(before_json);
    std::string json = ToJson(a);
    peak.json = g_peak.load() - base;
    if (verbose) {
      std::printf("input %zu bytes, json %zu bytes\n", text.size(), json.size());
      for (size_t i = 1; i < stages.size() && i - 1 < times.size(); ++i) {
        std::printf("  %-9s peak %6.2fx input\n", times[i - 1].stage,
                    double(stages[i].second - base) / text.size());
      }
      std::printf("  %-9s peak %6.2fx input (live after analysis %.2fx)\n", "json",
                  double(peak.json) / text.size(), double(before_json - base) / text.size());
    }
  }
  return peak;
}

bool Verbose() {
  const char* v = std::getenv("LEDE_MEMORY_VERBOSE");
  return v && *v && std::string(v) != "0";
}

// Peak bytes over the input's size: Analyze (the input is held by the caller
// and not counted), and ToJson with the Analysis alive (the returned string
// included).
constexpr double kAnalyzeBound = 8.25;
constexpr double kJsonBound = 23;

void Check(const std::string& text) {
  Peak p = Measure(text, Verbose());
  EXPECT_LE(p.analyze, kAnalyzeBound * text.size())
      << "Analyze peaked at " << double(p.analyze) / text.size() << "x the input";
  EXPECT_LE(p.json, kJsonBound * text.size())
      << "ToJson peaked at " << double(p.json) / text.size() << "x the input";
}

TEST(PeakMemoryTest, Paragraphs) { Check(NewsText(2 << 20)); }

// A text without line breaks is one paragraph: no stage may hold work
// buffers for a whole paragraph at once.
TEST(PeakMemoryTest, OneLine) {
  std::string text = NewsText(2 << 20);
  for (char& c : text) {
    if (c == '\n') c = ' ';
  }
  Check(text);
}

}  // namespace
}  // namespace lede
