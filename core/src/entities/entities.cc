#include "entities/entities.h"

namespace lede {

std::vector<Entity> FindEntities(const Document&, std::vector<Warning>*) { return {}; }

}  // namespace lede
