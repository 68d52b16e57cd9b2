// The Mentions and Entities stages: names, roles and figures, clustered into
// entities. Internal to the core.
#ifndef LEDE_ENTITIES_ENTITIES_H_
#define LEDE_ENTITIES_ENTITIES_H_

#include <vector>

#include "lede/lede.h"
#include "text/document.h"

namespace lede {

// Entities of `doc` in order of first mention; mention spans are byte spans of doc.text.
std::vector<Entity> FindEntities(const Document& doc, std::vector<Warning>* warnings);

}  // namespace lede

#endif  // LEDE_ENTITIES_ENTITIES_H_
