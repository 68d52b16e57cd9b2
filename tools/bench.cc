// `lede bench`: whole-analysis speed on a corpus of real articles, one thread.
// Reports MB/s, articles/s, per-article latency (p50/p99), peak RSS and the
// time of every stage, and optionally whether cost grows linearly with size.
// A benchmark, not a test: figures go to docs/performance.md.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyze_internal.h"
#include "commands.h"
#include "lede/lede.h"

namespace lede {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char kHelp[] =
    "usage: lede bench [options] [PATH...]\n"
    "\n"
    "Times Analyze + ToJson (one thread) over a corpus of articles. PATH may be a .txt\n"
    "file, a directory of .txt files (or of NAME/input.txt fixtures) or a .jsonl file with\n"
    "a \"text\" field per line (deduplicated by \"doc\"). Without PATH the corpus is\n"
    "SHARED/articles/*.txt + SHARED/data/quotes/polnear-*.jsonl, or tests/golden when\n"
    "those are missing.\n"
    "\n"
    "  --shared DIR       the shared folder (default $LEDE_SHARED_DIR, else ../shared)\n"
    "  --fixtures DIR     fallback corpus (default tests/golden)\n"
    "  --max-mb M         use at most M MB of the corpus (default 16)\n"
    "  --min-seconds S    repeat passes until S CPU seconds are spent (default 3)\n"
    "  --linearity        also time one text of ~200 KB and one 10x as long (5 runs each)\n"
    "  --json             print the figures as one JSON object instead of a table\n";

struct Article {
  std::string name;
  std::string text;
};

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void AddJsonl(const fs::path& p, std::vector<Article>* out) {
  std::ifstream in(p, std::ios::binary);
  std::string line;
  std::set<std::string> seen;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
    std::string key = j.contains("doc") && j["doc"].is_string() ? j["doc"].get<std::string>()
                                                                : std::to_string(seen.size());
    if (!seen.insert(key).second) continue;  // the same document from another annotator
    out->push_back({p.filename().string() + ":" + key, j["text"].get<std::string>()});
  }
}

void AddPath(const fs::path& p, std::vector<Article>* out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(p, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
      if (e.is_directory() && fs::exists(e.path() / "input.txt"))
        files.push_back(e.path() / "input.txt");
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) out->push_back({f.string(), ReadFile(f)});
  } else if (p.extension() == ".jsonl") {
    AddJsonl(p, out);
  } else if (fs::is_regular_file(p, ec)) {
    out->push_back({p.string(), ReadFile(p)});
  }
}

// This thread's CPU time: what the analysis costs, whatever else the machine
// is doing (wall time on a shared machine includes waiting for a core).
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(q * (v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // Linux: kilobytes
}

// CPU seconds for one Analyze + ToJson of `text` (best of `runs`).
double BestTime(const std::string& text, int runs) {
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    double t0 = CpuSeconds();
    Analysis a = Analyze(text);
    std::string json = ToJson(a);
    best = std::min(best, CpuSeconds() - t0);
  }
  return best;
}

}  // namespace

int BenchCommand(const Args& args) {
  std::vector<std::string> paths;
  std::string shared;
  if (const char* env = std::getenv("LEDE_SHARED_DIR")) shared = env;
  if (shared.empty()) shared = "../shared";
  std::string fixtures = "tests/golden";
  double max_mb = 16, min_seconds = 3;
  bool linearity = false, json_out = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto need = [&]() -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "lede bench: %s needs a value\n", a.c_str());
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--linearity") {
      linearity = true;
    } else if (a == "--json") {
      json_out = true;
    } else if (a == "--shared" || a == "--fixtures") {
      const std::string* v = need();
      if (!v) return 2;
      (a == "--shared" ? shared : fixtures) = *v;
    } else if (a == "--max-mb" || a == "--min-seconds") {
      const std::string* v = need();
      if (!v) return 2;
      char* end = nullptr;
      double d = std::strtod(v->c_str(), &end);
      if (v->empty() || *end || !(d >= 0)) {
        std::fprintf(stderr, "lede bench: %s takes a number, not '%s'\n", a.c_str(), v->c_str());
        return 2;
      }
      (a == "--max-mb" ? max_mb : min_seconds) = d;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "lede bench: unknown option '%s'\n%s", a.c_str(), kHelp);
      return 2;
    } else {
      paths.push_back(a);
    }
  }

  std::vector<Article> corpus;
  std::string source;
  if (!paths.empty()) {
    for (const std::string& p : paths) AddPath(p, &corpus);
    source = "given paths";
  } else {
    AddPath(fs::path(shared) / "articles", &corpus);
    std::error_code ec;
    std::vector<fs::path> jsonl;
    for (const char* f : {"polnear-dev.jsonl", "polnear-train.jsonl"}) {
      fs::path p = fs::path(shared) / "data" / "quotes" / f;
      if (fs::exists(p, ec)) AddJsonl(p, &corpus);
    }
    source = shared + "/articles + polnear";
    if (corpus.empty()) {
      AddPath(fixtures, &corpus);
      source = fixtures + " (shared corpus not found)";
    }
  }
  size_t bytes = 0;
  std::vector<Article> kept;
  for (Article& a : corpus) {
    if (a.text.empty()) continue;
    if (bytes + a.text.size() > max_mb * 1e6 && !kept.empty()) break;
    bytes += a.text.size();
    kept.push_back(std::move(a));
  }
  corpus.swap(kept);
  if (corpus.empty()) {
    std::fprintf(stderr, "lede bench: no articles found (%s)\n", source.c_str());
    return 1;
  }

  // Warm-up pass (first-use initialisation, caches), not counted.
  for (const Article& a : corpus) ToJson(Analyze(a.text));

  std::vector<double> latency;     // seconds per article, every pass
  std::vector<double> latency_5k;  // articles of 4-6 KB
  std::vector<std::string> order;  // stage names in pipeline order
  std::map<std::string, double> stage;
  double total = 0, slowest = 0;
  size_t slowest_index = 0;
  int passes = 0;
  auto start = Clock::now();
  std::vector<StageTime> times;
  do {
    for (size_t k = 0; k < corpus.size(); ++k) {
      const Article& art = corpus[k];
      times.clear();
      double t0 = CpuSeconds();
      Analysis a = AnalyzeTimed(art.text, Options(), &times, CpuSeconds);
      double t1 = CpuSeconds();
      std::string json = ToJson(a);
      double t2 = CpuSeconds();
      double s = t2 - t0;
      latency.push_back(s);
      if (s > slowest) {
        slowest = s;
        slowest_index = k;
      }
      if (art.text.size() >= 4000 && art.text.size() <= 6000) latency_5k.push_back(s);
      total += s;
      for (const StageTime& st : times) {
        if (!stage.count(st.stage)) order.push_back(st.stage);
        stage[st.stage] += st.seconds;
      }
      if (!stage.count("json")) order.push_back("json");
      stage["json"] += t2 - t1;
    }
    ++passes;
  } while (total < min_seconds);

  const double wall = std::chrono::duration<double>(Clock::now() - start).count();
  const double mb = bytes / 1e6 * passes;
  nlohmann::json out = {
      {"corpus", source},
      {"articles", corpus.size()},
      {"bytes", bytes},
      {"passes", passes},
      {"cpu_seconds", total},
      {"wall_seconds", wall},
      {"mb_per_s", mb / total},
      {"articles_per_s", corpus.size() * passes / total},
      {"latency_ms",
       {{"p50", Percentile(latency, 0.5) * 1e3},
        {"p99", Percentile(latency, 0.99) * 1e3},
        {"max", Percentile(latency, 1.0) * 1e3}}},
      {"latency_5kb_ms",
       {{"n", latency_5k.size() / std::max(1, passes)},
        {"p50", Percentile(latency_5k, 0.5) * 1e3},
        {"p99", Percentile(latency_5k, 0.99) * 1e3}}},
      {"peak_rss_mb", PeakRssMb()},
      {"slowest",
       {{"article", corpus[slowest_index].name},
        {"bytes", corpus[slowest_index].text.size()},
        {"ms", slowest * 1e3}}},
  };
  nlohmann::json stages = nlohmann::json::array();
  for (const std::string& name : order) {
    double s = stage[name];
    stages.push_back({{"stage", name},
                      {"seconds", s},
                      {"share", s / total},
                      {"mb_per_s", s > 0 ? mb / s : 0.0}});
  }
  out["stages"] = stages;

  if (linearity) {
    // One long text made of the corpus articles in turn (~200 KB), and 10x it.
    std::string small;
    for (size_t i = 0; small.size() < 200000; i = (i + 1) % corpus.size())
      small += corpus[i].text + "\n\n";
    std::string big;
    for (int k = 0; k < 10; ++k) big += small;
    double ts = BestTime(small, 5), tb = BestTime(big, 5);
    out["linearity"] = {
        {"small_bytes", small.size()}, {"small_ms", ts * 1e3}, {"big_bytes", big.size()},
        {"big_ms", tb * 1e3},          {"ratio", tb / ts},     {"ok", tb / ts <= 11.0}};
    out["peak_rss_mb"] = PeakRssMb();
  }

  if (json_out) {
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
  }
  std::printf("lede bench: %zu articles, %.2f MB from %s; %d pass(es)\n", corpus.size(),
              bytes / 1e6, source.c_str(), passes);
  std::printf(
      "whole analysis (Analyze + ToJson), one thread, thread CPU time %.2f s (wall %.2f s):\n",
      total, wall);
  std::printf("  throughput   %8.2f MB/s   %8.0f articles/s\n", out["mb_per_s"].get<double>(),
              out["articles_per_s"].get<double>());
  std::printf("  latency      p50 %.3f ms   p99 %.3f ms   max %.3f ms\n",
              out["latency_ms"]["p50"].get<double>(), out["latency_ms"]["p99"].get<double>(),
              out["latency_ms"]["max"].get<double>());
  if (!latency_5k.empty())
    std::printf("  4-6 KB       p50 %.3f ms   p99 %.3f ms   (%zu articles)\n",
                out["latency_5kb_ms"]["p50"].get<double>(),
                out["latency_5kb_ms"]["p99"].get<double>(),
                out["latency_5kb_ms"]["n"].get<size_t>());
  std::printf("  slowest      %.3f ms: %s (%zu bytes)\n", slowest * 1e3,
              corpus[slowest_index].name.c_str(), corpus[slowest_index].text.size());
  std::printf("  peak RSS     %.1f MB (process, corpus included)\n", PeakRssMb());
  std::printf("per stage:        seconds   share      MB/s\n");
  for (const auto& s : stages)
    std::printf("  %-12s %10.4f  %5.1f%%  %8.1f\n", s["stage"].get<std::string>().c_str(),
                s["seconds"].get<double>(), 100 * s["share"].get<double>(),
                s["mb_per_s"].get<double>());
  if (linearity) {
    const auto& l = out["linearity"];
    std::printf(
        "linearity: %zu bytes %.2f ms, %zu bytes %.2f ms: %.2fx time for 10x input (%s, "
        "limit 11x)\n",
        l["small_bytes"].get<size_t>(), l["small_ms"].get<double>(), l["big_bytes"].get<size_t>(),
        l["big_ms"].get<double>(), l["ratio"].get<double>(), l["ok"].get<bool>() ? "ok" : "MISSED");
  }
  return 0;
}

}  // namespace lede
