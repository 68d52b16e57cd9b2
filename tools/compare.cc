// `lede compare A B`: what two articles share and where they differ
// (lede::Compare, JSON documented in docs/compare.md).
#include "lede/compare.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "analyze_internal.h"
#include "commands.h"
#include "lede/lede.h"

namespace lede {
namespace {

const char kCompareUsage[] =
    "usage: lede compare [--pretty] [--offsets utf16|utf8|codepoint] [--max-bytes N] A B\n"
    "  Analyzes articles A and B (files, or - for standard input once) and prints the\n"
    "  entities, claims and quotes both carry, figures that differ, and what each has alone.\n";

}  // namespace

int CompareCommand(const Args& args) {
  Options options;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help") {
      std::fputs(kCompareUsage, stdout);
      return 0;
    } else if (a == "--pretty") {
      options.pretty = true;
    } else if (a == "--offsets" && i + 1 < args.size()) {
      const std::string& u = args[++i];
      if (u == "utf16") {
        options.offsets = OffsetUnit::kUtf16;
      } else if (u == "utf8") {
        options.offsets = OffsetUnit::kUtf8;
      } else if (u == "codepoint") {
        options.offsets = OffsetUnit::kCodepoint;
      } else {
        std::fprintf(stderr, "lede compare: unknown offset unit '%s'\n%s", u.c_str(),
                     kCompareUsage);
        return 2;
      }
    } else if (a == "--max-bytes" && i + 1 < args.size()) {
      options.max_input_bytes = std::strtoull(args[++i].c_str(), nullptr, 10);
    } else if (a == "-" || a.empty() || a[0] != '-') {
      files.push_back(a);
    } else {
      std::fprintf(stderr, "lede compare: unknown option '%s'\n%s", a.c_str(), kCompareUsage);
      return 2;
    }
  }
  if (files.size() != 2) {
    std::fputs(kCompareUsage, stderr);
    return 2;
  }
  std::string text[2], error;
  for (int k = 0; k < 2; ++k) {
    if (!ReadInput(files[k], options.max_input_bytes, &text[k], &error)) {
      std::fprintf(stderr, "lede compare: %s\n", error.c_str());
      return 1;
    }
  }
  // Each input is freed once decoded, and the JSON is streamed out, so no
  // input or JSON is held beside the two analyses.
  Analysis a = AnalyzeOwned(&text[0], options);
  Analysis b = AnalyzeOwned(&text[1], options);
  for (const Analysis* an : {&a, &b}) {
    if (!an->error.empty()) {
      std::fprintf(stderr, "lede compare: %s\n", an->error.c_str());
      return 1;
    }
  }
  WriteCompareJson(
      Compare(a, b), a, b, options.pretty,
      [](void*, std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); },
      nullptr);
  if (!options.pretty) std::fputc('\n', stdout);
  return 0;
}

}  // namespace lede
