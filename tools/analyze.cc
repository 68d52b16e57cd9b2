// `lede analyze`: one text in, schema-1 JSON out; or JSONL in and out.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>  // mallopt
#endif

#include "analyze_internal.h"
#include "commands.h"
#include "lede/lede.h"

namespace lede {
namespace {

const char kHelp[] =
    "usage: lede analyze [options] [FILE|-]\n"
    "\n"
    "Analyses FILE (or standard input) and prints schema-1 JSON.\n"
    "\n"
    "  --offsets U      span unit: utf16 (default, as JS strings index), utf8, codepoint\n"
    "  --pretty         indent the JSON\n"
    "  --max-bytes N    refuse inputs (or JSONL texts) over N bytes; default 67108864 (64 MiB)\n"
    "  --jsonl          input lines {\"id\": ..., \"text\": \"...\"}; output one line each,\n"
    "                   {\"id\": ..., <analysis>} or {\"id\": ..., \"error\": \"...\"}, in input "
    "order\n"
    "  --threads N      with --jsonl: analyse N lines at once (default: all cores)\n"
    "\n"
    "Exit codes: 0 done, 1 the input could not be read or was refused, 2 usage error.\n";

struct Job {
  std::string line;
  std::string out;
};

// nlohmann's messages quote the bytes it read last, which may be invalid
// UTF-8: those are written as U+FFFD (dump() threw on them, which ended the
// process).
std::string ErrorJson(const std::string& error) {
  return nlohmann::json(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string AnalyzeLine(const std::string& line, const Options& options) {
  nlohmann::json id = nullptr;
  std::string error;
  std::string text;
  try {
    nlohmann::json j = nlohmann::json::parse(line);
    if (!j.is_object()) {
      error = "line is not a JSON object";
    } else {
      if (j.contains("id")) id = j["id"];
      if (!j.contains("text") || !j["text"].is_string()) {
        error = "line has no string field \"text\"";
      } else {
        text = j["text"].get<std::string>();
      }
    }
  } catch (const std::exception& e) {
    error = std::string("invalid JSON: ") + e.what();
  }
  std::string prefix = "{\"id\":" + id.dump() + ",";
  if (error.empty()) {
    Options o = options;
    o.pretty = false;
    Analysis a = Analyze(text, o);
    if (a.error.empty()) return prefix + ToJson(a).substr(1);
    error = a.error;
  }
  return prefix + "\"error\":" + ErrorJson(error) + "}";
}

int RunJsonl(const std::string& path, const Options& options, unsigned threads) {
  FILE* f = stdin;
  if (path != "-") {
    std::string probe_error, ignored;
    f = std::fopen(path.c_str(), "rb");
    if (!f) {
      std::fprintf(stderr, "lede analyze: %s: %s\n", path.c_str(), std::strerror(errno));
      return 1;
    }
  }
  const size_t kBatch = 64 * std::max(1u, threads);
  std::vector<Job> jobs;
  std::string line;
  bool eof = false;
  int c;
  while (!eof) {
    jobs.clear();
    while (jobs.size() < kBatch) {
      line.clear();
      bool got = false;
      while ((c = std::fgetc(f)) != EOF) {
        got = true;
        if (c == '\n') break;
        line.push_back(static_cast<char>(c));
      }
      if (c == EOF) eof = true;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!got) break;
      if (line.find_first_not_of(" \t") == std::string::npos) {
        if (eof) break;
        continue;  // blank lines carry nothing
      }
      jobs.push_back({line, {}});
      if (eof) break;
    }
    unsigned n = std::min<unsigned>(threads, static_cast<unsigned>(jobs.size()));
    if (n <= 1) {
      for (Job& j : jobs) j.out = AnalyzeLine(j.line, options);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < n; ++t) {
        pool.emplace_back([&, t] {
          for (size_t i = t; i < jobs.size(); i += n)
            jobs[i].out = AnalyzeLine(jobs[i].line, options);
        });
      }
      for (std::thread& th : pool) th.join();
    }
    for (const Job& j : jobs) {
      std::fwrite(j.out.data(), 1, j.out.size(), stdout);
      std::fputc('\n', stdout);
    }
  }
  if (f != stdin) std::fclose(f);
  return 0;
}

}  // namespace

int AnalyzeCommand(const Args& args) {
  Options options;
  bool jsonl = false;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::string path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "lede analyze: %s needs a value\n", flag);
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--pretty") {
      options.pretty = true;
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a == "--offsets") {
      const std::string* v = value("--offsets");
      if (!v) return 2;
      if (!ParseOffsetUnit(*v, &options.offsets)) {
        std::fprintf(stderr, "lede analyze: --offsets takes utf16, utf8 or codepoint, not '%s'\n",
                     v->c_str());
        return 2;
      }
    } else if (a == "--max-bytes" || a == "--threads") {
      const std::string* v = value(a.c_str());
      if (!v) return 2;
      char* end = nullptr;
      unsigned long long n = std::strtoull(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || n == 0) {
        std::fprintf(stderr, "lede analyze: %s takes a positive whole number, not '%s'\n",
                     a.c_str(), v->c_str());
        return 2;
      }
      if (a == "--threads") {
        threads = static_cast<unsigned>(std::min<unsigned long long>(n, 256));
      } else {
        options.max_input_bytes = static_cast<size_t>(std::min<unsigned long long>(n, 1ull << 30));
      }
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "lede analyze: unknown option '%s'\n%s", a.c_str(), kHelp);
      return 2;
    } else if (!path.empty()) {
      std::fprintf(stderr, "lede analyze: one input at a time ('%s' and '%s')\n", path.c_str(),
                   a.c_str());
      return 2;
    } else {
      path = a;
    }
  }
  if (path.empty()) path = "-";
  if (jsonl) return RunJsonl(path, options, threads);

    // Peak memory (docs/performance.md): glibc raises its mmap threshold to the
    // largest block freed so far (up to 32 MB), after which the stages' per-token
    // tables come from the heap and the room they free stays resident: on 5 MB
    // of news, 4 MB (0.8x the input) over what the analysis holds at its peak. A
    // fixed threshold gives a freed block of 128 KB or more back to the system.
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
  std::string input, error;
  if (!ReadInput(path, options.max_input_bytes, &input, &error)) {
    std::fprintf(stderr, "lede analyze: %s\n", error.c_str());
    return 1;
  }
  // The input is freed once decoded and the JSON streamed out, so neither
  // is held beside the analysis (peak memory, docs/performance.md).
  Analysis analysis = AnalyzeOwned(&input, options);
  if (!analysis.error.empty()) {
    std::fprintf(stderr, "lede analyze: %s\n", analysis.error.c_str());
    return 1;
  }
  WriteJson(
      analysis,
      [](void*, std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); },
      nullptr);
  if (!options.pretty) std::fputc('\n', stdout);
  return 0;
}

}  // namespace lede
