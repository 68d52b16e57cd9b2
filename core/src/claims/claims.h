// The Claims stage: check-worthy sentences, typed and linked to their source.
// Internal to the core.
#ifndef LEDE_CLAIMS_CLAIMS_H_
#define LEDE_CLAIMS_CLAIMS_H_

#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

std::vector<Claim> FindClaims(const Document& doc, const std::vector<Entity>& entities,
                              const std::vector<Quote>& quotes);

}  // namespace lede

#endif  // LEDE_CLAIMS_CLAIMS_H_
