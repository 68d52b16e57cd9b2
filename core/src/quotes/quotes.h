// The Quotes stage: quote spans, their cues and speakers, resolved against
// the entities. Internal to the core.
#ifndef LEDE_QUOTES_QUOTES_H_
#define LEDE_QUOTES_QUOTES_H_

#include <cstdint>
#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

// A mention of entities[entity] over bytes [start, end).
struct MentionSpan {
  uint32_t start, end;
  int entity;
};

// The quotes of `doc`. When `mentions` is given, it gets every mention of
// `entities` sorted by start (among equal starts, in the order of entities
// and their mentions), as the stage indexed them: the Claims stage reads
// them in that order too (FindClaims), so they are sorted once.
std::vector<Quote> FindQuotes(const Document& doc, const std::vector<Entity>& entities,
                              std::vector<Warning>* warnings,
                              std::vector<MentionSpan>* mentions = nullptr);

}  // namespace lede

#endif  // LEDE_QUOTES_QUOTES_H_
