// The check-worthiness model: logistic regression over hashed features
// (claims/features.h), trained by `lede train claims` and compiled in from
// core/data/claims/model.bin. Internal to the core.
//
// File format (little-endian):
//   "LEDECLM1"            8 bytes magic
//   uint32 bits           the table holds 2^bits weights
//   float  threshold      scores >= threshold are claims
//   float  bias
//   float  scale          weight[i] = int8[i] * scale
//   int8   q[2^bits]      quantized weights
#ifndef LEDE_CLAIMS_MODEL_H_
#define LEDE_CLAIMS_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claims/features.h"

namespace lede {

struct ClaimModel {
  uint32_t bits = 0;
  float threshold = 0.5f;
  float bias = 0;
  // 2^bits weights: as floats (a model just trained), or as the file holds
  // them, quantized (a parsed model: weight = quantized()[i] * scale,
  // computed when read). The quantized ones are in q (a copy of the file's),
  // or, for the compiled-in model, read in place from the binary's static
  // bytes (q_static; q empty). None: an unusable model.
  std::vector<float> weights;
  std::vector<int8_t> q;
  const int8_t* q_static = nullptr;
  float scale = 1;
  // quantized()[i] * scale by the weight's byte (as uint8_t): the float
  // Weight() gives, read from a table instead of converted and multiplied
  // (the feature loop weighs two features a token). Set by Parse.
  float scaled[256] = {};

  bool ok() const { return !weights.empty() || quantized() != nullptr; }
  // The quantized weights, or nullptr when the model holds floats (or none).
  const int8_t* quantized() const {
    return q_static != nullptr ? q_static : q.empty() ? nullptr : q.data();
  }
  float Weight(uint32_t hash) const {
    const uint32_t i = hash & ((1u << bits) - 1);
    const int8_t* qw = quantized();
    return qw == nullptr ? weights[i] : qw[i] * scale;
  }
  // Weight() with the table chosen and the mask made once: for a loop that
  // weighs many features (Weight's choice of table was half of its cost).
  struct Weights {
    const int8_t* q;  // quantized(), or nullptr: w
    const float* w;
    float scale;
    uint32_t mask;
    float operator()(uint32_t hash) const {
      const uint32_t i = hash & mask;
      return q == nullptr ? w[i] : q[i] * scale;
    }
  };
  Weights weights_view() const { return {quantized(), weights.data(), scale, (1u << bits) - 1}; }
  // The linear margin (bias included) of `features`.
  double Margin(const std::vector<Feature>& features) const;
  // Probability in (0, 1) of `features` being check-worthy.
  double Score(const std::vector<Feature>& features) const;
  // The probability Score gives for a margin.
  static double Probability(double margin);

  // Parses the format above; false (and *error) on a malformed file. The
  // weights are copied, or with `copy` false read in place from `bytes`,
  // which must then outlive the model (static bytes: the compiled-in model).
  static bool Parse(std::string_view bytes, ClaimModel* out, std::string* error, bool copy = true);
  // The format above, weights quantized to int8.
  std::string Serialize() const;
};

// The model compiled in from core/data/claims/model.bin, parsed once on first
// use and immutable afterwards. Returns an empty model (ok() false) when the
// file is missing or malformed.
const ClaimModel& DefaultClaimModel();

// One labelled example for training: its features and label.
struct ClaimExample {
  std::vector<Feature> features;
  bool positive = false;
};

struct ClaimTrainOptions {
  uint32_t bits = 18;
  int epochs = 12;
  double learning_rate = 0.2;  // AdaGrad base rate
  double l2 = 1e-6;            // per-update L2 shrinkage
  int folds = 5;               // cross-validation folds for the threshold
  uint32_t seed = 12345;       // example order (training is deterministic)
};

struct ClaimTrainReport {
  double cv_precision = 0, cv_recall = 0, cv_f1 = 0;  // out-of-fold, at the threshold
  float threshold = 0.5f;
};

// Trains logistic regression with AdaGrad on `examples`, picks the threshold
// that maximizes the positive-class F1 of out-of-fold predictions
// (options.folds-fold cross-validation), then fits on all examples.
// Deterministic for a given input and options.
ClaimModel TrainClaimModel(const std::vector<ClaimExample>& examples,
                           const ClaimTrainOptions& options, ClaimTrainReport* report);

}  // namespace lede

#endif  // LEDE_CLAIMS_MODEL_H_
