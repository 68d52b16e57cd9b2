// `lede train claims`: fits the check-worthiness model (claims/model.h) on
// CheckThat!-format data and writes core/data/claims/model.bin.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "claims/model.h"
#include "claims_data.h"
#include "commands.h"

namespace lede {
namespace {

const char kTrainUsage[] =
    "usage: lede train claims --out MODEL.bin [--bits N] [--epochs N] [--folds N] "
    "[--seed N] TRAIN.jsonl\n"
    "  Trains logistic regression on hashed features of lede's own tokens; the\n"
    "  threshold maximizes out-of-fold F1 (N-fold cross-validation on TRAIN).\n"
    "  --seed N: the order the examples are shuffled in and dealt into folds;\n"
    "  default 0, the order the committed model was trained in. Other seeds give\n"
    "  other draws of the same model, for judging a change by the mean over draws\n"
    "  (scripts/accuracy_draws.sh).\n"
    "  Deterministic: the same data and options give the same bytes.\n";

// ClaimTrainOptions::seed for `--seed N`: the committed model's 12345 for 0,
// else 12345 xor a splitmix64 of N, so that two draws' epochs (seed + epoch)
// do not share orders as consecutive seeds would.
uint32_t DrawSeed(uint64_t n) {
  const uint32_t fixed = ClaimTrainOptions().seed;
  if (n == 0) return fixed;
  uint64_t z = n * 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return fixed ^ static_cast<uint32_t>(z >> 32);
}

int TrainClaims(const Args& args) {
  std::string out, input;
  ClaimTrainOptions o;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](int* v) {
      if (i + 1 >= args.size()) return false;
      *v = std::atoi(args[++i].c_str());
      return true;
    };
    int v = 0;
    if (a == "--out" && i + 1 < args.size()) {
      out = args[++i];
    } else if (a == "--bits" && value(&v)) {
      o.bits = static_cast<uint32_t>(v);
    } else if (a == "--epochs" && value(&v)) {
      o.epochs = v;
    } else if (a == "--folds" && value(&v)) {
      o.folds = v;
    } else if (a == "--seed" && i + 1 < args.size()) {
      o.seed = DrawSeed(std::strtoull(args[++i].c_str(), nullptr, 10));
    } else if (a == "--help") {
      std::fputs(kTrainUsage, stdout);
      return 0;
    } else if (!a.empty() && a[0] != '-' && input.empty()) {
      input = a;
    } else {
      std::fputs(kTrainUsage, stderr);
      return 2;
    }
  }
  if (out.empty() || input.empty()) {
    std::fputs(kTrainUsage, stderr);
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::vector<LabelledSentence> data;
  std::string error;
  if (!ReadLabelledSentences(input, &data, &error)) {
    std::fprintf(stderr, "lede train: %s\n", error.c_str());
    return 1;
  }
  std::vector<ClaimExample> examples;
  examples.reserve(data.size());
  for (const LabelledSentence& s : data) examples.push_back(FeaturizeSentence(s));
  ClaimTrainReport report;
  ClaimModel model = TrainClaimModel(examples, o, &report);
  std::string bytes = model.Serialize();
  std::ofstream f(out, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) {
    std::fprintf(stderr, "lede train: cannot write %s\n", out.c_str());
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "trained on %zu sentences: %d-fold CV P=%.4f R=%.4f F1=%.4f at threshold %.4f; "
      "wrote %s (%zu bytes) in %.1f s\n",
      examples.size(), o.folds, report.cv_precision, report.cv_recall, report.cv_f1,
      report.threshold, out.c_str(), bytes.size(), secs);
  return 0;
}

}  // namespace

int TrainClaimsCommand(const Args& args) { return TrainClaims(args); }

}  // namespace lede
