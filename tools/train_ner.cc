// `lede train ner`: trains the name tagger (core/src/entities/ner_model.h)
// on CoNLL-style JSONL ({"text", "spans": [{"start_b", "end_b", "label"}]}),
// on lede's own tokens, and writes the model file. Deterministic: the same
// data and options (--seed included) give the same bytes.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
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
    "  --max-features N    keep the N features with the largest weights (default 30000)\n"
    "  --history-folds N   first-pass tags for the history features come from N models,\n"
    "                      each trained without one N-th of the documents (default 2;\n"
    "                      1: no history features)\n"
    "  --cluster-dropout P the words of P% of the hash space get no word cluster in\n"
    "                      training, so that unknown words are tagged from context too\n"
    "                      (default 20; 0: off)\n"
    "  --repeat N FILE     train on FILE's documents N times per epoch (a small corpus of\n"
    "                      another kind of text, e.g. WikiGold next to CoNLL news)\n"
    "  --typer-epochs N    passes of the span typer's training (default 10; 0: no typer)\n"
    "  --typer-margin X    the typer overrides the tagger's type when its score beats the\n"
    "                      tagger's type by more than X (default 10)\n"
    "  --typer-features N  keep the typer's N heaviest features (default 8000)\n"
    "  --seed N            the order the examples are shuffled in (tagger and typer);\n"
    "                      default 0, the order the committed model was trained in.\n"
    "                      Other seeds give other draws of the same model, for judging\n"
    "                      a change by the mean over draws (scripts/accuracy_draws.sh)\n";

struct Seq {
  uint32_t doc = 0, begin = 0;    // document and first token
  std::vector<uint32_t> offsets;  // into feats
  std::vector<int32_t> feats;     // feature indices, -1 = dropped
  std::vector<int> gold;
};

struct Corpus {
  std::deque<std::string> texts;
  // A deque: a DocContext points at its Document, which must not move.
  std::deque<Document> docs;
  std::vector<ner::DocContext> contexts;
  std::vector<std::vector<int>> gold;  // per document, per token
  std::vector<int> repeat;             // per document: times seen per epoch
};

// The `max_features` features (of keys, with `width` weights each in w) with
// the most absolute weight, ties by index, as the model files keep them.
void KeepHeaviest(const std::vector<uint32_t>& keys, const std::vector<float>& w, int width,
                  size_t max_features, std::vector<uint32_t>* kept_keys,
                  std::vector<float>* kept_w) {
  std::vector<std::pair<float, uint32_t>> mass;
  mass.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    float m = 0;
    for (int t = 0; t < width; ++t) m += std::fabs(w[i * width + t]);
    if (m > 0) mass.emplace_back(m, static_cast<uint32_t>(i));
  }
  std::sort(mass.begin(), mass.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (mass.size() > max_features) mass.resize(max_features);
  for (const auto& [m, i] : mass) {
    kept_keys->push_back(keys[i]);
    kept_w->insert(kept_w->end(), w.begin() + i * width, w.begin() + (i + 1) * width);
  }
}

// The shuffle's xorshift state for `seed`: `fixed` (the committed models'
// order) for seed 0, else `fixed` xor a splitmix64 of the seed (never 0, which
// would stop xorshift).
uint64_t ShuffleState(uint64_t fixed, uint64_t seed) {
  if (seed == 0) return fixed;
  uint64_t z = seed * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return (fixed ^ z) != 0 ? fixed ^ z : fixed;
}

int LabelType(const std::string& label) {
  if (label == "PER") return ner::kPer;
  if (label == "ORG") return ner::kOrg;
  if (label == "LOC") return ner::kLoc;
  if (label == "MISC") return ner::kMisc;
  return -1;
}

// The sequences of every document with their features (as inference computes
// them: base features, then the history features of capitalized words; with
// `pass1` null, the first pass's "seen once"), and the feature dictionary.
std::vector<Seq> Featurize(const Corpus& corpus, const std::vector<std::vector<uint8_t>>* pass1,
                           int min_count, int cluster_dropout, std::vector<uint32_t>* keys) {
  std::vector<Seq> seqs;
  std::vector<std::vector<uint32_t>> raw;
  std::unordered_map<uint32_t, uint32_t> counts;
  std::vector<uint32_t> feats, offsets, merged;
  ner::History history;
  for (uint32_t d = 0; d < corpus.docs.size(); ++d) {
    const Document& doc = corpus.docs[d];
    const ner::DocContext& context = corpus.contexts[d];
    if (pass1) ner::BuildHistory(doc, context, (*pass1)[d].data(), &history);
    for (auto [b, e] : ner::Sequences(doc)) {
      ner::Featurize(doc, context, b, e, &feats, &offsets, cluster_dropout);
      Seq s;
      s.doc = d;
      s.begin = b;
      merged.clear();
      for (uint32_t k = 0; k < e - b; ++k) {
        s.offsets.push_back(static_cast<uint32_t>(merged.size()));
        merged.insert(merged.end(), feats.begin() + offsets[k], feats.begin() + offsets[k + 1]);
        if (ner::HasHistory(doc, b + k)) {
          ner::HistoryFeatures(doc, context, pass1 ? &history : nullptr, b + k, &merged);
        }
      }
      s.offsets.push_back(static_cast<uint32_t>(merged.size()));
      s.gold.assign(corpus.gold[d].begin() + b, corpus.gold[d].begin() + e);
      for (uint32_t f : merged) ++counts[f];
      raw.push_back(merged);
      seqs.push_back(std::move(s));
    }
  }
  // Feature dictionary (ordered by hash, so indices do not depend on map order).
  keys->clear();
  for (const auto& [f, c] : counts) {
    if (static_cast<int>(c) >= min_count) keys->push_back(f);
  }
  std::sort(keys->begin(), keys->end());
  std::unordered_map<uint32_t, int32_t> index;
  index.reserve(keys->size());
  for (size_t i = 0; i < keys->size(); ++i) index[(*keys)[i]] = static_cast<int32_t>(i);
  for (size_t i = 0; i < seqs.size(); ++i) {
    seqs[i].feats.reserve(raw[i].size());
    for (uint32_t f : raw[i]) {
      auto it = index.find(f);
      seqs[i].feats.push_back(it == index.end() ? -1 : it->second);
    }
    std::vector<uint32_t>().swap(raw[i]);
  }
  std::fprintf(stderr, "%zu distinct features, %zu kept (min count %d)%s\n", counts.size(),
               keys->size(), min_count, pass1 ? ", with history" : "");
  return seqs;
}

struct Weights {
  std::vector<float> w, tw;  // features x tags; (tags + 1) x tags
};

void Emissions(const Seq& s, const Weights& m, std::vector<float>* emissions) {
  constexpr int T = ner::kNumTags;
  const uint32_t n = static_cast<uint32_t>(s.gold.size());
  emissions->assign(static_cast<size_t>(n) * T, 0);
  for (uint32_t k = 0; k < n; ++k) {
    float* e = &(*emissions)[static_cast<size_t>(k) * T];
    for (uint32_t f = s.offsets[k]; f < s.offsets[k + 1]; ++f) {
      int32_t fi = s.feats[f];
      if (fi < 0) continue;
      const float* wf = &m.w[static_cast<size_t>(fi) * T];
      for (int t = 0; t < T; ++t) e[t] += wf[t];
    }
  }
}

// Averaged structured perceptron over the sequences whose document `use` accepts.
template <typename Use>
Weights Train(const std::vector<Seq>& seqs, const std::vector<int>& repeat, size_t nf, int epochs,
              uint64_t seed, Use use) {
  constexpr int T = ner::kNumTags;
  Weights m;
  m.w.assign(nf * T, 0);
  m.tw.assign((T + 1) * T, 0);
  std::vector<float> u(nf * T, 0), tu((T + 1) * T, 0);
  std::vector<size_t> order;
  for (size_t i = 0; i < seqs.size(); ++i) {
    if (!use(seqs[i].doc)) continue;
    for (int r = 0; r < repeat[seqs[i].doc]; ++r) order.push_back(i);
  }
  uint64_t rng = ShuffleState(0x2545F4914F6CDD1Dull, seed);
  double c = 1;
  std::vector<float> emissions;
  std::vector<uint8_t> pred;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with a seeded xorshift
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      std::swap(order[i - 1], order[rng % i]);
    }
    size_t wrong = 0, total = 0;
    for (size_t si : order) {
      const Seq& s = seqs[si];
      const uint32_t n = static_cast<uint32_t>(s.gold.size());
      Emissions(s, m, &emissions);
      pred.resize(n);
      ner::Viterbi(emissions.data(), n, m.tw.data(), pred.data());
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
            m.w[base + g] += 1;
            u[base + g] += c;
            m.w[base + p] -= 1;
            u[base + p] -= c;
          }
        }
        if (g != p || prev_g != prev_p) {
          m.tw[prev_g * T + g] += 1;
          tu[prev_g * T + g] += c;
          m.tw[prev_p * T + p] -= 1;
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
  for (size_t i = 0; i < m.w.size(); ++i) m.w[i] -= u[i] / c;
  for (size_t i = 0; i < m.tw.size(); ++i) m.tw[i] -= tu[i] / c;
  return m;
}

// The jackknife: for each of `folds` folds of the documents (doc % folds), a
// model trained without it tags that fold's sequences; `tagged(s, emissions,
// tags)` gets each one with that model's emissions and Viterbi tags.
template <typename Tagged>
void Jackknife(const std::vector<Seq>& seqs, const std::vector<int>& repeat, size_t nf, int epochs,
               uint64_t seed, int folds, Tagged tagged) {
  std::vector<float> emissions;
  std::vector<uint8_t> tags;
  for (int f = 0; f < folds; ++f) {
    Weights m = Train(seqs, repeat, nf, epochs, seed,
                      [&](uint32_t d) { return static_cast<int>(d % folds) != f; });
    for (const Seq& s : seqs) {
      if (static_cast<int>(s.doc % folds) != f) continue;
      Emissions(s, m, &emissions);
      tags.assign(s.gold.size(), 0);
      ner::Viterbi(emissions.data(), static_cast<uint32_t>(s.gold.size()), m.tw.data(),
                   tags.data());
      tagged(s, emissions, tags);
    }
  }
}

// The span typer (ner::Typer), trained on the tagger's spans of each document
// from models that did not see it (`tags`: per document, per token), so its
// input is as noisy as in use. One example per group of same-text spans, whose
// label is the gold type most of its exactly bounded mentions have (groups
// with none are left out).
std::string TrainTyper(const Corpus& corpus, const std::vector<std::vector<uint8_t>>& tags,
                       const std::vector<std::vector<float>>& emissions, int epochs, float margin,
                       size_t max_features, uint64_t seed) {
  constexpr int K = ner::kNumTypes;
  std::vector<std::vector<uint32_t>> examples;
  std::vector<int> labels, tagger;
  std::vector<uint32_t> group_of, feats, offsets;
  std::vector<uint8_t> gold8;
  for (size_t d = 0; d < corpus.docs.size(); ++d) {
    const Document& doc = corpus.docs[d];
    std::vector<ner::NameSpan> spans, gold;
    for (auto [b, e] : ner::Sequences(doc)) {
      ner::SpansFromTags(&tags[d][b], e - b, b, &spans);
      gold8.assign(corpus.gold[d].begin() + b, corpus.gold[d].begin() + e);
      ner::SpansFromTags(gold8.data(), e - b, b, &gold);
    }
    if (spans.empty()) continue;
    std::vector<float> scores(spans.size() * ner::kNumTypes);
    for (size_t s = 0; s < spans.size(); ++s) {
      ner::SpanTypeScores(&emissions[d][static_cast<size_t>(spans[s].begin) * ner::kNumTags],
                          spans[s].end - spans[s].begin, &scores[s * ner::kNumTypes]);
    }
    const uint32_t groups = ner::TyperGroups(doc, spans, &group_of);
    ner::TyperFeatures(doc, corpus.contexts[d], spans, scores.data(), group_of, groups, &feats,
                       &offsets);
    std::vector<int> votes(static_cast<size_t>(groups) * K, 0), tag_votes(votes.size(), 0);
    size_t gi = 0;
    for (size_t s = 0; s < spans.size(); ++s) {
      ++tag_votes[group_of[s] * K + spans[s].type];
      while (gi < gold.size() && gold[gi].begin < spans[s].begin) ++gi;
      if (gi < gold.size() && gold[gi].begin == spans[s].begin && gold[gi].end == spans[s].end)
        ++votes[group_of[s] * K + gold[gi].type];
    }
    for (uint32_t g = 0; g < groups; ++g) {
      int best = 0, t0 = 0;
      for (int t = 1; t < K; ++t) {
        if (votes[g * K + t] > votes[g * K + best]) best = t;
        if (tag_votes[g * K + t] > tag_votes[g * K + t0]) t0 = t;
      }
      if (votes[g * K + best] == 0) continue;
      examples.emplace_back(feats.begin() + offsets[g], feats.begin() + offsets[g + 1]);
      labels.push_back(best);
      tagger.push_back(t0);
    }
  }
  // Feature dictionary, by hash.
  std::unordered_map<uint32_t, uint32_t> counts;
  for (const auto& ex : examples)
    for (uint32_t f : ex) ++counts[f];
  std::vector<uint32_t> keys;
  for (const auto& [f, c] : counts)
    if (c >= 2) keys.push_back(f);
  std::sort(keys.begin(), keys.end());
  std::unordered_map<uint32_t, int32_t> index;
  for (size_t i = 0; i < keys.size(); ++i) index[keys[i]] = static_cast<int32_t>(i);
  std::vector<std::vector<int32_t>> xs(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    for (uint32_t f : examples[i]) {
      auto it = index.find(f);
      if (it != index.end()) xs[i].push_back(it->second);
    }
  }
  const size_t nf = keys.size();
  std::vector<float> w(nf * K, 0), u(nf * K, 0);
  std::vector<size_t> order(xs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  uint64_t rng = ShuffleState(0x9E3779B97F4A7C15ull, seed);
  double c = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) {
      rng ^= rng << 13;
      rng ^= rng >> 7;
      rng ^= rng << 17;
      std::swap(order[i - 1], order[rng % i]);
    }
    size_t wrong = 0;
    for (size_t i : order) {
      float sc[K] = {0, 0, 0, 0};
      for (int32_t f : xs[i])
        for (int t = 0; t < K; ++t) sc[t] += w[f * K + t];
      int p = 0;
      for (int t = 1; t < K; ++t)
        if (sc[t] > sc[p]) p = t;
      const int g = labels[i];
      if (p != g) {
        ++wrong;
        for (int32_t f : xs[i]) {
          w[f * K + g] += 1;
          u[f * K + g] += c;
          w[f * K + p] -= 1;
          u[f * K + p] -= c;
        }
      }
      c += 1;
    }
    std::fprintf(stderr, "typer epoch %d: %.4f error\n", epoch + 1,
                 xs.empty() ? 0.0 : static_cast<double>(wrong) / xs.size());
  }
  for (size_t i = 0; i < w.size(); ++i) w[i] -= u[i] / c;
  size_t tagger_right = 0;
  for (size_t i = 0; i < labels.size(); ++i) tagger_right += tagger[i] == labels[i];
  std::fprintf(stderr, "typer: %zu groups (tagger's type right for %zu), %zu features\n",
               labels.size(), tagger_right, nf);
  std::vector<uint32_t> kept_keys;
  std::vector<float> kept_w;
  KeepHeaviest(keys, w, K, max_features, &kept_keys, &kept_w);
  return ner::Typer::Serialize(kept_keys, kept_w, margin);
}

}  // namespace

int TrainNerCommand(const Args& args) {
  std::string out;
  int epochs = 12, min_count = 2, folds = 2, cluster_dropout = 20, typer_epochs = 10;
  float typer_margin = 10;
  size_t max_features = 30000, typer_features = 8000;
  uint64_t seed = 0;
  std::vector<std::pair<std::string, int>> inputs;  // file, repeat
  int repeat = 1;
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
    } else if (a == "--repeat" && has_next) {
      repeat = std::max(1, std::atoi(args[++i].c_str()));
    } else if (a == "--history-folds" && has_next) {
      folds = std::atoi(args[++i].c_str());
    } else if (a == "--typer-epochs" && has_next) {
      typer_epochs = std::atoi(args[++i].c_str());
    } else if (a == "--typer-margin" && has_next) {
      typer_margin = static_cast<float>(std::atof(args[++i].c_str()));
    } else if (a == "--typer-features" && has_next) {
      typer_features = static_cast<size_t>(std::atol(args[++i].c_str()));
    } else if (a == "--cluster-dropout" && has_next) {
      cluster_dropout = std::atoi(args[++i].c_str());
    } else if (a == "--seed" && has_next) {
      seed = std::strtoull(args[++i].c_str(), nullptr, 10);
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "lede train ner: unknown option %s\n%s", a.c_str(), kHelp);
      return 2;
    } else {
      inputs.emplace_back(a, repeat);
      repeat = 1;
    }
  }
  if (out.empty() || inputs.empty()) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();

  // 1. Documents and their gold tags.
  Corpus corpus;
  size_t names = 0, misaligned = 0, tokens = 0;
  for (const auto& [path, times] : inputs) {
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
      corpus.texts.push_back(j.value("text", ""));
      Document doc = BuildDocument(corpus.texts.back());
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
      tokens += doc.tokens.size();
      corpus.docs.push_back(std::move(doc));
      corpus.contexts.push_back(ner::BuildDocContext(corpus.docs.back()));
      corpus.gold.push_back(std::move(tags));
      corpus.repeat.push_back(times);
    }
  }
  std::fprintf(stderr, "%zu documents, %zu tokens, %zu names (%zu misaligned)\n",
               corpus.docs.size(), tokens, names, misaligned);

  // 2. First-pass tags of every document from a model that did not see it
  // (jackknife over `folds` parts), so the history features are as noisy in
  // training as they are in use.
  std::vector<std::vector<uint8_t>> pass1(corpus.docs.size());
  for (size_t d = 0; d < corpus.docs.size(); ++d) pass1[d].assign(corpus.gold[d].size(), 0);
  if (folds > 1) {
    std::vector<uint32_t> keys;
    std::vector<Seq> seqs = Featurize(corpus, nullptr, min_count, cluster_dropout, &keys);
    Jackknife(seqs, corpus.repeat, keys.size(), epochs, seed, folds,
              [&](const Seq& s, const std::vector<float>&, const std::vector<uint8_t>& tags) {
                std::copy(tags.begin(), tags.end(), pass1[s.doc].begin() + s.begin);
              });
  }
  // 3. The model, with the history features.
  std::vector<uint32_t> keys;
  std::vector<Seq> seqs =
      Featurize(corpus, folds > 1 ? &pass1 : nullptr, min_count, cluster_dropout, &keys);
  const size_t nf = keys.size();
  // 3b. The span typer, on the spans of models with the history features that
  // did not see the document (the same jackknife).
  std::string typer;
  if (typer_epochs > 0 && folds > 1) {
    std::vector<std::vector<uint8_t>> jack(corpus.docs.size());
    std::vector<std::vector<float>> jack_em(corpus.docs.size());
    for (size_t d = 0; d < corpus.docs.size(); ++d) {
      jack[d].assign(corpus.gold[d].size(), 0);
      jack_em[d].assign(corpus.gold[d].size() * ner::kNumTags, 0);
    }
    Jackknife(
        seqs, corpus.repeat, nf, epochs, seed, folds,
        [&](const Seq& s, const std::vector<float>& emissions, const std::vector<uint8_t>& tags) {
          std::copy(tags.begin(), tags.end(), jack[s.doc].begin() + s.begin);
          std::copy(emissions.begin(), emissions.end(),
                    jack_em[s.doc].begin() + static_cast<size_t>(s.begin) * ner::kNumTags);
        });
    typer = TrainTyper(corpus, jack, jack_em, typer_epochs, typer_margin, typer_features, seed);
  }
  Weights m = Train(seqs, corpus.repeat, nf, epochs, seed, [](uint32_t) { return true; });
  constexpr int T = ner::kNumTags;
  const std::vector<float>& w = m.w;
  const std::vector<float>& tw = m.tw;
  // 4. Keep the features with the most weight.
  std::vector<uint32_t> kept_keys;
  std::vector<float> kept_w;
  KeepHeaviest(keys, w, T, max_features, &kept_keys, &kept_w);
  // 5. The pair filter: the words of the kept pair features, as the training
  // documents give them.
  std::vector<std::pair<uint32_t, uint8_t>> pair_words;
  {
    std::vector<uint32_t> sorted = kept_keys;
    std::sort(sorted.begin(), sorted.end());
    for (const Document& doc : corpus.docs) {
      for (auto [b, e] : ner::Sequences(doc)) ner::PairFilterWords(doc, b, e, sorted, &pair_words);
    }
    size_t per_role[4] = {};
    std::vector<std::pair<uint32_t, uint8_t>> distinct = pair_words;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const auto& [word, role] : distinct) {
      for (int r = 0; r < 4; ++r) per_role[r] += role >> r & 1;
    }
    std::fprintf(stderr, "pair filter: words by role %zu %zu %zu %zu\n", per_role[0], per_role[1],
                 per_role[2], per_role[3]);
  }
  std::string bytes = ner::Model::Serialize(kept_keys, kept_w, tw, pair_words) + typer;
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

// `lede train lists`: core/data/ner/lists.bin from the word lists' text
// (ner::WordListsFile; tests/ner_lists_test.cc checks the committed file).
int TrainListsCommand(const Args& args) {
  static const char kListsHelp[] =
      "usage: lede train lists --out LISTS.bin CITIES.txt GIVEN_NAMES.txt\n"
      "  writes the tagger's word lists (a word a line) as core/data/ner/lists.bin holds them:\n"
      "    lede train lists --out core/data/ner/lists.bin \\\n"
      "        core/data/ner/sources/cities.txt core/data/ner/sources/given_names.txt\n";
  std::string out;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help") {
      std::fputs(kListsHelp, stdout);
      return 0;
    } else if (args[i] == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else if (!args[i].empty() && args[i][0] == '-') {
      std::fprintf(stderr, "lede train lists: unknown option %s\n%s", args[i].c_str(), kListsHelp);
      return 2;
    } else {
      inputs.push_back(args[i]);
    }
  }
  if (out.empty() || inputs.size() != 2) {
    std::fputs(kListsHelp, stderr);
    return 2;
  }
  std::string text[2], error;
  for (int k = 0; k < 2; ++k) {
    if (!ReadInput(inputs[k], size_t{1} << 30, &text[k], &error)) {
      std::fprintf(stderr, "lede train lists: %s\n", error.c_str());
      return 1;
    }
  }
  const std::string bytes = ner::WordListsFile(text[0], text[1]);
  std::ofstream o(out, std::ios::binary);
  o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!o) {
    std::fprintf(stderr, "lede train lists: cannot write %s\n", out.c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s: %zu bytes\n", out.c_str(), bytes.size());
  return 0;
}

int TrainCommand(const Args& args) {
  if (!args.empty() && args[0] == "ner") return TrainNerCommand(Args(args.begin() + 1, args.end()));
  if (!args.empty() && args[0] == "claims") {
    return TrainClaimsCommand(Args(args.begin() + 1, args.end()));
  }
  if (!args.empty() && args[0] == "lists")
    return TrainListsCommand(Args(args.begin() + 1, args.end()));
  std::fputs(
      "usage: lede train ner|claims --out MODEL.bin TRAIN.jsonl (see lede train ner --help)\n"
      "       lede train lists --out LISTS.bin CITIES.txt GIVEN_NAMES.txt\n",
      stderr);
  return 2;
}

}  // namespace lede
