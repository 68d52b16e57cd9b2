// lede::Compare: what two analysed articles share and where they differ.
//
// Usage:
//   lede::Analysis a = lede::Analyze(text_a), b = lede::Analyze(text_b);
//   lede::Comparison c = lede::Compare(a, b);
//   std::string json = lede::CompareToJson(c, a, b);  // docs/compare.md
//
// Compare reads only the two Analyses (entities, quotes, claims and the
// figures on entity mentions); it never throws. Indices in the structs below
// point into a.entities / a.claims / a.quotes (field `a`) and the same vectors
// of b (field `b`). Cost: linear in the sizes of both analyses plus the
// number of candidate pairs that share an entity, figure or word.
#ifndef LEDE_COMPARE_H_
#define LEDE_COMPARE_H_

#include <string>
#include <vector>

#include "lede/lede.h"

namespace lede {

// One real-world name both articles use, merged across spellings and
// aliases ("Zelensky" / "Volodymyr Zelenskyy", "US" / "United States").
// An article may hold it as several entities (the entity stage does not
// always cluster "Putin" with "Vladimir Putin"); all are listed.
struct SharedEntity {
  std::string name;    // the fullest spelling in either article
  std::string type;    // the type in article a (PERSON, GPE, ...)
  std::vector<int> a;  // entity indices in a
  std::vector<int> b;  // entity indices in b
};

// A name only one article uses.
struct LoneEntity {
  std::string name;
  std::string type;
  std::vector<int> entities;  // indices in that article
};

// Two claims that state the same thing: the same entities and figures, or
// the same predicate ("recaptured more than 20 settlements" / "advanced into
// an additional 20 Russian-held towns and villages").
struct SharedClaim {
  int a = -1, b = -1;                 // claim indices
  double similarity = 0;              // 0..1
  std::vector<std::string> entities;  // names both claims mention
  std::vector<std::string> figures;   // figures both state ("20", "24 hour")
  std::vector<std::string> words;     // shared content words or their synonyms
};

// A figure about the same thing with different values in the two articles.
struct FigureDifference {
  int claim_a = -1, claim_b = -1;  // claim indices (or -1: a sentence that is no claim)
  Span a, b;                       // the figures as written
  Quantity qa, qb;
  std::string message;  // "a: 500 km2; b: more than 3000 km2"
};

// The same speaker quoted in both, with overlapping words.
struct SharedQuote {
  int a = -1, b = -1;  // quote indices
  std::string speaker;
  double overlap = 0;  // share of content words in common, 0..1
};

struct Comparison {
  std::vector<SharedEntity> entities;
  std::vector<LoneEntity> entities_only_a, entities_only_b;
  std::vector<SharedClaim> claims;
  std::vector<int> claims_only_a, claims_only_b;
  std::vector<FigureDifference> figures;
  std::vector<SharedQuote> quotes;
  std::vector<int> quotes_only_a, quotes_only_b;
};

// Compares two analyses (either may be refused or empty). Never throws.
Comparison Compare(const Analysis& a, const Analysis& b);

// The comparison as JSON (docs/compare.md). Spans are given in each
// analysis's own offset unit (a.options.offsets, b.options.offsets).
std::string CompareToJson(const Comparison& c, const Analysis& a, const Analysis& b,
                          bool pretty = false);

}  // namespace lede

#endif  // LEDE_COMPARE_H_
