// The words of a claim's types and reasons, as the JSON gives them. A Claim
// keeps them as enums (and the quoted words as spans of the text), so that
// a long text's hundred thousand reasons hold no heap memory.
#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"

namespace lede {

const char* ClaimTypeName(ClaimType type) {
  switch (type) {
    case ClaimType::kQuantity:
      return "quantity";
    case ClaimType::kComparison:
      return "comparison";
    case ClaimType::kChange:
      return "change";
    case ClaimType::kCausal:
      return "causal";
    case ClaimType::kPrediction:
      return "prediction";
    case ClaimType::kPolicy:
      return "policy";
    case ClaimType::kEvent:
      return "event";
    case ClaimType::kCount:
      break;
  }
  return "";
}

const char* ClaimReasonName(ClaimReason reason) {
  switch (reason) {
    case ClaimReason::kFigure:
      return "contains a figure";
    case ClaimReason::kCompares:
      return "compares";
    case ClaimReason::kChange:
      return "describes a change";
    case ClaimReason::kCause:
      return "states a cause";
    case ClaimReason::kPrediction:
      return "predicts or plans";
    case ClaimReason::kPolicy:
      return "mentions a law or policy";
    case ClaimReason::kNames:
      return "names a person, place or organisation";
    case ClaimReason::kAction:
      return "reports an action";
    case ClaimReason::kAttribution:
      return "attributes it to someone";
    case ClaimReason::kLength:
      return "a long, detailed statement";
    case ClaimReason::kSource:
      return "names a source";
    case ClaimReason::kWording:
      return "wording of checkable statements:";
    case ClaimReason::kCount:
      break;
  }
  return "";
}

void AppendClaimReason(const Claim& claim, size_t k, std::string_view text, std::string* out) {
  ClaimReason r = claim.reasons[k];
  out->append(ClaimReasonName(r));
  if (r != ClaimReason::kWording) return;
  for (size_t i = 0; i < Claim::kMaxWords; ++i) {
    Span w = claim.wording[i];
    if (w.end == w.start) break;
    out->append(i > 0 ? ", \"" : " \"");
    out->append(text.substr(w.start, w.end - w.start));
    out->push_back('"');
  }
}

std::vector<std::string> ClaimTypeNames(const Claim& claim) {
  std::vector<std::string> out;
  for (int t = 0; t < static_cast<int>(ClaimType::kCount); ++t) {
    if (claim.Has(static_cast<ClaimType>(t)))
      out.emplace_back(ClaimTypeName(static_cast<ClaimType>(t)));
  }
  return out;
}

std::vector<std::string> ClaimReasonTexts(const Claim& claim, std::string_view text) {
  std::vector<std::string> out(claim.num_reasons);
  for (size_t k = 0; k < claim.num_reasons; ++k) AppendClaimReason(claim, k, text, &out[k]);
  return out;
}

}  // namespace lede
