// `lede eval quotes FILE.jsonl`: scores quote attribution on PolNeAR-format
// data (see ../shared/data/README.md).
//
// Every line is scored as given: a document annotated twice (two
// annotators) counts twice. A predicted quote matches a gold content span
// when they overlap by at least 30% of the gold span (fragments summed).
//   direct: gold attributions marked direct (the content opens with a mark)
//           against predicted direct quotes whose content opens with a mark
//           too (the same definition on both sides: a transcript line
//           "WALLACE: ..." is a direct quote to a reader, but its content
//           starts after the name, so neither side counts it here);
//   direct(kind): the same gold against every quote of kind direct;
//   all:    every gold attribution against every predicted non-scare quote.
// (The data's direct flag misses content that opens with '', the New York
// Times' mark; "direct" counts it as direct, "direct*" is the flag as given.)
// Precision counts predicted quotes that match some gold span; recall counts
// gold spans some predicted quote matches. A stricter one-to-one score
// (each gold span and each prediction used once) is printed beside it.
// Speaker accuracy: over matched gold attributions that name a source, the
// prediction aligned with it (among the matching ones, one whose cue overlaps
// the gold cue, else the one overlapping most) has a speaker mention that
// overlaps the gold source, or a resolved name that shares a word with it.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "lede/lede.h"
#include "text/utf8.h"

namespace lede {
namespace {

struct Frag {
  uint32_t b, e;
};
using Frags = std::vector<Frag>;

uint32_t Len(const Frags& f) {
  uint32_t n = 0;
  for (const Frag& x : f) n += x.e > x.b ? x.e - x.b : 0;
  return n;
}
uint32_t Overlap(const Frags& g, Frag p) {
  uint32_t n = 0;
  for (const Frag& x : g) {
    uint32_t b = std::max(x.b, p.b), e = std::min(x.e, p.e);
    if (e > b) n += e - b;
  }
  return n;
}
uint32_t Overlap(const Frags& g, const Frags& p) {
  uint32_t n = 0;
  for (const Frag& x : p) n += Overlap(g, x);
  return n;
}

struct Score {
  long gold = 0, pred = 0, gold_hit = 0, pred_hit = 0, one_to_one = 0;
  void Print(const char* name) const {
    double p = pred ? double(pred_hit) / pred : 0, r = gold ? double(gold_hit) / gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    double p1 = pred ? double(one_to_one) / pred : 0, r1 = gold ? double(one_to_one) / gold : 0;
    double f1 = p1 + r1 > 0 ? 2 * p1 * r1 / (p1 + r1) : 0;
    std::printf(
        "%-8s gold %6ld  pred %6ld  P %.3f  R %.3f  F1 %.3f   (one-to-one P %.3f R %.3f "
        "F1 %.3f)\n",
        name, gold, pred, p, r, f, p1, r1, f1);
  }
};

// Whether the character just before byte `at` of `text` is a quote mark
// (the predicted content then opens with a mark, as gold direct content does).
bool OpensWithMark(const std::string& text, uint32_t at) {
  if (at == 0 || at > text.size()) return false;
  int len = 0;
  return IsQuoteMark(CodePointBefore(text, at, &len));
}

std::string LowerAscii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

bool SharesWord(const std::string& name, const std::string& source) {
  std::string n = LowerAscii(name), s = " " + LowerAscii(source) + " ";
  size_t i = 0;
  while (i < n.size()) {
    size_t j = n.find(' ', i);
    if (j == std::string::npos) j = n.size();
    std::string w = n.substr(i, j - i);
    if (w.size() >= 3 && s.find(w) != std::string::npos) return true;
    i = j + 1;
  }
  return false;
}

// One predicted attribution: the quotes that share a cue (a split quote,
// "Q1," he said, "Q2.") or run on from it without a new cue, as PolNeAR
// annotates them: one content span with several fragments.
struct Pred {
  Frags span;
  bool direct;       // kind direct and the content opens with a mark
  bool kind_direct;  // kind direct
  bool has_speaker;
  Frag speaker;
  Frag cue{0, 0};
  std::string name;
};

// Scores one set: gold content spans against predictions; returns for each
// gold span the best-overlapping matching prediction (or -1).
std::vector<int> Match(const std::vector<Frags>& gold, const std::vector<Pred>& pred,
                       const std::vector<int>& pred_ids, Score* s,
                       const std::vector<Frags>* gold_cues = nullptr) {
  std::vector<int> best(gold.size(), -1);
  std::vector<char> hit(pred_ids.size(), 0);
  struct Pair {
    double ov;
    size_t g, p;
  };
  std::vector<Pair> pairs;
  for (size_t g = 0; g < gold.size(); ++g) {
    uint32_t len = Len(gold[g]);
    if (len == 0) continue;
    uint32_t best_ov = 0;
    for (size_t k = 0; k < pred_ids.size(); ++k) {
      uint32_t ov = Overlap(gold[g], pred[pred_ids[k]].span);
      if (ov * 10 >= len * 3 && ov > 0) {
        hit[k] = 1;
        pairs.push_back({double(ov) / len, g, k});
        // Prefer the prediction of the same attribution (its cue overlaps).
        const Pred& p = pred[pred_ids[k]];
        bool same_cue =
            gold_cues != nullptr && p.cue.e > p.cue.b && Overlap((*gold_cues)[g], p.cue) > 0;
        uint32_t score = ov + (same_cue ? (1u << 30) : 0);
        if (score > best_ov) {
          best_ov = score;
          best[g] = pred_ids[k];
        }
      }
    }
  }
  s->gold += static_cast<long>(gold.size());
  s->pred += static_cast<long>(pred_ids.size());
  for (size_t g = 0; g < gold.size(); ++g) s->gold_hit += best[g] >= 0;
  for (char h : hit) s->pred_hit += h;
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.ov > b.ov; });
  std::vector<char> gu(gold.size(), 0), pu(pred_ids.size(), 0);
  for (const Pair& x : pairs) {
    if (gu[x.g] || pu[x.p]) continue;
    gu[x.g] = pu[x.p] = 1;
    ++s->one_to_one;
  }
  return best;
}

// The text of a code-point span (at most max code points), for --errors.
std::string Slice(const std::string& text, Frag f, uint32_t max = 400) {
  size_t cp = 0, byte = 0, sb = std::string::npos;
  if (f.e > f.b + max) f.e = f.b + max;
  while (byte < text.size()) {
    if (cp == f.b) sb = byte;
    if (cp == f.e) break;
    unsigned char c = static_cast<unsigned char>(text[byte]);
    byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++cp;
  }
  if (sb == std::string::npos) return "";
  std::string out = text.substr(sb, std::min(byte, text.size()) - sb);
  for (char& c : out)
    if (c == '\n' || c == '\t') c = ' ';
  return out;
}

}  // namespace

int EvalQuotes(const Args& all_args) {
  Args args;
  bool errors = false;  // --errors: list misses, false alarms and wrong speakers
  for (const std::string& a : all_args) {
    if (a == "--errors")
      errors = true;
    else
      args.push_back(a);
  }
  if (args.empty() || args[0] == "--help") {
    std::fputs(
        "usage: lede eval quotes [--errors] FILE.jsonl   (PolNeAR format)\n"
        "  --errors  also print missed and false direct quotes and wrong speakers\n",
        args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  std::ifstream in(args[0]);
  if (!in) {
    std::fprintf(stderr, "lede eval quotes: cannot read %s\n", args[0].c_str());
    return 1;
  }
  Options options;
  options.offsets = OffsetUnit::kCodepoint;
  Score direct, direct_kind, direct_flag, all;
  long speaker_total = 0, speaker_ok = 0, docs = 0;
  size_t bytes = 0;
  double seconds = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "lede eval quotes: bad line: %s\n", e.what());
      return 1;
    }
    const std::string text = j.value("text", "");
    auto t0 = std::chrono::steady_clock::now();
    Analysis a = Analyze(text, options);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += text.size();
    ++docs;
    std::vector<Pred> pred;
    std::vector<int> ids_all, ids_direct, ids_kind;
    int64_t last_cue = -1;
    const Quote* prev = nullptr;
    for (const Quote& q : a.quotes) {
      // Scare quotes and quotes nobody is said to have said are no attributions.
      if (q.kind == Quote::Kind::kScare || !q.has_speaker) continue;
      Frag span{a.Convert(q.span.start), a.Convert(q.span.end)};
      bool marked = q.kind == Quote::Kind::kDirect;
      bool opens = marked && OpensWithMark(a.text, q.span.start);
      bool same = !pred.empty() && prev != nullptr && q.has_speaker && prev->has_speaker &&
                  ((q.has_cue && q.cue.span.start == last_cue) ||
                   (!q.has_cue && marked && q.speaker.span.start == prev->speaker.span.start));
      prev = &q;
      if (same) {
        pred.back().span.push_back(span);
        if (marked && !pred.back().kind_direct) {
          pred.back().kind_direct = true;
          ids_kind.push_back(static_cast<int>(pred.size()) - 1);
        }
        if (opens && !pred.back().direct) {
          pred.back().direct = true;
          ids_direct.push_back(static_cast<int>(pred.size()) - 1);
        }
        continue;
      }
      last_cue = q.has_cue ? q.cue.span.start : -2;
      Pred p;
      p.span = {span};
      p.direct = opens;
      p.kind_direct = marked;
      p.has_speaker = q.has_speaker;
      if (q.has_cue) p.cue = {a.Convert(q.cue.span.start), a.Convert(q.cue.span.end)};
      if (q.has_speaker) {
        p.speaker = q.speaker.has_span
                        ? Frag{a.Convert(q.speaker.span.start), a.Convert(q.speaker.span.end)}
                        : Frag{0, 0};
        if (q.speaker.entity >= 0) {
          p.name = a.entities[q.speaker.entity].name;
        } else {
          p.name = std::string(a.Text(q.speaker.name));
        }
      }
      ids_all.push_back(static_cast<int>(pred.size()));
      if (p.direct) ids_direct.push_back(static_cast<int>(pred.size()));
      if (p.kind_direct) ids_kind.push_back(static_cast<int>(pred.size()));
      pred.push_back(p);
    }
    const auto& spans = j["spans"];
    auto frags = [&](const nlohmann::json& idx) {
      Frags f;
      if (idx.is_null()) return f;
      for (const auto& x : spans[idx.get<size_t>()]["fragments"])
        f.push_back({x[0].get<uint32_t>(), x[1].get<uint32_t>()});
      return f;
    };
    std::vector<Frags> gold_all, gold_direct, gold_direct_flag, gold_source, gold_cue;
    for (const auto& at : j["attributions"]) {
      Frags content = frags(at.value("content", nlohmann::json()));
      if (content.empty()) continue;
      gold_all.push_back(content);
      gold_source.push_back(frags(at.value("source", nlohmann::json())));
      gold_cue.push_back(frags(at.value("cue", nlohmann::json())));
      // The data's flag misses content opening with '' (two apostrophes, the
      // New York Times' quote mark): "direct" counts those too; "direct*"
      // is the flag as given.
      bool flag = at.value("direct", false);
      bool apos = false;
      {
        size_t cp = 0, byte = 0;
        while (byte < text.size() && cp < content[0].b) {
          unsigned char c = static_cast<unsigned char>(text[byte]);
          byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
          ++cp;
        }
        apos = text.compare(byte, 2, "''") == 0;
      }
      if (flag || apos) gold_direct.push_back(content);
      if (flag) gold_direct_flag.push_back(content);
    }
    std::vector<int> best_direct = Match(gold_direct, pred, ids_direct, &direct);
    Match(gold_direct_flag, pred, ids_direct, &direct_flag);
    Match(gold_direct, pred, ids_kind, &direct_kind);
    std::vector<int> best = Match(gold_all, pred, ids_all, &all, &gold_cue);
    for (size_t g = 0; g < gold_all.size(); ++g) {
      if (best[g] < 0 || gold_source[g].empty()) continue;
      ++speaker_total;
      const Pred& p = pred[best[g]];
      bool ok = false;
      if (p.has_speaker) {
        ok = p.speaker.e > p.speaker.b && Overlap(gold_source[g], p.speaker) > 0;
        if (!ok && !p.name.empty()) {
          std::string src;
          for (const Frag& f : gold_source[g]) {
            // Gold offsets are code points; compare through the analysis text.
            src += " ";
            uint32_t bb = 0, be = 0;
            (void)bb;
            (void)be;
            // Code point -> byte: walk the text once per source (short spans).
            size_t cp = 0, byte = 0, sb = std::string::npos, sbe = std::string::npos;
            while (byte <= text.size()) {
              if (cp == f.b) sb = byte;
              if (cp == f.e) {
                sbe = byte;
                break;
              }
              if (byte == text.size()) break;
              unsigned char c = static_cast<unsigned char>(text[byte]);
              byte += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
              ++cp;
            }
            if (sb != std::string::npos && sbe != std::string::npos)
              src += text.substr(sb, sbe - sb);
          }
          ok = SharesWord(p.name, src);
        }
      }
      speaker_ok += ok;
      if (errors && !ok) {
        std::string src;
        for (const Frag& f : gold_source[g]) src += Slice(text, f) + " ";
        std::printf("SPEAKER\t%s\tgold [%s]\tpred [%s] name [%s]\tcontent [%s]\n",
                    j.value("id", "").c_str(), src.c_str(), Slice(text, p.speaker).c_str(),
                    p.name.c_str(), Slice(text, gold_all[g][0], 100).c_str());
      }
    }
    if (errors) {
      std::string id = j.value("id", "");
      for (size_t g = 0; g < gold_direct.size(); ++g)
        if (best_direct[g] < 0) {
          // What the analysis made of it: the quotes overlapping it.
          std::string seen;
          for (const Quote& q : a.quotes) {
            Frag f{a.Convert(q.span.start), a.Convert(q.span.end)};
            if (Overlap(gold_direct[g], f) == 0) continue;
            static const char* const kKinds[] = {"direct", "partial", "indirect", "scare"};
            seen += std::string(kKinds[static_cast<int>(q.kind)]) +
                    (q.has_speaker ? "+speaker" : "") + (q.has_cue ? "+cue " : " ");
          }
          std::printf("DIRECT-FN\t%s\t[%s]\tseen [%s]\n", id.c_str(),
                      Slice(text, gold_direct[g][0], 120).c_str(), seen.c_str());
        }
      for (int k : ids_direct) {
        bool hit = false;
        for (const Frags& g : gold_direct) {
          uint32_t ov = Overlap(g, pred[k].span);
          if (ov > 0 && ov * 10 >= Len(g) * 3) hit = true;
        }
        if (!hit)
          std::printf("DIRECT-FP\t%s\t[%s]\tspeaker [%s]\n", id.c_str(),
                      Slice(text, pred[k].span[0], 120).c_str(), pred[k].name.c_str());
      }
    }
  }
  std::printf(
      "lede eval quotes %s: %ld documents (each line scored as given; a document "
      "annotated twice counts twice)\n",
      args[0].c_str(), docs);
  direct.Print("direct");
  direct_kind.Print("direct(kind)");
  direct_flag.Print("direct*");
  all.Print("all");
  std::printf("speaker  %ld/%ld matched attributions with a gold source: accuracy %.3f\n",
              speaker_ok, speaker_total, speaker_total ? double(speaker_ok) / speaker_total : 0);
  std::printf("speed    %.2f MB in %.2f s: %.2f MB/s (Analyze, all stages)\n", bytes / 1e6, seconds,
              seconds > 0 ? bytes / 1e6 / seconds : 0);
  return 0;
}

}  // namespace lede
