// The Checks stage: internal consistency of the figures in one article.
// Internal to the core.
#ifndef LEDE_CHECKS_CHECKS_H_
#define LEDE_CHECKS_CHECKS_H_

#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

std::vector<Check> RunChecks(const Document& doc, const std::vector<Entity>& entities,
                             const std::vector<Claim>& claims);

}  // namespace lede

#endif  // LEDE_CHECKS_CHECKS_H_
