// `lede train claims`: fits the check-worthiness model (claims/model.h) on
// CheckThat!-format data and writes core/data/claims/model.bin.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "claims/model.h"
#include "claims_data.h"
#include "commands.h"

namespace lede {
namespace {

const char kTrainUsage[] =
    "usage: lede train claims --out MODEL.bin [--bits N] [--epochs N] [--folds N] "
    "TRAIN.jsonl\n"
    "  Trains logistic regression on hashed features of lede's own tokens; the\n"
    "  threshold maximizes out-of-fold F1 (N-fold cross-validation on TRAIN).\n"
    "  Deterministic: the same data and options give the same bytes.\n";

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
      "trained on %zu sentences: %d-fold CV P=%.3f R=%.3f F1=%.3f at threshold %.4f; "
      "wrote %s (%zu bytes) in %.1f s\n",
      examples.size(), o.folds, report.cv_precision, report.cv_recall, report.cv_f1,
      report.threshold, out.c_str(), bytes.size(), secs);
  return 0;
}

}  // namespace

int TrainClaimsCommand(const Args& args) { return TrainClaims(args); }

}  // namespace lede
