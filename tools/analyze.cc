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
#include "jsonl.h"
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

// The line's output, {"id":ID,<analysis>} or {"id":ID,"error":"..."}, into
// *out. ReadSimpleLine reads the id and text of a line of plain members; any
// other line (an error among them) is parsed by nlohmann, whose messages the
// errors give.
void AnalyzeLine(const std::string& line, const Options& options, std::string* out) {
  // (A text buffer kept from line to line was tried: the heap it leaves made
  // the analysis' own mallocs dearer, +0.16 M instructions on p35.)
  std::string error, id_json, text;
  if (!ReadSimpleLine(line, &id_json, &text)) {
    nlohmann::json id = nullptr;
    text.clear();
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
    id_json = id.dump();
  }
  out->assign("{\"id\":");
  out->append(id_json);
  if (error.empty()) {
    Options o = options;
    o.pretty = false;
    Analysis a = Analyze(text, o);
    if (a.error.empty()) {
      // {"id":ID then the analysis' {"schema":...}, its brace made the comma.
      const size_t brace = out->size();
      ToJsonAppend(a, out);
      (*out)[brace] = ',';
      return;
    }
    error = a.error;
  }
  out->append(",\"error\":");
  out->append(ErrorJson(error));
  out->push_back('}');
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
  const size_t kKeep = 1 << 20;
  std::vector<Job> jobs(kBatch);  // their strings' room is kept from batch to batch
  LineReader lines(f);
  std::string_view line;
  bool more = true;
  while (more) {
    size_t count = 0;
    while (count < kBatch && (more = lines.Next(&line))) {
      if (line.find_first_not_of(" \t") == std::string_view::npos)
        continue;  // blank lines carry nothing
      jobs[count++].line.assign(line.data(), line.size());
    }
    unsigned n = std::min<unsigned>(threads, static_cast<unsigned>(count));
    if (n <= 1) {
      for (size_t i = 0; i < count; ++i) AnalyzeLine(jobs[i].line, options, &jobs[i].out);
    } else {
      std::vector<std::thread> pool;
      for (unsigned t = 0; t < n; ++t) {
        pool.emplace_back([&, t] {
          for (size_t i = t; i < count; i += n) AnalyzeLine(jobs[i].line, options, &jobs[i].out);
        });
      }
      for (std::thread& th : pool) th.join();
    }
    for (size_t i = 0; i < count; ++i) {
      std::string& out = jobs[i].out;
      out.push_back('\n');
      std::fwrite(out.data(), 1, out.size(), stdout);
      // The room of a long line is not held to the end.
      if (out.capacity() > kKeep) std::string().swap(out);
      if (jobs[i].line.capacity() > kKeep) std::string().swap(jobs[i].line);
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
