// `lede train ner`: trains the name tagger (core/src/entities/ner_model.h)
// on CoNLL-style JSONL ({"text", "spans": [{"start_b", "end_b", "label"}]}),
// on lede's own tokens, and writes the model file. Deterministic: the same
// data and options give the same bytes.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "entities/ner_model.h"
#include "text/document.h"

namespace lede {
namespace {

const char kHelp[] =
    "usage: lede train ner --out MODEL.bin [options] TRAIN.jsonl [MORE.jsonl ...]\n"
    "\n"
    "Trains the name tagger (averaged structured perceptron, BILOU tags) on JSONL lines\n"
    "{\"text\", \"spans\": [{\"start_b\", \"end_b\", \"label\": PER|ORG|LOC|MISC}]}.\n"
    "\n"
    "  --out FILE          where to write the model (e.g. core/data/ner/model.bin)\n"
    "  --epochs N          passes over the data (default 12)\n"
    "  --min-count N       drop features seen fewer than N times (default 2)\n"
    "  --max-features N    keep the N features with the largest weights (default 30000)\n";

struct Seq {
  std::vector<uint32_t> offsets;  // into feats
  std::vector<int32_t> feats;     // feature indices, -1 = dropped
  std::vector<int> gold;
};

int LabelType(const std::string& label) {
  if (label == "PER") return ner::kPer;
  if (label == "ORG") return ner::kOrg;
  if (label == "LOC") return ner::kLoc;
  if (label == "MISC") return ner::kMisc;
  return -1;
}

}  // namespace

int TrainNerCommand(const Args& args) {
  std::string out;
  int epochs = 12, min_count = 2;
  size_t max_features = 30000;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_next = i + 1 < args.size();
    if (a == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--out" && has_next) {
      out = args[++i];
    } else if (a == "--epochs" && has_next) {
      epochs = std::atoi(args[++i].c_str());
    } else if (a == "--min-count" && has_next) {
      min_count = std::atoi(args[++i].c_str());
    } else if (a == "--max-features" && has_next) {
      max_features = static_cast<size_t>(std::atol(args[++i].c_str()));
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "lede train ner: unknown option %s\n%s", a.c_str(), kHelp);
      return 2;
    } else {
      inputs.push_back(a);
    }
  }
  if (out.empty() || inputs.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();

  // 1. Featurize every sequence; count features.
  std::vector<Seq> seqs;
  std::vector<std::vector<uint32_t>> raw;  // hashed features per sequence
  std::unordered_map<uint32_t, uint32_t> counts;
  size_t docs = 0, names = 0, misaligned = 0, tokens = 0;
  for (const std::string& path : inputs) {
    std::ifstream in(path);
    if (!in) {
      std::fprintf(stderr, "lede train ner: cannot read %s\n", path.c_str());
      return 1;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "lede train ner: %s: invalid JSON line: %s\n", path.c_str(), e.what());
        return 1;
      }
      std::string text = j.value("text", "");
      Document doc = BuildDocument(text);
      std::vector<int> tags(doc.tokens.size(), 0);
      for (const auto& s : j["spans"]) {
        int type = LabelType(s.value("label", ""));
        if (type < 0) continue;
        uint32_t sb = s["start_b"], se = s["end_b"];
        std::vector<uint32_t> toks;
        for (uint32_t k = 0; k < doc.tokens.size(); ++k) {
          const Span& sp = doc.tokens[k].span;
          if (sp.start >= sb && sp.start < se) {
            toks.push_back(k);
            if (sp.end > se) ++misaligned;
          }
        }
        if (toks.empty()) continue;
        ++names;
        if (toks.size() == 1) {
          tags[toks[0]] = ner::TagOf(type, 3);
        } else {
          tags[toks[0]] = ner::TagOf(type, 0);
          for (size_t k = 1; k + 1 < toks.size(); ++k) tags[toks[k]] = ner::TagOf(type, 1);
          tags[toks.back()] = ner::TagOf(type, 2);
        }
      }
      ner::DocContext context = ner::BuildDocContext(doc);
      std::vector<uint32_t> feats, offsets;
      for (auto [b, e] : ner::Sequences(doc)) {
        ner::Featurize(doc, context, b, e, &feats, &offsets);
        Seq s;
        s.offsets = offsets;
        s.gold.assign(tags.begin() + b, tags.begin() + e);
        for (uint32_t f : feats) ++counts[f];
        raw.push_back(feats);
        seqs.push_back(std::move(s));
        tokens += e - b;
      }
      ++docs;
    }
  }
  // 2. Feature dictionary (ordered by hash, so indices do not depend on map order).
  std::vector<uint32_t> keys;
  for (const auto& [f, c] : counts) {
    if (static_cast<int>(c) >= min_count) keys.push_back(f);
  }
  std::sort(keys.begin(), keys.end());
  std::unordered_map<uint32_t, int32_t> index;
  index.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) index[keys[i]] = static_cast<int32_t>(i);
  for (size_t s = 0; s < seqs.size(); ++s) {
    seqs[s].feats.reserve(raw[s].size());
    for (uint32_t f : raw[s]) {
      auto it = index.find(f);
      seqs[s].feats.push_back(it == index.end() ? -1 : it->second);
    }
    std::vector<uint32_t>().swap(raw[s]);
  }
  std::fprintf(stderr, "%zu documents, %zu sequences, %zu tokens, %zu names (%zu misaligned)\n",
               docs, seqs.size(), tokens, names, misaligned);
  std::fprintf(stderr, "%zu distinct features, %zu kept (min count %d)\n", counts.size(),
               keys.size(), min_count);

  // 3. Averaged structured perceptron.
  constexpr int T = ner::kNumTags;
  const size_t nf = keys.size();
  std::vector<float> w(nf * T, 0), u(nf * T, 0);
  std::vector<float> tw((T + 1) * T, 0), tu((T + 1) * T, 0);
  std::vector<size_t> order(seqs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = 0x2545F4914F6CDD1Dull;
  double c = 1;
  std::vector<float> emissions;
  std::vector<int> pred;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a fixed xorshift
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      std::swap(order[i - 1], order[rng % i]);
    }
    size_t wrong = 0, total = 0;
    for (size_t si : order) {
      const Seq& s = seqs[si];
      const uint32_t n = static_cast<uint32_t>(s.gold.size());
      emissions.assign(static_cast<size_t>(n) * T, 0);
      for (uint32_t k = 0; k < n; ++k) {
        float* e = &emissions[static_cast<size_t>(k) * T];
        for (uint32_t f = s.offsets[k]; f < s.offsets[k + 1]; ++f) {
          int32_t fi = s.feats[f];
          if (fi < 0) continue;
          const float* wf = &w[static_cast<size_t>(fi) * T];
          for (int t = 0; t < T; ++t) e[t] += wf[t];
        }
      }
      pred.resize(n);
      ner::Viterbi(emissions.data(), n, tw.data(), pred.data());
      total += n;
      int prev_g = T, prev_p = T;
      for (uint32_t k = 0; k < n; ++k) {
        int g = s.gold[k], p = pred[k];
        if (g != p) {
          ++wrong;
          for (uint32_t f = s.offsets[k]; f < s.offsets[k + 1]; ++f) {
            int32_t fi = s.feats[f];
            if (fi < 0) continue;
            size_t base = static_cast<size_t>(fi) * T;
            w[base + g] += 1;
            u[base + g] += c;
            w[base + p] -= 1;
            u[base + p] -= c;
          }
        }
        if (g != p || prev_g != prev_p) {
          tw[prev_g * T + g] += 1;
          tu[prev_g * T + g] += c;
          tw[prev_p * T + p] -= 1;
          tu[prev_p * T + p] -= c;
        }
        prev_g = g;
        prev_p = p;
      }
      c += 1;
    }
    std::fprintf(stderr, "epoch %d: %.4f token error\n", epoch + 1,
                 total ? static_cast<double>(wrong) / total : 0.0);
  }
  for (size_t i = 0; i < w.size(); ++i) w[i] -= u[i] / c;
  for (size_t i = 0; i < tw.size(); ++i) tw[i] -= tu[i] / c;

  // 4. Keep the features with the most weight.
  std::vector<std::pair<float, uint32_t>> mass;
  mass.reserve(nf);
  for (size_t i = 0; i < nf; ++i) {
    float m = 0;
    for (int t = 0; t < T; ++t) m += std::fabs(w[i * T + t]);
    if (m > 0) mass.emplace_back(m, static_cast<uint32_t>(i));
  }
  std::sort(mass.begin(), mass.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (mass.size() > max_features) mass.resize(max_features);
  std::vector<uint32_t> kept_keys;
  std::vector<float> kept_w;
  for (const auto& [m, i] : mass) {
    kept_keys.push_back(keys[i]);
    kept_w.insert(kept_w.end(), w.begin() + i * T, w.begin() + (i + 1) * T);
  }
  std::string bytes = ner::Model::Serialize(kept_keys, kept_w, tw);
  std::ofstream o(out, std::ios::binary);
  o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!o) {
    std::fprintf(stderr, "lede train ner: cannot write %s\n", out.c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "wrote %s: %zu features, %zu bytes, %.1f s\n", out.c_str(), kept_keys.size(),
               bytes.size(), secs);
  return 0;
}

int TrainCommand(const Args& args) {
  if (!args.empty() && args[0] == "ner") return TrainNerCommand(Args(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "claims") {
    return TrainClaimsCommand(Args(args.begin() + 1, args.end()));
  }
  std::fputs(
      "usage: lede train ner|claims --out MODEL.bin TRAIN.jsonl (see lede train ner --help)\n",
      stderr);
  return 2;
}

}  // namespace lede
