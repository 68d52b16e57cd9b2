// The Claims stage: check-worthy sentences, typed and linked to their source.
// Internal to the core.
//
// Every sentence, or clause where a sentence holds two (split at ";" and at
// ", but" / ", while" / ", although" between two long halves), is scored by
// the linear model in claims/model.h. Units scoring at or above the model's
// threshold (kept in core/data/claims/model.bin; see docs/claims.md) become
// claims. A unit with nothing checkable (no figure, name, source,
// comparison, change, cause, prediction or policy) has its score scaled by
// 0.3 first: colour such as "The fighters came out with bread and candy".
// Types, hedging and source come from rules over the same tokens;
// reasons come from the model's largest positive feature contributions.
// Works with empty `entities` and `quotes`. Linear in the number of tokens.
#ifndef LEDE_CLAIMS_CLAIMS_H_
#define LEDE_CLAIMS_CLAIMS_H_

#include <vector>

#include "lede/lede.h"
#include "quotes/quotes.h"
#include "text/document.h"

namespace lede {

// `mentions_by_start`, when given, must be every mention of `entities`
// sorted by start, as FindQuotes gives them: the stage reads them instead of
// sorting its own copy. The claims are the same either way. The vector has
// at most 4 KB of unused room.
std::vector<Claim> FindClaims(const Document& doc, const std::vector<Entity>& entities,
                              const std::vector<Quote>& quotes,
                              const std::vector<MentionSpan>* mentions_by_start = nullptr);

// A scored unit (sentence or clause), claim or not. For evaluation and tests.
struct ScoredUnit {
  Span span;
  uint32_t begin = 0, end = 0;  // token range
  double score = 0;
};

// Scores every sentence or clause of `doc` as FindClaims does (without
// quotes, so a unit whose only substance is its source scores lower).
// Linear in the number of tokens.
std::vector<ScoredUnit> ScoreUnits(const Document& doc, const std::vector<Entity>& entities);

// The threshold FindClaims applies (from the compiled-in model).
double ClaimThreshold();

}  // namespace lede

#endif  // LEDE_CLAIMS_CLAIMS_H_
