// The Quotes stage: quote spans, their cues and speakers, resolved against
// the entities. Internal to the core.
#ifndef LEDE_QUOTES_QUOTES_H_
#define LEDE_QUOTES_QUOTES_H_

#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

std::vector<Quote> FindQuotes(const Document& doc, const std::vector<Entity>& entities,
                              std::vector<Warning>* warnings);

}  // namespace lede

#endif  // LEDE_QUOTES_QUOTES_H_
