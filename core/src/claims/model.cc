#include "claims/model.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "data/embedded.h"

namespace lede {
namespace {

constexpr char kMagic[8] = {'L', 'E', 'D', 'E', 'C', 'L', 'M', '1'};

uint32_t ReadU32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(p[i]);
  return v;
}

float ReadF32(const char* p) {
  uint32_t u = ReadU32(p);
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

void WriteU32(uint32_t v, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

void WriteF32(float f, std::string* out) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  WriteU32(u, out);
}

double Sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + std::exp(-x));
  double e = std::exp(x);
  return e / (1.0 + e);
}

// A float model under training: weights plus AdaGrad accumulators.
struct Trainer {
  explicit Trainer(uint32_t bits)
      : mask((1u << bits) - 1), w(1u << bits, 0.0), g2(1u << bits, 0.0) {}
  uint32_t mask;
  std::vector<double> w, g2;
  double bias = 0, bias_g2 = 0;

  double Margin(const std::vector<Feature>& fs) const {
    double m = bias;
    for (const Feature& f : fs) {
      if (f.family != FeatureFamily::kBias) m += w[f.hash & mask] * f.value;
    }
    return m;
  }
  void Update(const ClaimExample& ex, double rate, double l2) {
    double p = Sigmoid(Margin(ex.features));
    double g = p - (ex.positive ? 1.0 : 0.0);
    for (const Feature& f : ex.features) {
      if (f.family == FeatureFamily::kBias) continue;
      uint32_t h = f.hash & mask;
      double gi = g * f.value + l2 * w[h];
      g2[h] += gi * gi;
      w[h] -= rate * gi / (std::sqrt(g2[h]) + 1e-8);
    }
    bias_g2 += g * g;
    bias -= rate * g / (std::sqrt(bias_g2) + 1e-8);
  }
};

// Deterministic example order: a Fisher-Yates shuffle with a 64-bit LCG.
std::vector<size_t> Shuffled(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  uint64_t s = seed * 6364136223846793005ull + 1442695040888963407ull;
  for (size_t i = n; i > 1; --i) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    size_t j = static_cast<size_t>((s >> 33) % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

Trainer Fit(const std::vector<ClaimExample>& examples, const std::vector<size_t>& subset,
            const ClaimTrainOptions& o) {
  Trainer t(o.bits);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    std::vector<size_t> order = Shuffled(subset.size(), o.seed + epoch);
    for (size_t k : order) t.Update(examples[subset[k]], o.learning_rate, o.l2);
  }
  return t;
}

}  // namespace

double ClaimModel::Margin(const std::vector<Feature>& features) const {
  double m = bias;
  if (!ok()) return m;
  // Weight(), with the choice of table and the mask made once, not per feature.
  const uint32_t mask = (1u << bits) - 1;
  const int8_t* const qw = quantized();
  if (qw == nullptr) {
    const float* w = weights.data();
    for (const Feature& f : features) {
      if (f.family != FeatureFamily::kBias) m += w[f.hash & mask] * f.value;
    }
  } else {
    const float s = scale;
    for (const Feature& f : features) {
      if (f.family != FeatureFamily::kBias) m += qw[f.hash & mask] * s * f.value;
    }
  }
  return m;
}

double ClaimModel::Score(const std::vector<Feature>& features) const {
  return Sigmoid(Margin(features));
}

double ClaimModel::Probability(double margin) { return Sigmoid(margin); }

bool ClaimModel::Parse(std::string_view bytes, ClaimModel* out, std::string* error, bool copy) {
  const size_t header = 8 + 4 * 4;
  if (bytes.size() < header || std::memcmp(bytes.data(), kMagic, 8) != 0) {
    *error = "not a lede claims model (bad magic)";
    return false;
  }
  const char* p = bytes.data() + 8;
  uint32_t bits = ReadU32(p);
  if (bits < 4 || bits > 24 || bytes.size() != header + (size_t{1} << bits)) {
    *error = "claims model: size does not match its header";
    return false;
  }
  out->bits = bits;
  out->threshold = ReadF32(p + 4);
  out->bias = ReadF32(p + 8);
  out->scale = ReadF32(p + 12);
  for (int b = 0; b < 256; ++b) out->scaled[b] = static_cast<int8_t>(b) * out->scale;
  out->weights.clear();
  const int8_t* q = reinterpret_cast<const int8_t*>(bytes.data() + header);
  if (copy) {
    out->q.assign(q, q + (size_t{1} << bits));
    out->q_static = nullptr;
  } else {
    out->q.clear();
    out->q_static = q;
  }
  return true;
}

std::string ClaimModel::Serialize() const {
  std::string out(kMagic, 8);
  WriteU32(bits, &out);
  WriteF32(threshold, &out);
  WriteF32(bias, &out);
  const uint32_t n = ok() ? 1u << bits : 0;
  float max_abs = 0;
  for (uint32_t i = 0; i < n; ++i) max_abs = std::max(max_abs, std::fabs(Weight(i)));
  float scale = max_abs > 0 ? max_abs / 127.0f : 1.0f;
  WriteF32(scale, &out);
  for (uint32_t i = 0; i < n; ++i) {
    long q = std::lround(Weight(i) / scale);
    q = std::max(-127L, std::min(127L, q));
    out.push_back(static_cast<char>(static_cast<int8_t>(q)));
  }
  return out;
}

const ClaimModel& DefaultClaimModel() {
  static const ClaimModel* const model = [] {
    auto* m = new ClaimModel();
    std::string error;
    // Static bytes: the weights are read in place, not copied (256 KB of
    // heap, and 0.26 M instructions at first use).
    if (!ClaimModel::Parse(EmbeddedFile("claims/model.bin"), m, &error, /*copy=*/false)) {
      *m = ClaimModel();
    }
    return m;
  }();
  return *model;
}

ClaimModel TrainClaimModel(const std::vector<ClaimExample>& examples,
                           const ClaimTrainOptions& options, ClaimTrainReport* report) {
  ClaimTrainOptions o = options;
  if (o.bits < 4 || o.bits > 24) o.bits = 18;
  if (o.folds < 2) o.folds = 2;
  // Out-of-fold margins for the threshold.
  std::vector<size_t> order = Shuffled(examples.size(), o.seed ^ 0x9e3779b9u);
  std::vector<double> oof(examples.size(), 0);
  for (int fold = 0; fold < o.folds; ++fold) {
    std::vector<size_t> train, held;
    for (size_t k = 0; k < order.size(); ++k) {
      (static_cast<int>(k % o.folds) == fold ? held : train).push_back(order[k]);
    }
    Trainer t = Fit(examples, train, o);
    for (size_t i : held) oof[i] = Sigmoid(t.Margin(examples[i].features));
  }
  // Threshold with the best F1 over the sorted out-of-fold scores.
  std::vector<size_t> by_score(examples.size());
  for (size_t i = 0; i < by_score.size(); ++i) by_score[i] = i;
  std::sort(by_score.begin(), by_score.end(), [&](size_t a, size_t b) { return oof[a] > oof[b]; });
  size_t positives = 0;
  for (const ClaimExample& e : examples) positives += e.positive ? 1 : 0;
  size_t tp = 0;
  double best_f1 = -1, best_p = 0, best_r = 0;
  float best_t = 0.5f;
  for (size_t k = 0; k < by_score.size(); ++k) {
    if (examples[by_score[k]].positive) ++tp;
    bool boundary = k + 1 == by_score.size() || oof[by_score[k + 1]] < oof[by_score[k]];
    if (!boundary) continue;
    double p = static_cast<double>(tp) / (k + 1);
    double r = positives ? static_cast<double>(tp) / positives : 0;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    if (f1 > best_f1) {
      best_f1 = f1;
      best_p = p;
      best_r = r;
      double next = k + 1 < by_score.size() ? oof[by_score[k + 1]] : 0;
      best_t = static_cast<float>((oof[by_score[k]] + next) / 2);
    }
  }
  std::vector<size_t> all(examples.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  Trainer t = Fit(examples, all, o);
  ClaimModel m;
  m.bits = o.bits;
  m.threshold = best_t;
  m.bias = static_cast<float>(t.bias);
  m.weights.assign(t.w.begin(), t.w.end());
  if (report) {
    report->cv_precision = best_p;
    report->cv_recall = best_r;
    report->cv_f1 = best_f1;
    report->threshold = best_t;
  }
  return m;
}

}  // namespace lede
