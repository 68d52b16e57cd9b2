// `lede eval claims FILE.jsonl`: precision, recall and F1 of the positive
// (check-worthy) class on the CheckThat! format, at the compiled-in model's
// threshold, plus throughput.
#include <chrono>
#include <cstdio>
#include <string>

#include "claims/claims.h"
#include "claims/model.h"
#include "claims_data.h"
#include "commands.h"
#include "entities/entities.h"
#include "lede/lede.h"
#include "text/document.h"

namespace lede {
namespace {

// --units ARTICLE.txt: every sentence or clause with its score, for checking
// how the model behaves on news prose.
int PrintUnits(const std::string& path) {
  std::string text, error;
  if (!ReadInput(path, 64u << 20, &text, &error)) {
    std::fprintf(stderr, "lede eval claims: %s\n", error.c_str());
    return 1;
  }
  Analysis a = Analyze(text);
  Document doc = BuildDocument(a.text);
  std::vector<Warning> warnings;
  std::vector<Entity> entities = FindEntities(doc, &warnings);
  for (const ScoredUnit& u : ScoreUnits(doc, entities)) {
    std::printf("%s %.3f  %s\n", u.score >= ClaimThreshold() ? "CLAIM" : "     ", u.score,
                std::string(doc.Text(u.span)).c_str());
  }
  return 0;
}

}  // namespace

int EvalClaims(const Args& args) {
  std::string input;
  std::string model_path;
  bool pipeline = false, errors = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--model" && i + 1 < args.size()) {
      model_path = args[++i];
    } else if (a == "--units" && i + 1 < args.size()) {
      return PrintUnits(args[++i]);
    } else if (a == "--pipeline") {
      pipeline = true;
    } else if (a == "--errors") {
      errors = true;
    } else if (a == "--help") {
      std::fputs(
          "usage: lede eval claims [--pipeline] [--errors] [--model M.bin] FILE.jsonl\n"
          "  Scores each line's text as one unit with the compiled-in model (the unit\n"
          "  the data labels). --pipeline runs lede::Analyze instead and counts a line\n"
          "  positive when it yields any claim. --errors lists the misclassified lines.\n",
          stdout);
      return 0;
    } else if (input.empty()) {
      input = a;
    } else {
      std::fputs("usage: lede eval claims [--pipeline] [--errors] FILE.jsonl\n", stderr);
      return 2;
    }
  }
  if (input.empty()) {
    std::fputs("usage: lede eval claims [--pipeline] [--errors] FILE.jsonl\n", stderr);
    return 2;
  }
  ClaimModel loaded;
  if (!model_path.empty()) {
    std::string bytes, error;
    if (!ReadInput(model_path, 64u << 20, &bytes, &error) ||
        !ClaimModel::Parse(bytes, &loaded, &error)) {
      std::fprintf(stderr, "lede eval claims: %s\n", error.c_str());
      return 1;
    }
  }
  const ClaimModel& model = model_path.empty() ? DefaultClaimModel() : loaded;
  if (!model.ok()) {
    std::fputs("lede eval claims: no model compiled in (core/data/claims/model.bin)\n", stderr);
    return 1;
  }
  std::vector<LabelledSentence> data;
  std::string error;
  if (!ReadLabelledSentences(input, &data, &error)) {
    std::fprintf(stderr, "lede eval claims: %s\n", error.c_str());
    return 1;
  }
  size_t tp = 0, fp = 0, fn = 0, tn = 0, bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const LabelledSentence& s : data) {
    bytes += s.text.size();
    double score;
    bool predicted;
    if (pipeline) {
      Analysis a = Analyze(s.text);
      score = 0;
      for (const Claim& c : a.claims) score = std::max(score, c.score);
      predicted = !a.claims.empty();
    } else {
      score = model.Score(FeaturizeSentence(s).features);
      predicted = score >= model.threshold;
    }
    if (predicted && s.positive) ++tp;
    if (predicted && !s.positive) ++fp;
    if (!predicted && s.positive) ++fn;
    if (!predicted && !s.positive) ++tn;
    if (errors && predicted != s.positive) {
      std::printf("%s\t%.3f\t%s\t%s\n", predicted ? "FP" : "FN", score, s.id.c_str(),
                  s.text.c_str());
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double p = tp + fp ? static_cast<double>(tp) / (tp + fp) : 0;
  double r = tp + fn ? static_cast<double>(tp) / (tp + fn) : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf(
      "claims %s (%s): n=%zu tp=%zu fp=%zu fn=%zu tn=%zu  P=%.3f R=%.3f F1=%.3f  "
      "threshold=%.4f\n",
      input.c_str(), pipeline ? "pipeline" : "sentence", data.size(), tp, fp, fn, tn, p, r, f1,
      model.threshold);
  std::printf("throughput: %.0f sentences/s, %.2f MB/s (%.2f s)\n", data.size() / secs,
              bytes / secs / 1e6, secs);
  return 0;
}

}  // namespace lede
