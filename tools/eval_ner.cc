// `lede eval ner`: exact-span precision/recall/F1 of lede's names against
// CoNLL-style JSONL ({"text", "spans": [{"start", "end", "label"}]}, code point
// offsets). lede types map to PER (PERSON), ORG (ORG), LOC (GPE, LOC, FAC);
// other types and gold MISC are not scored.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "commands.h"
#include "entities/ner_model.h"
#include "lede/lede.h"
#include "text/document.h"

namespace lede {
namespace {

const char kHelp[] =
    "usage: lede eval ner [--errors] [--model MODEL.bin] FILE.jsonl\n"
    "\n"
    "Runs Analyze on each line's text and scores PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC\n"
    "mentions against the gold spans (exact span and type; gold MISC ignored).\n"
    "Prints per-type and micro precision/recall/F1, counts, and throughput.\n"
    "  --errors          also print every missed and spurious mention\n"
    "  --tagger          score the tagger's own spans (PER/ORG/LOC, before lede's trimming,\n"
    "                    typing and clustering), to tell tagger errors from rule errors\n"
    "  --model FILE      use this tagger model (from `lede train ner`) instead of the\n"
    "                    compiled-in one (cross-validation: scripts/ner_cv.sh)\n";

const char* const kScored[] = {"PER", "ORG", "LOC"};

int ScoredIndex(const std::string& label) {
  for (int i = 0; i < 3; ++i) {
    if (label == kScored[i]) return i;
  }
  return -1;
}

int LedeTypeIndex(const std::string& type) {
  if (type == "PERSON") return 0;
  if (type == "ORG") return 1;
  if (type == "GPE" || type == "LOC" || type == "FAC") return 2;
  return -1;
}

// Substring of `text` by code point offsets.
std::string Slice(const std::string& text, uint32_t start, uint32_t end) {
  size_t b = 0, cp = 0;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) ++cp;
    if (cp > start && cp <= end) out.push_back(text[i]);
    (void)b;
  }
  return out;
}

}  // namespace

int EvalNerCommand(const Args& args) {
  bool errors = false, tagger = false;
  std::string path, model_path;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--errors") {
      errors = true;
    } else if (a == "--tagger") {
      tagger = true;
    } else if (a == "--model" && i + 1 < args.size()) {
      model_path = args[++i];
    } else if (path.empty()) {
      path = a;
    } else {
      std::fputs(kHelp, stderr);
      return 2;
    }
  }
  if (path.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  if (!model_path.empty()) {
    std::ifstream m(model_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(m)), std::istreambuf_iterator<char>());
    if (!m.good() && !m.eof()) bytes.clear();
    if (!ner::Model::ReplaceDefault(bytes)) {
      std::fprintf(stderr, "lede eval ner: %s is not a tagger model\n", model_path.c_str());
      return 1;
    }
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "lede eval ner: cannot read %s\n", path.c_str());
    return 1;
  }
  Options options;
  options.offsets = OffsetUnit::kCodepoint;
  size_t tp[3] = {0, 0, 0}, npred[3] = {0, 0, 0}, ngold[3] = {0, 0, 0};
  size_t docs = 0, bytes = 0;
  double seconds = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "lede eval ner: %s: invalid JSON line: %s\n", path.c_str(), e.what());
      return 1;
    }
    std::string text = j.value("text", "");
    using Key = std::tuple<uint32_t, uint32_t, int>;
    std::set<Key> gold, pred;
    // Code point offsets for Analyze (its options say so), bytes for the tagger.
    const char* start = tagger ? "start_b" : "start";
    const char* end = tagger ? "end_b" : "end";
    for (const auto& s : j["spans"]) {
      int t = ScoredIndex(s.value("label", ""));
      if (t >= 0) gold.emplace(s[start].get<uint32_t>(), s[end].get<uint32_t>(), t);
    }
    auto t0 = std::chrono::steady_clock::now();
    if (tagger) {
      Document doc = BuildDocument(text);
      for (const ner::NameSpan& n : ner::Model::Default().Tag(doc)) {
        if (n.type != ner::kMisc) {
          pred.emplace(doc.tokens[n.begin].span.start, doc.tokens[n.end - 1].span.end, n.type);
        }
      }
    } else {
      Analysis a = Analyze(text, options);
      for (const Entity& e : a.entities) {
        int t = LedeTypeIndex(e.type);
        if (t < 0) continue;
        for (const Mention& m : e.mentions) {
          pred.emplace(a.Convert(m.span.start), a.Convert(m.span.end), t);
        }
      }
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += text.size();
    ++docs;
    auto slice = [&](const Key& k) {
      return tagger ? text.substr(std::get<0>(k), std::get<1>(k) - std::get<0>(k))
                    : Slice(text, std::get<0>(k), std::get<1>(k));
    };
    for (const Key& k : gold) {
      ++ngold[std::get<2>(k)];
      if (pred.count(k)) {
        ++tp[std::get<2>(k)];
      } else if (errors) {
        std::printf("MISS %s\t%s\t%s\n", kScored[std::get<2>(k)], slice(k).c_str(),
                    j.value("id", std::string()).c_str());
      }
    }
    for (const Key& k : pred) {
      ++npred[std::get<2>(k)];
      if (errors && !gold.count(k)) {
        std::printf("FALSE %s\t%s\t%s\n", kScored[std::get<2>(k)], slice(k).c_str(),
                    j.value("id", std::string()).c_str());
      }
    }
  }
  auto prf = [](size_t t, size_t p, size_t g, const char* name) {
    double pr = p ? static_cast<double>(t) / p : 0, rc = g ? static_cast<double>(t) / g : 0;
    double f = pr + rc > 0 ? 2 * pr * rc / (pr + rc) : 0;
    std::printf("%-6s P %.4f  R %.4f  F1 %.4f   (gold %zu, predicted %zu, correct %zu)\n", name, pr,
                rc, f, g, p, t);
  };
  std::printf("%s: %zu documents, %zu bytes\n", path.c_str(), docs, bytes);
  size_t T = 0, P = 0, G = 0;
  for (int i = 0; i < 3; ++i) {
    prf(tp[i], npred[i], ngold[i], kScored[i]);
    T += tp[i];
    P += npred[i];
    G += ngold[i];
  }
  prf(T, P, G, "micro");
  std::printf("throughput: %.2f MB/s (Analyze, %.3f s)\n",
              seconds > 0 ? bytes / seconds / 1e6 : 0.0, seconds);
  return 0;
}

}  // namespace lede
